package dev.streamwright.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright resume DEPLOYMENT [--from PATH]}. */
@Command(
    name = "resume",
    description = {
      "Start a stopped deployment again from its state: --from PATH, else its latest savepoint,"
          + " else its latest retained checkpoint. Checks from the new job's own report that it"
          + " restored from exactly that path."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the new job runs and restored from the path",
      "1:the recorded pipeline no longer compiles",
      "2:usage error, unknown deployment, still running, or nothing to resume from",
      "3:the job could not start from that state"
    })
final class ResumeCommand implements Callable<Integer> {

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();
  @Mixin private LifecycleCli.ModelsOption models = new LifecycleCli.ModelsOption();

  @Parameters(
      index = "0",
      paramLabel = "DEPLOYMENT",
      description = "The deployment id, or a unique prefix of it.")
  private String deployment;

  @Option(
      names = "--from",
      paramLabel = "PATH",
      description = "The savepoint or retained checkpoint to start from.")
  private String from;

  @Mixin private HelpOption help = new HelpOption();

  ResumeCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return lifecycle.run(
        workspace,
        models,
        err,
        service -> {
          DeployCommand.printStarted(
              out, err, service.resume(deployment, from, LifecycleCli.progress(err)), "Resumed");
          return ExitCodes.OK;
        });
  }
}
