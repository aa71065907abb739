package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.alerts.AlertCenter;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A monitor's snapshots, drift and cost reach the alert centre through one place. */
class MonitorAlertsTest {

  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  private static MonitorSnapshot snapshot(int second, Link.State flink, long failedCheckpoints) {
    Instant at = NOON.plusSeconds(second);
    JobFigures job =
        new JobFigures(
            "j1",
            "RUNNING",
            NOON.minusSeconds(600),
            Duration.ofSeconds(600),
            0,
            List.of(),
            new CheckpointFigures(10, failedCheckpoints, 0, Optional.empty(), 0, Optional.empty()),
            Optional.empty());
    return new MonitorSnapshot(
        at,
        "fraud-1",
        new Link(flink, at, ""),
        new Link(Link.State.CONNECTED, at, ""),
        Optional.of(job),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of());
  }

  @Test
  void aFailedCheckpointFiresOnceAndTheEndedJobResolvesIt() throws Exception {
    BlockingQueue<AlertEvent> events = new LinkedBlockingQueue<>();
    try (AlertCenter center = new AlertCenter(DefaultRules.ruleSet())) {
      center.addListener(events::add);
      Consumer<MonitorSnapshot> feed = MonitorAlerts.snapshotFeed(center);
      feed.accept(snapshot(0, Link.State.CONNECTED, 0));
      feed.accept(snapshot(5, Link.State.CONNECTED, 1));
      feed.accept(snapshot(10, Link.State.CONNECTED, 1));
      feed.accept(snapshot(15, Link.State.ENDED, 1));

      AlertEvent fired = events.poll(10, TimeUnit.SECONDS);
      assertThat(fired.kind()).isEqualTo(AlertEvent.Kind.FIRED);
      assertThat(fired.rule().id()).isEqualTo("checkpoint-failures");
      assertThat(fired.at()).isEqualTo(NOON.plusSeconds(5));
      // The next poll's increase is 0: the alert resolves; nothing else fires.
      AlertEvent resolved = events.poll(10, TimeUnit.SECONDS);
      assertThat(resolved.kind()).isEqualTo(AlertEvent.Kind.RESOLVED);
      assertThat(resolved.at()).isEqualTo(NOON.plusSeconds(10));
      assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
      assertThat(center.alerts()).isEmpty();
    }
  }

  @Test
  void driftAndCostValuesFeedTheirOwnFeeds() {
    SeriesKey psi = SeriesKey.column(Metric.DRIFT_PSI, "fraud-1", "score", "amount");
    SeriesKey cost = SeriesKey.pipeline(Metric.PROJECTED_MONTHLY_COST, "fraud-1");
    try (AlertCenter center = new AlertCenter(DefaultRules.ruleSet(100))) {
      MonitorAlerts.driftFeed(center).accept("fraud-1", NOON, Map.of(psi, 0.4));
      for (int s = 0; s <= 900; s += 60) {
        MonitorAlerts.costFeed(center).accept("fraud-1", NOON.plusSeconds(s), Map.of(cost, 250.0));
        // A snapshot of the same deployment does not make drift or cost values missing.
        MonitorAlerts.snapshotFeed(center).accept(snapshot(s, Link.State.CONNECTED, 0));
      }
      assertThat(center.firing())
          .extracting(a -> a.rule().id())
          .containsExactlyInAnyOrder("drift-psi", "projected-cost");
      // A feed given values of another kind refuses them, and never throws into the monitor.
      MonitorAlerts.costFeed(center).accept("fraud-1", NOON.plusSeconds(901), Map.of(psi, 0.0));
      assertThat(center.firing()).hasSize(2);
    }
  }
}
