package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.alerts.AlertLog;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.Condition;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamwright alerts [--deployment D] [--format table|json] [--recent N]}. */
@Command(
    name = "alerts",
    description = {
      "List the firing alerts and the most recently resolved ones, from the workspace's alert"
          + " history (kept by the studio while it monitors). 'alerts rules' shows and imports the"
          + " rules, 'alerts ack ID' acknowledges a firing alert."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "2:usage error", "3:the workspace cannot be read"})
final class AlertsCommand implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  /** Output formats. */
  enum Format {
    table,
    json
  }

  private final AlertsCli cli;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Option(names = "--deployment", paramLabel = "D", description = "Only this deployment's.")
  private String deployment;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or json.",
      defaultValue = "table")
  private Format format;

  @Option(
      names = "--recent",
      paramLabel = "N",
      description = "How many resolved alerts to show after the firing ones (default 20).",
      defaultValue = "20")
  private int recent;

  @Mixin private HelpOption help = new HelpOption();

  AlertsCommand(AlertsCli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (recent < 0) {
      err.println("error: --recent must be 0 or more, was " + recent + ".");
      err.flush();
      return ExitCodes.USAGE;
    }
    return cli.run(
        workspace,
        false,
        err,
        w -> {
          List<AlertLog.Row> rows = new ArrayList<>();
          int resolved = 0;
          for (AlertLog.Row r : AlertLog.of(WorkspaceAlerts.of(w).history()).rows()) {
            if (deployment != null && !r.deployment().equals(deployment)) {
              continue;
            }
            if (r.firing() || resolved++ < recent) {
              rows.add(r);
            }
          }
          if (format == Format.json) {
            out.println(json(rows));
          } else if (rows.isEmpty()) {
            out.println(
                "No alerts"
                    + (deployment == null ? "" : " for deployment " + deployment)
                    + " in the workspace's history.");
          } else {
            out.print(table(rows));
          }
          out.flush();
          return ExitCodes.OK;
        });
  }

  static String scope(AlertLog.Row r) {
    String kind = r.lastDocument().path("scope").path("kind").asText();
    return r.instance().isEmpty() ? kind : kind + " " + r.instance();
  }

  static String value(AlertLog.Row r) {
    return r.value() == null
        ? "-"
        : Condition.format(r.value()) + (r.unit().isEmpty() ? "" : " " + r.unit());
  }

  private static String table(List<AlertLog.Row> rows) {
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {
          "ID", "STATE", "SEVERITY", "RULE", "DEPLOYMENT", "SCOPE", "VALUE", "SINCE", "LAST", "ACK"
        });
    for (AlertLog.Row r : rows) {
      cells.add(
          new String[] {
            r.id(),
            r.firing() ? "firing" : "resolved",
            r.severity(),
            r.rule(),
            r.deployment(),
            scope(r),
            value(r),
            TIME.format(r.since()),
            TIME.format(r.last()),
            r.state() == AlertLog.State.ACKNOWLEDGED ? "yes" : "-"
          });
    }
    return AlertsCli.table(cells);
  }

  private static String json(List<AlertLog.Row> rows) {
    ArrayNode a = JSON.createArrayNode();
    for (AlertLog.Row r : rows) {
      ObjectNode n = a.addObject();
      n.put("id", r.id());
      n.put("state", r.firing() ? "firing" : "resolved");
      n.put("acknowledged", r.state() == AlertLog.State.ACKNOWLEDGED);
      n.put("severity", r.severity());
      n.put("rule", r.rule());
      n.put("metric", r.metric());
      n.put("deployment", r.deployment());
      n.set("scope", r.lastDocument().path("scope"));
      if (r.value() == null) {
        n.putNull("value");
      } else {
        n.put("value", r.value());
      }
      n.put("unit", r.unit());
      n.put("since", r.since().toString());
      n.put("last", r.last().toString());
      n.put("summary", r.summary());
    }
    try {
      return JSON.writeValueAsString(a);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings did not write as JSON", e);
    }
  }
}
