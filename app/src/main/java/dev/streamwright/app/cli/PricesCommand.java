package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import dev.streamwright.app.workspace.WorkspacePrices;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.cost.PriceProfileJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * {@code streamwright prices list|show|import|remove|use|resources}: the price profiles a
 * deployment's cost is computed with, and per environment the profile it uses and the resources of
 * its task slots and JobManager. Presets are dated estimates and say so wherever they show.
 */
@Command(
    name = "prices",
    description = {
      "Manage what deployments cost: price profiles (presets are dated list-price estimates; import"
          + " your own as JSON), which profile each environment is priced with, and the cores and"
          + " memory of its task slots and JobManager. 'streamwright monitor' shows the cost."
    },
    subcommands = {
      PricesCommand.ListProfiles.class,
      PricesCommand.Show.class,
      PriceChangeCommands.Import.class,
      PriceChangeCommands.Remove.class,
      PriceChangeCommands.Use.class,
      PriceChangeCommands.Resources.class
    })
final class PricesCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(PricesCommand.class);

  final CliContext context;

  @Spec private CommandSpec spec;

  PricesCommand(CliContext context) {
    this.context = context;
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

  /** What a subcommand does with the open workspace. */
  @FunctionalInterface
  interface Body {
    int run(Workspace workspace) throws IOException;
  }

  /** Opens the workspace, runs the body, and turns failures into one line and an exit code. */
  int withWorkspace(WorkspaceOption option, OpenMode mode, PrintWriter err, Body body) {
    Path dir =
        option.directory != null ? option.directory : context.folders().data().resolve("workspace");
    try (Workspace w = Workspace.open(dir, mode)) {
      return body.run(w);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (WorkspaceLockedException e) {
      err.println(
          "error: the workspace "
              + dir
              + " is open in another Streamwright (the studio?), so its prices cannot be changed"
              + " now. Change them there, or close it and try again.");
      return ExitCodes.RUNTIME_FAILURE;
    } catch (WorkspaceException | IOException e) {
      LOG.warn("prices: workspace failure", e);
      err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      err.flush();
    }
  }

  /** "preset, estimate", "yours" or "yours, estimate". */
  static String kind(PriceProfile p) {
    return (WorkspacePrices.isPreset(p.name()) ? "preset" : "yours")
        + (p.estimate() ? ", estimate" : "");
  }

  /** The preset's short name, or the profile's name. */
  static String shortName(PriceProfile p) {
    return WorkspacePrices.PRESETS.entrySet().stream()
        .filter(e -> e.getValue().name().equals(p.name()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(p.name());
  }

  static String price(double v) {
    return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
  }

  /** {@code streamwright prices list}. */
  @Command(
      name = "list",
      description = {
        "List the price profiles and, per environment, the profile and resources it is priced"
            + " with."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "2:usage error", "3:the workspace cannot be read"})
  static final class ListProfiles implements Callable<Integer> {

    /** Output formats. */
    enum Format {
      table,
      json
    }

    @ParentCommand private PricesCommand parent;
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
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_ONLY,
          spec.commandLine().getErr(),
          w -> {
            WorkspacePrices prices = WorkspacePrices.of(w);
            List<String> envs = new ArrayList<>();
            envs.add(EnvironmentNames.EMBEDDED);
            WorkspaceEnvironments.of(w).list().stream()
                .map(RemoteEnvironment::name)
                .forEach(envs::add);
            if (format == Format.json) {
              out.println(json(prices, envs));
            } else {
              table(out, prices, envs);
            }
            out.flush();
            return ExitCodes.OK;
          });
    }

    private static String json(WorkspacePrices prices, List<String> envs) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode root = m.createObjectNode();
      ArrayNode profiles = root.putArray("profiles");
      for (PriceProfile p : prices.profiles()) {
        try {
          ObjectNode n = (ObjectNode) m.readTree(PriceProfileJson.write(p));
          n.put("shortName", shortName(p));
          n.put("preset", WorkspacePrices.isPreset(p.name()));
          profiles.add(n);
        } catch (IOException e) {
          throw new IllegalStateException("a written profile reads back", e);
        }
      }
      ArrayNode environments = root.putArray("environments");
      for (String env : envs) {
        EnvironmentProfile r = prices.resources(env);
        ObjectNode n = environments.addObject();
        n.put("environment", env);
        n.put("profile", prices.profileFor(env).name());
        n.put("coresPerSlot", r.coresPerSlot());
        n.put("memoryGibPerSlot", r.memoryGibPerSlot());
        n.put("jobManagerCores", r.jobManagerCores());
        n.put("jobManagerMemoryGib", r.jobManagerMemoryGib());
      }
      return root.toPrettyString();
    }

    private static void table(PrintWriter out, WorkspacePrices prices, List<String> envs) {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "NAME",
            "KIND",
            "CURRENCY",
            "CORE-HOUR",
            "GIB-HOUR",
            "KAFKA READ GB",
            "KAFKA WRITTEN GB",
            "CHECKPOINT GB-MONTH",
            "PRICES OF",
            "PROFILE"
          });
      for (PriceProfile p : prices.profiles()) {
        rows.add(
            new String[] {
              shortName(p),
              kind(p),
              p.currency(),
              price(p.cpuCoreHour()),
              price(p.memoryGibHour()),
              price(p.kafkaReadGb()),
              price(p.kafkaWrittenGb()),
              price(p.checkpointGbMonth()),
              String.valueOf(p.pricesTakenOn()),
              p.name()
            });
      }
      StringBuilder text = new StringBuilder();
      SnapshotText.table(text, rows);
      text.append(
          "\nPresets are estimates: list prices as their pages published them on the day shown,"
              + " not a bill. 'streamwright prices show NAME' gives the sources.\n\n");
      List<String[]> env = new ArrayList<>();
      env.add(
          new String[] {
            "ENVIRONMENT", "PRICED WITH", "CORES/SLOT", "GIB/SLOT", "JM CORES", "JM GIB"
          });
      for (String e : envs) {
        EnvironmentProfile r = prices.resources(e);
        env.add(
            new String[] {
              e,
              shortName(prices.profileFor(e)),
              price(r.coresPerSlot()),
              price(r.memoryGibPerSlot()),
              price(r.jobManagerCores()),
              price(r.jobManagerMemoryGib())
            });
      }
      SnapshotText.table(text, env);
      out.print(text);
    }
  }

  /** {@code streamwright prices show NAME}. */
  @Command(
      name = "show",
      description = {"Show a price profile with its sources; --json prints it to copy and edit."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:shown", "2:usage error or unknown profile", "3:the workspace failed"})
  static final class Show implements Callable<Integer> {

    @ParentCommand private PricesCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private WorkspaceOption workspace = new WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "A profile's (short) name.")
    private String name;

    @Option(names = "--json", description = "Print the profile as JSON (for prices import).")
    private boolean json;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_ONLY,
          spec.commandLine().getErr(),
          w -> {
            PriceProfile p = find(WorkspacePrices.of(w), name);
            if (json) {
              out.println(PriceProfileJson.write(p));
            } else {
              out.println(p.name() + "  (" + kind(p) + ", prices of " + p.pricesTakenOn() + ")");
              out.println(
                  "  CPU            "
                      + p.currency()
                      + " "
                      + price(p.cpuCoreHour())
                      + " per core-hour");
              out.println(
                  "  memory         "
                      + p.currency()
                      + " "
                      + price(p.memoryGibHour())
                      + " per GiB-hour");
              out.println(
                  "  Kafka read     " + p.currency() + " " + price(p.kafkaReadGb()) + " per GB");
              out.println(
                  "  Kafka written  " + p.currency() + " " + price(p.kafkaWrittenGb()) + " per GB");
              out.println(
                  "  checkpoints    "
                      + p.currency()
                      + " "
                      + price(p.checkpointGbMonth())
                      + " per GB-month");
              out.println("  source         " + p.source());
            }
            out.flush();
            return ExitCodes.OK;
          });
    }
  }

  static PriceProfile find(WorkspacePrices prices, String name) {
    return prices
        .profile(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "There is no price profile '"
                        + name
                        + "'. The profiles are: "
                        + String.join(
                            ", ", prices.profiles().stream().map(PricesCommand::shortName).toList())
                        + "."));
  }
}
