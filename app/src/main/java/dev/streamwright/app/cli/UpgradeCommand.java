package dev.streamwright.app.cli;

import dev.streamwright.runtime.models.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright upgrade DEPLOYMENT PIPELINE.json [--allow-state-loss]}. */
@Command(
    name = "upgrade",
    description = {
      "Upgrade a deployment to a new version of its pipeline, keeping its state: checks first which"
          + " stateful nodes would lose their state (refused unless --allow-state-loss), then stops"
          + " the job with a savepoint and starts the new version from it. 'rollback' returns to"
          + " the previous version."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the new version runs from the savepoint",
      "1:the new version is invalid or cannot be read",
      "2:usage error, unknown deployment, another pipeline, or state would be lost",
      "3:the stop or the new version failed (the old savepoint stays recorded)"
    })
final class UpgradeCommand implements Callable<Integer> {

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();
  @Mixin private LifecycleCli.ModelsOption models = new LifecycleCli.ModelsOption();

  @Parameters(
      index = "0",
      paramLabel = "DEPLOYMENT",
      description = "The deployment id, or a unique prefix of it.")
  private String deployment;

  @Parameters(index = "1", paramLabel = "PIPELINE.json", description = "The new version.")
  private Path file;

  @Option(
      names = "--allow-state-loss",
      description = "Upgrade even when stateful nodes lose their state (it is dropped).")
  private boolean allowStateLoss;

  @Mixin private HelpOption help = new HelpOption();

  UpgradeCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Both versions compile with the models of --models, else with those beside the new file (the
    // running version is compiled again for the state check).
    boolean given = models.dir != null;
    if (!given) {
      models.dir = ModelRegistry.near(file).orElse(null);
    }
    return lifecycle.run(
        workspace,
        false,
        false,
        err,
        service -> {
          var next =
              given ? LifecycleCli.pipelineFile(file, models.dir) : LifecycleCli.pipelineFile(file);
          var check = service.checkUpgrade(deployment, next);
          if (!check.losesState() || allowStateLoss) {
            err.println(check.summary());
          }
          DeployCommand.printStarted(
              out,
              err,
              service.upgrade(deployment, next, allowStateLoss, LifecycleCli.progress(err)),
              "Upgraded");
          return ExitCodes.OK;
        });
  }
}
