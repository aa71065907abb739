package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.AlertEvent.Kind;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSetJson;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.alerts.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamwright alerts}, {@code alerts rules} and {@code alerts ack} on a workspace. */
class AlertsCommandTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final Rule LAG = DefaultRules.consumerLag();
  private static final Rule PSI = DefaultRules.driftPsi().withSeverity(Severity.CRITICAL);
  private static final SeriesKey LAG_G1 =
      new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud-1", "scorer");
  private static final SeriesKey PSI_AMOUNT =
      SeriesKey.column(Metric.DRIFT_PSI, "fraud-1", "score", "amount");
  private static final SeriesKey LAG_OTHER =
      new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "orders-2", "ingest");

  @TempDir Path data;
  private Path workspace;

  @BeforeEach
  void aWorkspaceWithAnAlertHistory() {
    workspace = data.resolve("workspace");
    List<AlertEvent> events = new ArrayList<>();
    events.add(new AlertEvent(Kind.FIRED, T0, LAG, LAG_G1, 1500, true));
    events.add(new AlertEvent(Kind.FIRED, T0.plusSeconds(60), PSI, PSI_AMOUNT, 0.31, true));
    events.add(new AlertEvent(Kind.FIRED, T0.plusSeconds(70), LAG, LAG_OTHER, 4000, true));
    events.add(new AlertEvent(Kind.RESOLVED, T0.plusSeconds(300), LAG, LAG_OTHER, 20, false));
    try (Workspace w = Workspace.open(workspace, OpenMode.READ_WRITE)) {
      WorkspaceAlerts.of(w).record(events);
    }
  }

  @Test
  void listsFiringAlertsFirstThenResolvedOnes() {
    Result r = run("alerts");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("ID")
        .contains("STATE", "SEVERITY", "RULE", "DEPLOYMENT", "SCOPE", "VALUE", "SINCE", "ACK");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .contains("firing", "critical", "drift-psi", "column score/amount", "0.31");
    assertThat(lines.get(2))
        .contains("firing", "warning", "consumer-lag", "group scorer", "1500 records");
    assertThat(lines.get(3)).contains("resolved", "consumer-lag", "orders-2", "20 records");
  }

  @Test
  void filtersByDeploymentAndWritesJson() throws Exception {
    Result r = run("alerts", "--deployment", "orders-2", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode a = new ObjectMapper().readTree(r.out());
    assertThat(a).hasSize(1);
    JsonNode row = a.get(0);
    assertThat(row.get("state").textValue()).isEqualTo("resolved");
    assertThat(row.get("rule").textValue()).isEqualTo("consumer-lag");
    assertThat(row.get("deployment").textValue()).isEqualTo("orders-2");
    assertThat(row.get("scope").get("instance").textValue()).isEqualTo("ingest");
    assertThat(row.get("value").doubleValue()).isEqualTo(20.0);
    assertThat(row.get("since").textValue()).isEqualTo(T0.plusSeconds(70).toString());
    assertThat(row.get("last").textValue()).isEqualTo(T0.plusSeconds(300).toString());
    assertThat(row.get("acknowledged").booleanValue()).isFalse();
    assertThat(row.get("id").textValue()).matches("[0-9a-f]{8}");
  }

  @Test
  void acknowledgesAFiringAlertByItsIdPrefix() throws Exception {
    JsonNode all = new ObjectMapper().readTree(run("alerts", "--format", "json").out());
    String lagId = null;
    String resolvedId = null;
    for (JsonNode n : all) {
      if (n.get("deployment").textValue().equals("fraud-1")
          && n.get("rule").textValue().equals("consumer-lag")) {
        lagId = n.get("id").textValue();
      }
      if (n.get("state").textValue().equals("resolved")) {
        resolvedId = n.get("id").textValue();
      }
    }

    Result ack = run("alerts", "ack", lagId.substring(0, 6));
    assertThat(ack.exitCode()).as(ack.err()).isZero();
    assertThat(ack.out()).contains("Acknowledged alert " + lagId, "consumer-lag", "group scorer");

    JsonNode after = new ObjectMapper().readTree(run("alerts", "--format", "json").out());
    String id = lagId;
    assertThat(after)
        .filteredOn(n -> n.get("id").textValue().equals(id))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("acknowledged").booleanValue()).isTrue();
              assertThat(n.get("state").textValue()).isEqualTo("firing");
              assertThat(n.get("since").textValue()).isEqualTo(T0.toString());
            });
    assertThat(run("alerts", "ack", lagId).out()).contains("already acknowledged");

    Result resolved = run("alerts", "ack", resolvedId);
    assertThat(resolved.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(resolved.err()).contains("resolved at", "only a firing alert");

    Result unknown = run("alerts", "ack", "zzzz");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no alert 'zzzz'", "streamwright alerts");
  }

  @Test
  void showsTheDefaultRulesAndImportsAFile() throws Exception {
    Result table = run("alerts", "rules");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("consumer-lag", "consumer_lag_records", "> 1000", "5m", "in-app")
        .contains("checkpoint-failures");

    Result json = run("alerts", "rules", "--format", "json");
    assertThat(RuleSetJson.read(json.out())).isEqualTo(DefaultRules.ruleSet());

    Path file = data.resolve("rules.json");
    Files.writeString(
        file,
        "{\"version\": 1, \"rules\": [{\"id\": \"restarts\", \"metric\": \"restarts\","
            + " \"condition\": \"> 0\", \"severity\": \"critical\", \"channels\": [\"ops\"]}]}");
    Result imported = run("alerts", "rules", "--import", file.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 1 alert rule(s)");
    assertThat(run("alerts", "rules").out())
        .contains("restarts", "critical", "ops")
        .doesNotContain("consumer-lag");
  }

  @Test
  void aBadRuleFileNamesTheRuleAndThePropertyAndChangesNothing() throws Exception {
    Path file = data.resolve("bad.json");
    Files.writeString(
        file,
        "{\"version\": 1, \"rules\": [{\"id\": \"ok\", \"metric\": \"restarts\", \"condition\":"
            + " \"> 0\"}, {\"id\": \"slow\", \"metric\": \"p99_latency_seconds\", \"condition\":"
            + " \"> 1\", \"for\": \"five minutes\"}]}");

    Result r = run("alerts", "rules", "--import", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err())
        .contains("bad.json", "rule 2 ('slow')", "\"for\"")
        .doesNotContain("Exception");
    assertThat(run("alerts", "rules").out()).contains("consumer-lag");

    Result missing = run("alerts", "rules", "--import", data.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(missing.err()).contains("cannot read", "nope.json");
  }

  @Test
  void changingTheRulesWhileTheStudioHasTheWorkspaceSaysSo() {
    try (Workspace studio = Workspace.open(workspace, OpenMode.READ_WRITE)) {
      Result r = run("alerts", "ack", "0000");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
      assertThat(r.err()).contains("open in another Streamwright");
      // Listing reads it read-only, beside the studio.
      assertThat(run("alerts").exitCode()).isZero();
    }
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = args.length > 1 && (args[1].equals("rules") || args[1].equals("ack")) ? 2 : 1;
    all.add(at, "--workspace");
    all.add(at + 1, workspace.toString());
    CliContext context =
        new CliContext(
            new AppFolders(data, data.resolve("logs"), data.resolve("tmp")),
            () -> {
              throw new AssertionError("alerts never uses a runtime");
            },
            new ExitActions());
    CommandLine cli = Cli.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }
}
