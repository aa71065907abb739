package dev.streamwright.app.cli;

import dev.streamwright.app.deploy.DeployException;
import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.PipelineSource;
import dev.streamwright.app.deploy.Progress;
import dev.streamwright.app.deploy.RemoteRuntimes;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.models.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * What the lifecycle commands ({@code deploy}, {@code deployments}, {@code stop}, {@code resume},
 * {@code upgrade}, {@code rollback}) share: the workspace they work on, the deployment service over
 * it, and how its failures become one line on stderr and an exit code.
 */
final class LifecycleCli {

  private static final Logger LOG = LoggerFactory.getLogger(LifecycleCli.class);

  /** The {@code --workspace} option of every lifecycle command. */
  static final class WorkspaceOption {
    @Option(
        names = "--workspace",
        paramLabel = "DIR",
        description = "The workspace folder (default: <data folder>/workspace, the studio's).")
    Path directory;
  }

  /**
   * The {@code --models} option of the commands that compile a recorded pipeline again (resume,
   * upgrade, rollback): a deployment's record keeps its pipeline, not where its models were.
   */
  static final class ModelsOption {
    @Option(
        names = "--models",
        paramLabel = "DIR",
        description =
            "The folder the deployment's models are in, when its pipeline has Model score nodes"
                + " (default: the workspace's models folder, the studio's).")
    Path dir;
  }

  /** What a command does with the service. */
  @FunctionalInterface
  interface Body {
    int run(DeploymentService service) throws DeployException;
  }

  private final CliContext context;
  private final Supplier<Optional<RemoteRuntimeFactory>> factories;
  private final Function<String, String> variables;

  LifecycleCli(CliContext context) {
    this(context, RemoteRuntimeFactory::find, System::getenv);
  }

  LifecycleCli(
      CliContext context,
      Supplier<Optional<RemoteRuntimeFactory>> factories,
      Function<String, String> variables) {
    this.context = context;
    this.factories = factories;
    this.variables = variables;
  }

  /** The folders and runtimes the command line runs with. */
  CliContext context() {
    return context;
  }

  /** The sentence refusing the embedded environment, or empty for any other. */
  static Optional<String> refuseEmbedded(String environment) {
    if (!EnvironmentNames.EMBEDDED.equals(environment)) {
      return Optional.empty();
    }
    return Optional.of(
        "'embedded' is the Flink inside Streamwright, which lives only as long as one process:"
            + " use 'streamwright run PIPELINE.json' to run a pipeline there, or deploy to a remote"
            + " environment (streamwright env list).");
  }

  /** A pipeline file to deploy, with the environment it compiles in. */
  static PipelineSource pipelineFile(Path file) throws DeployException {
    return PipelineSource.read(file, PipelineChecker.environment(file));
  }

  /** As {@link #pipelineFile(Path)}, with its models in {@code models}. */
  static PipelineSource pipelineFile(Path file, Path models) throws DeployException {
    Map<String, String> env = new HashMap<>(PipelineChecker.environment(file));
    env.put(ModelRegistry.ENVIRONMENT_KEY, models.toAbsolutePath().normalize().toString());
    return PipelineSource.read(file, env);
  }

  /** Reports each step of an operation on stderr. */
  static Progress progress(PrintWriter err) {
    return step -> {
      err.println(step + " ...");
      err.flush();
    };
  }

  /**
   * Opens the workspace (read-write; read-only when {@code readOnlyWhenLocked} and the studio holds
   * it), runs the body with a service over it, and turns failures into a line and an exit code.
   */
  int run(WorkspaceOption option, boolean readOnlyWhenLocked, PrintWriter err, Body body) {
    return run(option, readOnlyWhenLocked, false, err, body);
  }

  /**
   * As {@link #run(WorkspaceOption, boolean, PrintWriter, Body)}; with {@code readOnly} the
   * workspace is opened read-only at once, for a long-running command that only reads it ({@code
   * monitor}) and must not keep the studio out.
   */
  int run(
      WorkspaceOption option,
      boolean readOnlyWhenLocked,
      boolean readOnly,
      PrintWriter err,
      Body body) {
    return run(option, null, readOnlyWhenLocked, readOnly, err, body);
  }

