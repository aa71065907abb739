package dev.streamwright.app.cli;

import dev.streamwright.app.deploy.DeployResult;
import dev.streamwright.app.deploy.PipelineSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright deploy PIPELINE.json --env NAME}: runs a pipeline on a remote cluster. */
@Command(
    name = "deploy",
    description = {
      "Deploy a pipeline to a remote Flink cluster and wait until its job runs. Prints the"
          + " deployment id (for stop, resume, upgrade, rollback) and the Flink job id. Preview"
          + " sinks run there as Flink print sinks named after their nodes: their rows go to the"
          + " TaskManagers' stdout log."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the job runs",
      "1:the pipeline is invalid or cannot be read",
      "2:usage error: unknown or 'embedded' environment, savepoint not found",
      "3:the cluster refused or failed the job (the cause is printed)"
    })
final class DeployCommand implements Callable<Integer> {

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline file.")
  private Path file;

  @Option(
      names = "--env",
      required = true,
      paramLabel = "NAME",
      description = "The environment to deploy to (streamwright env list).")
  private String environment;

  @Option(
      names = "--from-savepoint",
      paramLabel = "PATH",
      description = "Start from this savepoint or retained checkpoint.")
  private String fromSavepoint;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "The job's parallelism (default: the environment's).")
  private int parallelism;

  @Mixin private HelpOption help = new HelpOption();

  DeployCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> embedded = LifecycleCli.refuseEmbedded(environment);
    if (embedded.isPresent()) {
      err.println("error: " + embedded.get());
      err.flush();
      return ExitCodes.USAGE;
    }
    if (parallelism < 0) {
      err.println("error: --parallelism must be 1 or more (or left out for the default).");
      err.flush();
      return ExitCodes.USAGE;
    }
    return lifecycle.run(
        workspace,
        false,
        err,
        service -> {
          PipelineSource source = LifecycleCli.pipelineFile(file);
          DeployResult r =
              service.deploy(
                  source, environment, fromSavepoint, parallelism, LifecycleCli.progress(err));
          printStarted(out, err, r, "Deployed");
          return ExitCodes.OK;
        });
  }

  /** The ids on stdout, what happened and where previews went on stderr. */
  static void printStarted(PrintWriter out, PrintWriter err, DeployResult r, String verb) {
    err.println(
        verb
            + " '"
            + r.pipelineId()
            + "' (version "
            + r.version()
            + (verb.equals("Deployed") ? ") to '" : ") on '")
            + r.environment()
            + "'"
            + (r.restoredFrom().isEmpty() ? "" : ", restored from " + r.restoredFrom())
            + "; it runs.");
    for (String preview : r.printedPreviews()) {
      err.println(
          "Preview '"
              + preview
              + "' runs as a print sink on the cluster: its rows go to the TaskManagers' stdout"
              + " log, each line starting with '"
              + preview
              + ">'.");
    }
    out.println("deployment " + r.deploymentId());
    out.println("job " + r.jobId());
    out.flush();
    err.flush();
  }
}
