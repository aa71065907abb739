package dev.streamwright.app.cli;

import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.RuleSetJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamwright alerts rules [--format table|json] [--import FILE]}. */
@Command(
    name = "rules",
    description = {
      "Show the workspace's alert rules (the default rules until they are changed), or replace"
          + " them with a rule file (JSON, as --format json prints them)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown or imported",
      "1:the rule file cannot be read or is not valid",
      "2:usage error",
      "3:the workspace cannot be read or is open in the studio"
    })
final class AlertsRulesCommand implements Callable<Integer> {

  private final AlertsCli cli;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or json (a rule file).",
      defaultValue = "table")
  private AlertsCommand.Format format;

  @Option(
      names = "--import",
      paramLabel = "FILE",
      description = "Replace the rules with those of this file.")
  private Path importFile;

  @Mixin private HelpOption help = new HelpOption();

  AlertsRulesCommand(AlertsCli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (importFile != null) {
      RuleSet rules;
      try {
        rules = RuleSetJson.read(Files.readString(importFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        err.println("error: cannot read " + importFile + ": " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      } catch (IllegalArgumentException e) {
        err.println("error: " + importFile + ": " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
      return cli.run(
          workspace,
          true,
          err,
          w -> {
            WorkspaceAlerts.of(w).saveRules(rules);
            out.println(
                "Imported "
                    + rules.rules().size()
                    + " alert rule(s) from "
                    + importFile
                    + "; the studio and 'streamwright monitor' use them from their next start.");
            out.flush();
            return ExitCodes.OK;
          });
    }
    return cli.run(
        workspace,
        false,
        err,
        w -> {
          RuleSet rules = WorkspaceAlerts.of(w).rules();
          out.print(
              format == AlertsCommand.Format.json ? RuleSetJson.write(rules) + "\n" : table(rules));
          out.flush();
          return ExitCodes.OK;
        });
  }

  private static String table(RuleSet rules) {
    if (rules.rules().isEmpty()) {
      return "No alert rules.\n";
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {
          "ID", "METRIC", "SCOPE", "CONDITION", "FOR", "SEVERITY", "DEDUP", "CHANNELS", "ENABLED"
        });
    for (Rule r : rules.rules()) {
      String scope =
          r.scope().kind().id()
              + r.scope().instance().map(i -> " " + i).orElse("")
              + r.scope().deployment().map(d -> " in " + d).orElse("");
      cells.add(
          new String[] {
            r.id(),
            r.metric().id(),
            scope,
            r.condition().toString(),
            RuleSetJson.formatDuration(r.forDuration()),
            r.severity().id(),
            RuleSetJson.formatDuration(r.dedupWindow()),
            r.channels().isEmpty() ? "-" : String.join(",", r.channels()),
            r.enabled() ? "yes" : "no"
          });
    }
    return AlertsCli.table(cells);
  }
}
