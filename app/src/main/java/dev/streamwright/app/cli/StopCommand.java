package dev.streamwright.app.cli;

import dev.streamwright.app.deploy.StopResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright stop DEPLOYMENT [--savepoint] [--drain]}. */
@Command(
    name = "stop",
    description = {
      "Stop a deployment's job. With --savepoint its state is saved first and the savepoint's path"
          + " is printed, only once the cluster reports the job ended; resume continues from it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the cluster reports the job ended",
      "2:usage error, unknown deployment, or the job had already ended (no savepoint taken)",
      "3:the savepoint or the stop failed; the job keeps running"
    })
final class StopCommand implements Callable<Integer> {

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Parameters(
      index = "0",
      paramLabel = "DEPLOYMENT",
      description = "The deployment id, or a unique prefix of it.")
  private String deployment;

  @Option(names = "--savepoint", description = "Take a savepoint before the job stops.")
  private boolean savepoint;

  @Option(
      names = "--drain",
      description =
          "Let every window and timer fire before stopping (with --savepoint; only when the"
              + " deployment will not be resumed).")
  private boolean drain;

  @Mixin private HelpOption help = new HelpOption();

  StopCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (drain && !savepoint) {
      err.println("error: --drain stops with a savepoint; add --savepoint.");
      err.flush();
      return ExitCodes.USAGE;
    }
    return lifecycle.run(
        workspace,
        false,
        err,
        service -> {
          StopResult r = service.stop(deployment, savepoint, drain, LifecycleCli.progress(err));
          err.println("Stopped deployment " + r.deploymentId() + " (job " + r.jobId() + ").");
          if (r.hasSavepoint()) {
            out.println("savepoint " + r.savepoint());
          }
          out.flush();
          return ExitCodes.OK;
        });
  }
}
