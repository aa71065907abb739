package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.series.SeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CostTrackerTest {

  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  /** 1 per core-hour, 0.1 per GiB-hour, nothing else: figures easy to check by hand. */
  static final PriceProfile ROUND =
      new PriceProfile(
          "round", "EUR", 1.0, 0.1, 0, 0, 0, LocalDate.of(2026, 12, 7), "test figures", false);

  private final SeriesStore store = new SeriesStore();
  private final CostTracker tracker =
      new CostTracker(
          "d1",
          Orders.pipeline("o", "b", "g"),
          store,
          new CostSettings(EnvironmentProfile.DEFAULT, ROUND, 1));

  private static NodeFigures node(String id, String vertex, double in, double busy) {
    return new NodeFigures(
        id,
        List.of(vertex),
        false,
        in,
        in,
        busy,
        0,
        0,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static MonitorSnapshot at(Instant t, Link.State flink) {
    JobFigures job =
        new JobFigures(
            "j1",
            "RUNNING",
            NOON,
            Duration.ZERO,
            0,
            List.of(),
            new CheckpointFigures(0, 0, 0, Optional.empty(), 0, Optional.empty()),
            Optional.empty());
    return new MonitorSnapshot(
        t,
        "d1",
        new Link(flink, NOON, ""),
        Link.none(NOON),
        Optional.of(job),
        Map.of(
            "orders", node("orders", "v1", 1000, 0.5),
            "big", node("big", "v2", 1000, 0.25),
            "out", node("out", "v2", 500, 0.25)),
        List.of(),
        Map.of(),
        Map.of());
  }

  @Test
  void snapshotsBecomeACostPricedWithThePlansSlotsAndKeptAsSeries() {
    assertThat(tracker.record(at(NOON, Link.State.CONNECTED), OptionalInt.of(2))).isPresent();
    DeploymentCost c =
        tracker
            .record(at(NOON.plusSeconds(60), Link.State.CONNECTED), OptionalInt.of(2))
            .orElseThrow();

    // 2 slots of 0.5 core and 1 GiB + a JobManager of 1 core and 2 GiB: 2 cores, 4 GiB.
    assertThat(c.requestedCores()).isEqualTo(2.0);
    assertThat(c.requestedMemoryGib()).isEqualTo(4.0);
    // v1: 0.5 x 2 = 1 core; v2: 0.25 x 2 = 0.5 core.
    assertThat(c.usedCores()).isCloseTo(1.5, within(1e-12));
    // An hour costs 2 x 1 + 4 x 0.1 = 2.4 (all requested, 0.5 core of it idle): one minute 0.04.
    assertThat(c.cost().total()).isCloseTo(0.04, within(1e-12));
    assertThat(c.cost().cpuIdle()).isCloseTo(0.5 / 60, within(1e-12));
    assertThat(c.projectedMonthly().orElseThrow()).isCloseTo(2.4 * 730, within(1e-9));
    // 1000 records/s read by the source (orders, no edge into it) for 60 s.
    assertThat(c.recordsRead()).isCloseTo(60_000, within(1e-9));
    assertThat(c.costPerMillionRecords().orElseThrow()).isCloseTo(0.04 / 0.06, within(1e-9));
    // v2 runs big and out: its 0.5 core split evenly.
    assertThat(c.nodes().get("orders").busyCores()).isCloseTo(1.0, within(1e-12));
    assertThat(c.nodes().get("out").busyCores()).isCloseTo(0.25, within(1e-12));

    long t = NOON.plusSeconds(60).toEpochMilli();
    assertThat(last(MonitorSeries.job(CostTracker.COST_PER_HOUR))).isCloseTo(2.4, within(1e-9));
    assertThat(last(MonitorSeries.job(CostTracker.PROJECTED_MONTHLY)))
        .isCloseTo(1752, within(1e-9));
    assertThat(last(MonitorSeries.job(CostTracker.USED_CORES))).isCloseTo(1.5, within(1e-12));
    assertThat(last(MonitorSeries.node(CostTracker.COST_PER_HOUR, "orders")))
        .isCloseTo(1.0, within(1e-9));
    assertThat(store.raw(MonitorSeries.job(CostTracker.COST_PER_HOUR)).get(0).epochMs())
        .isEqualTo(t);
  }

  @Test
  void aSnapshotThatDidNotReachFlinkGivesNoCostAndTheGapIsPricedLater() {
    tracker.record(at(NOON, Link.State.CONNECTED), OptionalInt.of(1));
    assertThat(tracker.record(at(NOON.plusSeconds(30), Link.State.DISCONNECTED), OptionalInt.of(1)))
        .isEmpty();
    DeploymentCost c =
        tracker
            .record(at(NOON.plusSeconds(60), Link.State.CONNECTED), OptionalInt.of(1))
            .orElseThrow();
    assertThat(c.hours()).isCloseTo(1.0 / 60, within(1e-12));
  }

  @Test
  void withoutAPlanTheSettingsParallelismIsTheSlotsAndNewSettingsMeterAnew() {
    tracker.record(at(NOON, Link.State.CONNECTED), OptionalInt.empty());
    DeploymentCost one =
        tracker
            .record(at(NOON.plusSeconds(60), Link.State.CONNECTED), OptionalInt.empty())
            .orElseThrow();
    assertThat(one.requestedCores()).isEqualTo(1.5);

    tracker.settings(new CostSettings(new EnvironmentProfile(2, 8, 1, 4), ROUND, 3));
    assertThat(
            tracker
                .record(at(NOON.plusSeconds(120), Link.State.CONNECTED), OptionalInt.empty())
                .orElseThrow()
                .hours())
        .isZero();
    DeploymentCost three =
        tracker
            .record(at(NOON.plusSeconds(180), Link.State.CONNECTED), OptionalInt.empty())
            .orElseThrow();
    assertThat(three.requestedCores()).isEqualTo(3 * 2 + 1);
    assertThat(three.requestedMemoryGib()).isEqualTo(3 * 8 + 4);
  }

  private double last(dev.streamwright.monitor.series.SeriesKey key) {
    var points = store.raw(key);
    assertThat(points).as(key.toString()).isNotEmpty();
    return points.get(points.size() - 1).value();
  }
}
