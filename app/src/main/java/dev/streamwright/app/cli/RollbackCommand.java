package dev.streamwright.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright rollback DEPLOYMENT}. */
@Command(
    name = "rollback",
    description = {
      "Return an upgraded deployment to its previous version: that version's exact pipeline,"
          + " started from the savepoint taken at the upgrade. A running job is stopped with a"
          + " savepoint first."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the previous version runs",
      "2:usage error, unknown deployment, or its version was not reached by an upgrade",
      "3:the stop or the start failed"
    })
final class RollbackCommand implements Callable<Integer> {

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();
  @Mixin private LifecycleCli.ModelsOption models = new LifecycleCli.ModelsOption();

  @Parameters(
      index = "0",
      paramLabel = "DEPLOYMENT",
      description = "The deployment id, or a unique prefix of it.")
  private String deployment;

  @Mixin private HelpOption help = new HelpOption();

  RollbackCommand(LifecycleCli lifecycle) {
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
              out, err, service.rollback(deployment, LifecycleCli.progress(err)), "Rolled back");
          return ExitCodes.OK;
        });
  }
}