  /**
   * As {@link #run(WorkspaceOption, boolean, boolean, PrintWriter, Body)}, for a command with the
   * {@code --models} option: recorded pipelines compile against its folder (else the workspace's
   * models folder), and a pipeline whose model is not found says to give the option.
   */
  int run(WorkspaceOption option, ModelsOption models, PrintWriter err, Body body) {
    return run(option, models, false, false, err, body);
  }

  private int run(
      WorkspaceOption option,
      ModelsOption models,
      boolean readOnlyWhenLocked,
      boolean readOnly,
      PrintWriter err,
      Body body) {
    Path dir =
        option.directory != null ? option.directory : context.folders().data().resolve("workspace");
    try (Workspace w =
            readOnly
                ? Workspace.open(dir, OpenMode.READ_ONLY)
                : open(dir, readOnlyWhenLocked, err);
        DeploymentService service =
            new DeploymentService(
                w,
                new RemoteRuntimes(
                    w,
                    SecretBox.at(SecretBox.keyFileIn(context.folders().data())),
                    variables,
                    factories),
                compileEnvironment(dir, models == null ? null : models.dir))) {
      return body.run(service);
    } catch (DeployException e) {
      if (models != null
          && e.kind() == DeployException.Kind.INVALID_PIPELINE
          && e.problems().stream().anyMatch(p -> p.isError() && "model".equals(p.property()))) {
        err.println(
            "hint: a deployment's record keeps its pipeline, not its models: give the folder they"
                + " are in with --models DIR.");
      }
      return report(e, err);
    } catch (WorkspaceLockedException e) {
      err.println(
          "error: the workspace "
              + dir
              + " is open in another Streamwright (the studio?), so its deployments cannot be"
              + " changed now. Use the studio's Deployments view, or close it and try again.");
      return ExitCodes.RUNTIME_FAILURE;
    } catch (WorkspaceException e) {
      LOG.warn("lifecycle: workspace failure", e);
      err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      err.flush();
    }
  }

  private static Workspace open(Path dir, boolean readOnlyWhenLocked, PrintWriter err) {
    try {
      return Workspace.open(dir, OpenMode.READ_WRITE);
    } catch (WorkspaceLockedException e) {
      if (!readOnlyWhenLocked) {
        throw e;
      }
      err.println(
          "note: the workspace is open in another Streamwright; showing the deployments without"
              + " recording what the clusters say.");
      return Workspace.open(dir, OpenMode.READ_ONLY);
    }
  }

  /** One line per problem, then the reason; the exit code of its kind. */
  /**
   * What recorded pipelines compile in: the command line's data folder as {@code data.dir}, and as
   * {@code models.dir} the folder given, else the workspace's models folder (where the studio keeps
   * its registered models) when there is one.
   */
  static Map<String, String> compileEnvironment(Path workspace, Path models) {
    Map<String, String> env = new HashMap<>();
    env.put(DataFolder.ENVIRONMENT_KEY, PipelineChecker.dataFolder().toString());
    Path folder = models != null ? models : workspace.resolve("models");
    if (models != null || Files.isDirectory(folder)) {
      env.put(ModelRegistry.ENVIRONMENT_KEY, folder.toAbsolutePath().normalize().toString());
    }
    return Map.copyOf(env);
  }

  static int report(DeployException e, PrintWriter err) {
    LOG.info("lifecycle: {} ({})", e.getMessage(), e.kind(), e);
    for (Problem p : e.problems()) {
      err.println(p);
    }
    err.println("error: " + e.getMessage());
    err.flush();
    return switch (e.kind()) {
      case INVALID_PIPELINE -> ExitCodes.INVALID_PIPELINE;
      case REFUSED -> ExitCodes.USAGE;
      case FAILED -> ExitCodes.RUNTIME_FAILURE;
    };
  }
}
