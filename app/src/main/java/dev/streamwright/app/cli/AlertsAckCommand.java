package dev.streamwright.app.cli;

import dev.streamwright.app.alerts.AlertLog;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright alerts ack ID}. */
@Command(
    name = "ack",
    description = {
      "Acknowledge a firing alert in the workspace's alert history ('alerts' then shows it"
          + " acknowledged). A studio or 'monitor' running now keeps its own alert state:"
          + " acknowledge there to stop its reminders."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:acknowledged, or it already was",
      "2:usage error, no such alert, or it is not firing",
      "3:the workspace cannot be read or is open in the studio"
    })
final class AlertsAckCommand implements Callable<Integer> {

  private final AlertsCli cli;
  private final Clock clock;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The alert's id as 'streamwright alerts' shows it, or a unique prefix of it.")
  private String id;

  @Mixin private HelpOption help = new HelpOption();

  AlertsAckCommand(AlertsCli cli) {
    this(cli, Clock.systemUTC());
  }

  AlertsAckCommand(AlertsCli cli, Clock clock) {
    this.cli = cli;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return cli.run(
        workspace,
        true,
        err,
        w -> {
          WorkspaceAlerts alerts = WorkspaceAlerts.of(w);
          Optional<AlertLog.Row> found;
          try {
            found = AlertLog.of(alerts.history()).find(id);
          } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + ".");
            return ExitCodes.USAGE;
          }
          if (found.isEmpty()) {
            err.println(
                "error: there is no alert '"
                    + id
                    + "'; 'streamwright alerts' lists them with ids.");
            return ExitCodes.USAGE;
          }
          AlertLog.Row r = found.get();
          if (!r.firing()) {
            err.println(
                "error: alert "
                    + r.id()
                    + " ("
                    + r.rule()
                    + ") resolved at "
                    + AlertsCommand.TIME.format(r.last())
                    + "; only a firing alert can be acknowledged.");
            return ExitCodes.USAGE;
          }
          if (r.state() == AlertLog.State.ACKNOWLEDGED) {
            out.println("Alert " + r.id() + " (" + r.rule() + ") was already acknowledged.");
            out.flush();
            return ExitCodes.OK;
          }
          alerts.appendDocuments(List.of(AlertLog.acknowledgement(r, clock.instant())));
          out.println(
              "Acknowledged alert "
                  + r.id()
                  + " ("
                  + r.rule()
                  + " on "
                  + AlertsCommand.scope(r)
                  + " in deployment "
                  + r.deployment()
                  + ").");
          out.flush();
          return ExitCodes.OK;
        });
  }
}
