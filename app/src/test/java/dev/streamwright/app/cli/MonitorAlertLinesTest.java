package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code streamwright monitor} prints of the alerts its polls fire and resolve. */
class MonitorAlertLinesTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final SeriesKey FAILURES =
      SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "fraud-1");

  @TempDir Path dir;
  @TempDir Path data;

  /** Collects what {@code next} returns until there are {@code n} lines or 10 s have passed. */
  private static List<String> await(int n, Supplier<List<String>> next) {
    List<String> out = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (out.size() < n && System.nanoTime() < deadline) {
      out.addAll(next.get());
      Thread.onSpinWait();
    }
    return out;
  }

  @Test
  void printsFiringsResolutionsAndChannelFailures() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceAlerts.of(w)
          .saveRules(
              RuleSet.of(DefaultRules.checkpointFailures().withChannels(List.of("nowhere"))));
    }
    StringWriter err = new StringWriter();
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY);
        MonitorAlertLines lines = MonitorAlertLines.open(w, data, new PrintWriter(err, true))) {
      lines.alerts().center().accept(T0, Map.of(FAILURES, 2.0));
      lines.alerts().center().accept(T0.plusSeconds(5), Map.of(FAILURES, 0.0));

      List<String> text = await(3, lines::text);
      assertThat(text)
          .containsExactlyInAnyOrder(
              "alert: [warning] checkpoint-failures fired: checkpoint_failures in deployment"
                  + " 'fraud-1' is 2 checkpoints (> 0)",
              "alert: [warning] checkpoint-failures resolved: checkpoint_failures in deployment"
                  + " 'fraud-1' is 0 checkpoints (> 0)",
              "warning: alert channel 'nowhere' failed on checkpoint-failures (checkpoint_failures"
                  + " in deployment 'fraud-1'): there is no channel named 'nowhere' (rule"
                  + " 'checkpoint-failures' names it): add the channel or remove it from the rule."
                  + " Reported once.");
      assertThat(lines.recent()).hasSize(3);
      assertThat(err.toString()).isEmpty();

      lines.alerts().center().accept(T0.plusSeconds(10), Map.of(FAILURES, 1.0));
      List<String> json = await(1, lines::json);
      JsonNode n = new ObjectMapper().readTree(json.get(0));
      assertThat(n.get("alert").get("kind").textValue()).isEqualTo("fired");
      assertThat(n.get("alert").get("rule").get("id").textValue()).isEqualTo("checkpoint-failures");
      // A read-only workspace (the studio may hold it) keeps no history.
      assertThat(WorkspaceAlerts.of(w).history()).isEmpty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
