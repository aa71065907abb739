package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.monitor.latency.LatencySummary;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SnapshotSignalsTest {

  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
  private static final String D = "fraud";
  private static final Link UP = new Link(Link.State.CONNECTED, NOON, "");
  private static final Link DOWN = new Link(Link.State.DISCONNECTED, NOON, "connection refused");

  private static SeriesKey key(Metric m, String instance) {
    return new SeriesKey(m, D, instance);
  }

  private static PartitionLag partition(int p, long end, Long committed, Duration timeLag) {
    return new PartitionLag(
        "tx",
        p,
        end,
        committed == null ? OptionalLong.empty() : OptionalLong.of(committed),
        Optional.ofNullable(timeLag),
        Optional.empty(),
        Optional.empty(),
        LagStatus.OK);
  }

  private static NodeFigures node(String id, double in, double out, double bp) {
    return new NodeFigures(
        id,
        List.of("v-" + id),
        false,
        in,
        out,
        0.5,
        bp,
        0.2,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static JobFigures job(long restarts, long failedCheckpoints) {
    return new JobFigures(
        "j1",
        "RUNNING",
        NOON.minusSeconds(600),
        Duration.ofSeconds(600),
        restarts,
        List.of(),
        new CheckpointFigures(10, failedCheckpoints, 0, Optional.empty(), 0, Optional.empty()),
        Optional.empty());
  }

  private static NodeHealth model(long skipped, long defaulted, long errors) {
    return new NodeHealth("score", 1000, skipped, defaulted, errors, "", null);
  }

  private static MonitorSnapshot snapshot(
      Link flink, Link kafka, long restarts, long failed, NodeHealth health) {
    return new MonitorSnapshot(
        NOON,
        D,
        flink,
        kafka,
        Optional.of(job(restarts, failed)),
        Map.of(
            "src",
            node("src", 0, 4000, 0.0),
            "score",
            node("score", 4000, 3990, 0.62),
            "out",
            node("out", 3990, 0, 0.05)),
        List.of(
            new GroupLag(
                "g-tx",
                "src",
                List.of(
                    partition(0, 5000, 4000L, Duration.ofMillis(2500)),
                    partition(1, 7000, 6500L, Duration.ofSeconds(1)))),
            new GroupLag("g-new", "src2", List.of(partition(0, 100, null, null)))),
        Map.of(
            "out",
                new SinkLatency(
                    "out",
                    "ts",
                    new LatencySummary(500, 200, 900, 1250, 1400, 1500),
                    Duration.ofSeconds(1)),
            "audit", new SinkLatency("audit", "ts", LatencySummary.EMPTY, Duration.ofSeconds(1))),
        Map.of("score", health));
  }

  @Test
  void turnsAConnectedSnapshotIntoValuesPerScope() {
    Map<SeriesKey, Double> v = new SnapshotSignals().values(snapshot(UP, UP, 0, 0, model(3, 2, 1)));

    assertThat(v)
        .contains(
            entry(
                key(Metric.CONSUMER_LAG_RECORDS, "g-tx"), 1500.0), // 1000 + 500 over two partitions
            entry(key(Metric.CONSUMER_LAG_SECONDS, "g-tx"), 2.5), // the larger partition time lag
            entry(key(Metric.P99_LATENCY_SECONDS, "out"), 1.25),
            entry(key(Metric.THROUGHPUT_RECORDS_PER_SECOND, "src"), 4000.0), // a source: out
            entry(key(Metric.THROUGHPUT_RECORDS_PER_SECOND, "score"), 4000.0), // the larger: in
            entry(key(Metric.THROUGHPUT_RECORDS_PER_SECOND, "out"), 3990.0), // a sink: in
            entry(key(Metric.BACKPRESSURE_RATIO, "score"), 0.62),
            entry(key(Metric.BACKPRESSURE_RATIO, "src"), 0.0));
    assertThat(v)
        .as("no commit is not zero lag; an empty latency window is not zero latency")
        .doesNotContainKeys(
            key(Metric.CONSUMER_LAG_RECORDS, "g-new"),
            key(Metric.CONSUMER_LAG_SECONDS, "g-new"),
            key(Metric.P99_LATENCY_SECONDS, "audit"));
    assertThat(v.keySet().stream().map(SeriesKey::metric).collect(Collectors.toSet()))
        .as("counters give no value at their first poll")
        .doesNotContain(
            Metric.CHECKPOINT_FAILURES,
            Metric.RESTARTS,
            Metric.MODEL_SKIPPED_ROWS,
            Metric.MODEL_ERROR_ROWS);
    assertThat(v).hasSize(9);
  }

  @Test
  void countersAreIncreasesSinceThePreviousPollAndResetWhenTheyGoDown() {
    SnapshotSignals signals = new SnapshotSignals();
    signals.values(snapshot(UP, UP, 1, 2, model(3, 2, 1)));

    Map<SeriesKey, Double> second = signals.values(snapshot(UP, UP, 1, 5, model(10, 2, 1)));
    Map<SeriesKey, Double> third = signals.values(snapshot(UP, UP, 0, 1, model(10, 2, 4)));

    assertThat(second)
        .contains(
            entry(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, D), 3.0),
            entry(SeriesKey.pipeline(Metric.RESTARTS, D), 0.0),
            entry(key(Metric.MODEL_SKIPPED_ROWS, "score"), 7.0), // skipped and defaulted: 12 - 5
            entry(key(Metric.MODEL_ERROR_ROWS, "score"), 0.0));
    assertThat(third)
        .as("a new job counts from 0")
        .contains(
            entry(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, D), 1.0),
            entry(SeriesKey.pipeline(Metric.RESTARTS, D), 0.0),
            entry(key(Metric.MODEL_ERROR_ROWS, "score"), 3.0));
  }

  @Test
  void aDisconnectedSystemGivesNoValues() {
    SnapshotSignals signals = new SnapshotSignals();
    signals.values(snapshot(UP, UP, 0, 0, model(0, 0, 0)));

    Map<SeriesKey, Double> kafkaDown = signals.values(snapshot(UP, DOWN, 0, 1, model(0, 0, 0)));
    Map<SeriesKey, Double> flinkDown = signals.values(snapshot(DOWN, UP, 0, 9, model(0, 0, 0)));

    assertThat(kafkaDown.keySet())
        .noneMatch(
            k ->
                k.metric() == Metric.CONSUMER_LAG_RECORDS
                    || k.metric() == Metric.CONSUMER_LAG_SECONDS
                    || k.metric() == Metric.P99_LATENCY_SECONDS);
    assertThat(kafkaDown).containsEntry(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, D), 1.0);
    assertThat(flinkDown.keySet())
        .extracting(SeriesKey::metric)
        .containsOnly(
            Metric.CONSUMER_LAG_RECORDS, Metric.CONSUMER_LAG_SECONDS, Metric.P99_LATENCY_SECONDS);
  }

  @Test
  void drivesTheDefaultRulesEndToEnd() {
    SnapshotSignals signals = new SnapshotSignals();
    RuleEngine engine = new RuleEngine(DefaultRules.ruleSet());
    engine.evaluate(NOON, signals.values(snapshot(UP, UP, 0, 0, model(0, 0, 0))));
    Instant fiveMinutes = NOON.plusSeconds(300);

    List<AlertEvent> events =
        engine.evaluate(fiveMinutes, signals.values(snapshot(UP, UP, 0, 1, model(0, 0, 0))));

    assertThat(events)
        .extracting(e -> e.rule().id() + " " + e.series().instance())
        .containsExactlyInAnyOrder("consumer-lag g-tx", "p99-latency out", "checkpoint-failures ");
    assertThat(events).allMatch(e -> e.kind() == AlertEvent.Kind.FIRED && e.notifies());
  }
}
