package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.EnvironmentResolver;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright env add|list|remove|test}: the environments of a workspace that pipelines
 * deploy to. Secrets are never taken from the command line nor printed: see {@link EnvAddCommand}.
 */
@Command(
    name = "env",
    description = {
      "Manage where pipelines run: 'embedded' (the Flink inside Streamwright, always there) and"
          + " named remote Flink session clusters reached through their SQL Gateway."
    },
    subcommands = {
      EnvAddCommand.class,
      EnvCommand.ListEnvironments.class,
      EnvCommand.Remove.class,
      EnvCommand.Test.class
    })
final class EnvCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(EnvCommand.class);

  final CliContext context;
  final Supplier<Optional<RemoteRuntimeFactory>> factories;
  final Supplier<SecretInput> secretInput;
  final Function<String, String> variables;

  @Spec private CommandSpec spec;

  EnvCommand(CliContext context) {
    this(context, RemoteRuntimeFactory::find, SecretInput::system, System::getenv);
  }

  /**
   * A command with its surroundings given, for tests.
   *
   * @param factories finds the remote runtime factory ({@link RemoteRuntimeFactory#find})
   * @param secretInput where prompted secrets are read
   * @param variables reads environment variables
   */
  EnvCommand(
      CliContext context,
      Supplier<Optional<RemoteRuntimeFactory>> factories,
      Supplier<SecretInput> secretInput,
      Function<String, String> variables) {
    this.context = context;
    this.factories = factories;
    this.secretInput = secretInput;
    this.variables = variables;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** The {@code --workspace} option every subcommand takes. */
  static final class WorkspaceOption {
    @Option(
        names = "--workspace",
        paramLabel = "DIR",
        description = "The workspace folder (default: <data folder>/workspace, the studio's).")
    Path directory;
  }

  /** The workspace folder a subcommand works on. */
  Path workspaceDir(WorkspaceOption option) {
    return option.directory != null
        ? option.directory
        : context.folders().data().resolve("workspace");
  }

  /** The key file of stored secrets, in the data folder, outside every workspace. */
  SecretBox secrets() {
    return SecretBox.at(SecretBox.keyFileIn(context.folders().data()));
  }

  /** What a subcommand does with the open workspace. */
  @FunctionalInterface
  interface Body {
    int run(Workspace workspace);
  }

  /**
   * Opens the workspace (read-only ones are a private copy, so the studio may hold it), runs the
   * body, and turns the failures users can act on into one line on stderr and an exit code.
   */
  int withWorkspace(WorkspaceOption option, OpenMode mode, PrintWriter err, Body body) {
    Path dir = workspaceDir(option);
    try (Workspace w = Workspace.open(dir, mode)) {
      return body.run(w);
    } catch (EnvironmentException e) {
      LOG.info("env: {}", e.getMessage());
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (WorkspaceLockedException e) {
      err.println(
          "error: the workspace "
              + dir
              + " is open in another Streamwright (the studio?), so its environments cannot be"
              + " changed now. Close it and try again, or give another workspace with --workspace"
              + " DIR.");
      return ExitCodes.RUNTIME_FAILURE;
    } catch (WorkspaceException e) {
      LOG.warn("env: workspace failure", e);
      err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      err.flush();
    }
  }

  /** The remote environment, or an error naming the known ones. */
  static RemoteEnvironment remote(Workspace w, String name) {
    return WorkspaceEnvironments.of(w)
        .get(name)
        .orElseThrow(
            () -> {
              List<String> names = new ArrayList<>();
              names.add(EnvironmentNames.EMBEDDED);
              WorkspaceEnvironments.of(w).list().forEach(e -> names.add(e.name()));
              return new EnvironmentException(
                  "There is no environment '"
                      + name
                      + "' in the workspace "
                      + w.directory()
                      + "; the environments are: "
                      + String.join(", ", names)
                      + ". Add one with: streamwright env add NAME --gateway URL --rest URL");
            });
  }

  /** {@code streamwright env list}. */
  @Command(
      name = "list",
      description = {
        "List the environments. Secrets show as (secret) when stored encrypted, or as the"
            + " ${env:NAME} they are read from."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "2:usage error", "3:the workspace cannot be read"})
  static final class ListEnvironments implements Callable<Integer> {

    private static final ObjectMapper JSON =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Output formats. */
    enum Format {
      table,
      json
    }

    @ParentCommand private EnvCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private WorkspaceOption workspace = new WorkspaceOption();

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "table (default) or json.",
        defaultValue = "table")
    private Format format;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_ONLY,
          err,
          w -> {
            List<RemoteEnvironment> envs = WorkspaceEnvironments.of(w).list();
            if (format == Format.json) {
              out.println(json(envs));
            } else {
              table(out, envs);
            }
            out.flush();
            return ExitCodes.OK;
          });
    }

    private static String json(List<RemoteEnvironment> envs) {
      ArrayNode all = JSON.createArrayNode();
      all.addObject().put("name", EnvironmentNames.EMBEDDED).put("kind", "embedded");
      for (RemoteEnvironment e : envs) {
        ObjectNode n = all.addObject();
        n.put("name", e.name()).put("kind", "remote");
        n.put("gatewayUrl", e.gatewayUrl().toString()).put("restUrl", e.restUrl().toString());
        n.put("kafkaBootstrapServers", e.kafkaBootstrapServers());
        shown(n.putObject("kafkaProperties"), e.kafkaProperties());
        e.jars().forEach(n.putArray("jars")::add);
        n.put("parallelism", e.parallelism()).put("savepointDir", e.savepointDir());
        shown(n.putObject("httpHeaders"), e.httpHeaders());
        shown(n.putObject("clientOptions"), e.clientOptions());
      }
      try {
        return JSON.writeValueAsString(all);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a tree of strings always serializes", e);
      }
    }

    private static void shown(ObjectNode n, Map<String, ConfigValue> values) {
      values.forEach((k, v) -> n.put(k, v.shown()));
    }

    private static void table(PrintWriter out, List<RemoteEnvironment> envs) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NAME", "GATEWAY", "REST", "KAFKA", "PARALLELISM"});
      rows.add(new String[] {EnvironmentNames.EMBEDDED, "(in this process)", "-", "-", "-"});
      for (RemoteEnvironment e : envs) {
        rows.add(
            new String[] {
              e.name(),
              e.gatewayUrl().toString(),
              e.restUrl().toString(),
              e.kafkaBootstrapServers().isEmpty() ? "-" : e.kafkaBootstrapServers(),
              e.parallelism() == 0 ? "default" : Integer.toString(e.parallelism())
            });
      }
      int[] widths = new int[rows.get(0).length];
      for (String[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          widths[i] = Math.max(widths[i], r[i].length());
        }
      }
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
          line.append(
              i == r.length - 1
                  ? r[i]
                  : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r[i]));
        }
        out.println(line.toString().stripTrailing());
      }
      for (RemoteEnvironment e : envs) {
        List<String> details = new ArrayList<>();
        e.kafkaProperties()
            .forEach((k, v) -> details.add("Kafka property  " + k + " = " + v.shown()));
        e.httpHeaders().forEach((k, v) -> details.add("header          " + k + ": " + v.shown()));
        e.clientOptions()
            .forEach((k, v) -> details.add("client option   " + k + " = " + v.shown()));
        e.jars().forEach(j -> details.add("jar             " + j));
        if (!e.savepointDir().isEmpty()) {
          details.add("savepoints      " + e.savepointDir());
        }
        if (!details.isEmpty()) {
          out.println();
          out.println(e.name() + ":");
          details.forEach(d -> out.println("  " + d));
        }
      }
    }
  }

  /** {@code streamwright env remove NAME}. */
  @Command(
      name = "remove",
      description = {
        "Remove a remote environment and its stored secrets. Refused while deployments there may"
            + " still run; their records stay."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:removed",
        "2:no such environment, 'embedded', or deployments there may still run",
        "3:the workspace cannot be changed"
      })
  static final class Remove implements Callable<Integer> {

    @ParentCommand private EnvCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private WorkspaceOption workspace = new WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The environment to remove.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_WRITE,
          err,
          w -> {
            if (!EnvironmentNames.EMBEDDED.equals(name)) {
              remote(w, name); // an unknown name is an error naming the known ones
            }
            WorkspaceEnvironments.of(w).remove(name);
            err.println("Removed the environment '" + name + "'.");
            return ExitCodes.OK;
          });
    }
  }

  /** {@code streamwright env test NAME}. */
  @Command(
      name = "test",
      description = {
        "Check what a deploy to the environment needs, without deploying: the SQL Gateway, the"
            + " Flink REST API, the cluster's Flink version, the jars and the Kafka brokers. Prints"
            + " one line per check."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:every check passed",
        "2:usage error, or no such environment",
        "3:a check failed, a secret cannot be resolved, or no remote runtime is available"
      })
  static final class Test implements Callable<Integer> {

    @ParentCommand private EnvCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private WorkspaceOption workspace = new WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The environment to check.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (EnvironmentNames.EMBEDDED.equals(name)) {
        out.println(
            "embedded: the Flink inside Streamwright; it starts with the first run and needs no"
                + " check.");
        out.flush();
        return ExitCodes.OK;
      }
      return parent.withWorkspace(workspace, OpenMode.READ_ONLY, err, w -> test(w, out, err));
    }

    private int test(Workspace w, PrintWriter out, PrintWriter err) {
      RemoteEnvironment env = remote(w, name);
      out.println(
          "Environment "
              + env.name()
              + ": SQL Gateway "
              + env.gatewayUrl()
              + ", Flink REST "
              + env.restUrl());
      if (EnvironmentNames.DEV_CLUSTER.equals(name)
          && !DevClusterCommand.isRunning(parent.context.folders().data())) {
        print(
            out,
            new EnvironmentCheck.Item(
                "dev cluster",
                false,
                "not running; start it with: streamwright dev-cluster start"));
        return finish(out, err, false);
      }
      RemoteTarget target;
      try {
        target = new EnvironmentResolver(parent.secrets(), parent.variables).resolve(env);
      } catch (EnvironmentException e) {
        print(out, new EnvironmentCheck.Item("secrets", false, e.getMessage()));
        return finish(out, err, false);
      }
      Optional<RemoteRuntimeFactory> factory = parent.factories.get();
      if (factory.isEmpty()) {
        print(
            out,
            new EnvironmentCheck.Item(
                "remote runtime",
                false,
                "this Streamwright has no remote runtime on its class path, so it cannot reach a"
                    + " Flink cluster; use a build that includes it"));
        return finish(out, err, false);
      }
      LOG.info("Checking the environment {}", target); // RemoteTarget masks its secrets
      EnvironmentCheck check = factory.get().check(target);
      check.items().forEach(i -> print(out, i));
      return finish(out, err, check.ok() && !check.items().isEmpty());
    }

    private static void print(PrintWriter out, EnvironmentCheck.Item item) {
      out.printf(
          Locale.ROOT, "  %-4s  %-16s %s%n", item.ok() ? "ok" : "FAIL", item.what(), item.detail());
    }

    private int finish(PrintWriter out, PrintWriter err, boolean ok) {
      out.flush();
      err.println(
          ok
              ? "Environment '" + name + "' is ready to deploy to."
              : "Environment '" + name + "' is not ready: fix what failed above and test again.");
      return ok ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }
  }
}
