package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The cost formula on hand-computed cases. Every case uses round prices (0.04 per core-hour, 0.005
 * per GiB-hour, 0.10 per GB read, 0.05 per GB written, 0.02 per GB-month) and parallelism 2 in the
 * default environment: requested cores = 2 x 0.5 + 1 = 2, requested memory = 2 x 1 + 2 = 4 GiB.
 */
class CostMeterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final double EPS = 1e-12;

  static final PriceProfile PRICES =
      new PriceProfile(
          "test",
          "USD",
          0.04,
          0.005,
          0.10,
          0.05,
          0.02,
          LocalDate.of(2026, 12, 7),
          "round numbers for hand-computed tests",
          false);

  private static final ResourceProfile TWO_SLOTS =
      ResourceProfile.of(2, EnvironmentProfile.DEFAULT);

  private static CostMeter meter() {
    return new CostMeter("d1", TWO_SLOTS, PRICES);
  }

  /** A sample with busy cores per vertex, each vertex running the node of the same name. */
  private static UsageSample busy(Instant at, Map<String, Double> cores) {
    Map<String, List<String>> nodes = new java.util.HashMap<>();
    cores.keySet().forEach(v -> nodes.put(v, List.of(v)));
    return new UsageSample(at, cores, nodes, 0, Map.of(), Map.of(), 0, OptionalDouble.empty());
  }

  private static UsageSample memory(Instant at, double usedCores, double usedGib) {
    return new UsageSample(
        at,
        Map.of("v1", usedCores),
        Map.of(),
        0,
        Map.of(),
        Map.of(),
        0,
        OptionalDouble.of(usedGib));
  }

  @Test
  void requestedCoresAreChargedWhenTheJobUsesLess() {
    CostMeter m = meter();
    m.record(busy(T0, Map.of("v1", 0.5)));
    m.record(busy(T0.plus(Duration.ofHours(1)), Map.of("v1", 0.5)));

    CostBreakdown c = m.cost().cost();
    // max(requested 2, used 0.5) = 2 cores x 1 h x 0.04 = 0.08, of which
    // used 0.5 x 1 x 0.04 = 0.02 and idle (2 - 0.5) x 1 x 0.04 = 0.06
    assertThat(c.cpuAllocation()).isCloseTo(0.08, within(EPS));
    assertThat(c.cpuUsed()).isCloseTo(0.02, within(EPS));
    assertThat(c.cpuIdle()).isCloseTo(0.06, within(EPS));
    // memory use unknown: the request counts as used, 4 GiB x 1 h x 0.005 = 0.02, no idle
    assertThat(c.memoryUsed()).isCloseTo(0.02, within(EPS));
    assertThat(c.memoryIdle()).isZero();
    assertThat(c.total()).isCloseTo(0.10, within(EPS));
    assertThat(m.cost().hours()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void usedCoresAreChargedWhenTheJobUsesMoreThanItRequested() {
    CostMeter m = meter();
    m.record(busy(T0, Map.of("v1", 2.0, "v2", 1.0)));
    m.record(busy(T0.plus(Duration.ofHours(1)), Map.of("v1", 2.0, "v2", 1.0)));

    CostBreakdown c = m.cost().cost();
    // used 2 + 1 = 3 cores over two vertices > requested 2: max = 3 x 1 h x 0.04 = 0.12, no idle
    assertThat(c.cpuAllocation()).isCloseTo(0.12, within(EPS));
    assertThat(c.cpuUsed()).isCloseTo(0.12, within(EPS));
    assertThat(c.cpuIdle()).isZero();
    assertThat(m.cost().usedCores()).isCloseTo(3.0, within(EPS));
  }

  @Test
  void memoryFollowsMaxOfRequestAndUseBothWays() {
    CostMeter over = meter();
    over.record(memory(T0, 0, 5));
    over.record(memory(T0.plus(Duration.ofHours(1)), 0, 5));
    // used 5 GiB > requested 4: 5 x 1 x 0.005 = 0.025, no idle
    assertThat(over.cost().cost().memoryAllocation()).isCloseTo(0.025, within(EPS));
    assertThat(over.cost().cost().memoryIdle()).isZero();

    CostMeter under = meter();
    under.record(memory(T0, 0, 1));
    under.record(memory(T0.plus(Duration.ofHours(1)), 0, 1));
    // used 1 GiB: 1 x 0.005 = 0.005 used, idle (4 - 1) x 0.005 = 0.015, allocation 4 x 0.005
    assertThat(under.cost().cost().memoryUsed()).isCloseTo(0.005, within(EPS));
    assertThat(under.cost().cost().memoryIdle()).isCloseTo(0.015, within(EPS));
    assertThat(under.cost().cost().memoryAllocation()).isCloseTo(0.02, within(EPS));
  }

  @Test
  void idleIsAllocatedMinusUsedPerInterval() {
    CostMeter m = meter();
    m.record(busy(T0, Map.of("v1", 0.0)));
    m.record(busy(T0.plus(Duration.ofMinutes(30)), Map.of("v1", 1.5)));
    m.record(busy(T0.plus(Duration.ofMinutes(60)), Map.of("v1", 2.5)));

    CostBreakdown c = m.cost().cost();
    // first half hour at 1.5 cores: idle (2 - 1.5) x 0.5 h x 0.04 = 0.01;
    // second half hour at 2.5 cores: idle max(2 - 2.5, 0) = 0
    assertThat(c.cpuIdle()).isCloseTo(0.01, within(EPS));
    // used (1.5 + 2.5) x 0.5 x 0.04 = 0.08; allocation = used + idle = 0.09
    assertThat(c.cpuUsed()).isCloseTo(0.08, within(EPS));
    assertThat(c.cpuAllocation()).isCloseTo(0.09, within(EPS));
    assertThat(c.idle()).isCloseTo(0.01, within(EPS)); // memory use unknown: no memory idle
  }

  @Test
  void kafkaBytesAndCheckpointStorageAreUsageCosts() {
    CostMeter m = meter();
    UsageSample s =
        new UsageSample(
            T0,
            Map.of(),
            Map.of(),
            0,
            Map.of("src", 2e6),
            Map.of("out", 1e6),
            73_000_000_000L,
            OptionalDouble.empty());
    m.record(s);
    m.record(
        new UsageSample(
            T0.plusSeconds(1000),
            Map.of(),
            Map.of(),
            0,
            Map.of("src", 2e6),
            Map.of("out", 1e6),
            73_000_000_000L,
            OptionalDouble.empty()));

    DeploymentCost d = m.cost();
    // read 2e6 B/s x 1000 s = 2e9 B = 2 GB x 0.10 = 0.20; written 1e6 x 1000 = 1 GB x 0.05 = 0.05
    assertThat(d.cost().kafkaRead()).isCloseTo(0.20, within(EPS));
    assertThat(d.cost().kafkaWritten()).isCloseTo(0.05, within(EPS));
    assertThat(d.gbRead()).isCloseTo(2.0, within(EPS));
    assertThat(d.gbWritten()).isCloseTo(1.0, within(EPS));
    // 73 GB kept for 1000 s = 1000/3600 h: 73 x (1000/3600) / 730 GB-months x 0.02
    assertThat(d.cost().checkpointStorage())
        .isCloseTo(73.0 * (1000.0 / 3600) / 730 * 0.02, within(EPS));
    assertThat(d.cost().usage()).isCloseTo(0.25 + 73.0 * (1000.0 / 3600) / 730 * 0.02, within(EPS));
  }

  @Test
  void checkpointStorageIsPricedPerGbMonth() {
    CostMeter m = meter();
    UsageSample at0 =
        new UsageSample(T0, Map.of(), Map.of(), 0, Map.of(), Map.of(), 73_000_000_000L, none());
    m.record(at0);
    m.record(
        new UsageSample(
            T0.plus(Duration.ofHours(10)),
            Map.of(),
            Map.of(),
            0,
            Map.of(),
            Map.of(),
            73_000_000_000L,
            none()));
    // 73 GB x 10 h / 730 h per month = 1 GB-month x 0.02 = 0.02
    assertThat(m.cost().cost().checkpointStorage()).isCloseTo(0.02, within(EPS));
  }

  @Test
  void unitCostsAreEmptyWithoutRecordsOrBytes() {
    CostMeter m = meter();
    m.record(busy(T0, Map.of("v1", 0.5)));
    m.record(busy(T0.plus(Duration.ofHours(1)), Map.of("v1", 0.5)));

    DeploymentCost d = m.cost();
    assertThat(d.cost().total()).isCloseTo(0.10, within(EPS)); // a cost, but nothing read
    assertThat(d.costPerMillionRecords()).isEmpty();
    assertThat(d.costPerGbProcessed()).isEmpty();
  }

  @Test
  void unitCostsDivideTheTotalByRecordsAndGbRead() {
    CostMeter m = meter();
    for (int i = 0; i <= 1; i++) {
      m.record(
          new UsageSample(
              T0.plus(Duration.ofHours(i)),
              Map.of("v1", 0.5),
              Map.of(),
              1000,
              Map.of("src", 5e5),
              Map.of(),
              0,
              none()));
    }
    DeploymentCost d = m.cost();
    // total: CPU 2 x 1 x 0.04 = 0.08 + memory 4 x 1 x 0.005 = 0.02
    //        + read 5e5 B/s x 3600 s = 1.8 GB x 0.10 = 0.18 -> 0.28
    // records: 1000/s x 3600 s = 3.6e6 -> 0.28 / 3.6 = 0.0777... per million
    // per GB: 0.28 / 1.8 = 0.1555...
    assertThat(d.cost().total()).isCloseTo(0.28, within(EPS));
    assertThat(d.recordsRead()).isCloseTo(3.6e6, within(1e-6));
    assertThat(d.costPerMillionRecords().getAsDouble()).isCloseTo(0.28 / 3.6, within(EPS));
    assertThat(d.costPerGbProcessed().getAsDouble()).isCloseTo(0.28 / 1.8, within(EPS));
  }

  @Test
  void theProjectionTakesTheCostRateOverTheTrailingWindow() {
    CostMeter m = meter(); // 15-minute window
    m.record(busy(T0, Map.of("v1", 0.0)));
    assertThat(m.cost().projectedMonthly()).as("one poll: no rate yet").isEmpty();
    m.record(busy(T0.plus(Duration.ofMinutes(5)), Map.of("v1", 0.0)));
    m.record(busy(T0.plus(Duration.ofMinutes(10)), Map.of("v1", 0.0)));
    m.record(busy(T0.plus(Duration.ofMinutes(15)), Map.of("v1", 4.0)));
    m.record(busy(T0.plus(Duration.ofMinutes(20)), Map.of("v1", 4.0)));

    DeploymentCost d = m.cost();
    // per hour: idle-or-light = 2 cores x 0.04 + 4 GiB x 0.005 = 0.10; at 4 cores 0.16 + 0.02 =
    // 0.18
    // window at 12:20 is (12:05, 12:20]: intervals ending 12:10 (0.10/h), 12:15 and 12:20
    // (0.18/h), 5 minutes each: (0.10 + 0.18 + 0.18) / 12 over 0.25 h = 0.15333.../h
    // x 730 h = 111.9333...
    assertThat(d.projectedMonthly().getAsDouble())
        .isCloseTo((0.10 + 0.18 + 0.18) / 3 * 730, within(1e-9));
    // the total still counts all four intervals: (0.10 + 0.10 + 0.18 + 0.18) / 12
    assertThat(d.cost().total()).isCloseTo(0.56 / 12, within(EPS));
    assertThat(d.window()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aNodeGetsItsVerticesBusyCoresWithSharedVerticesSplitEvenly() {
    Map<String, Double> vertices = Map.of("v1", 0.3, "v2", 1.0, "v3", 0.2);
    Map<String, List<String>> nodes =
        Map.of(
            "src", List.of("v1"),
            "score", List.of("v2"),
            "filter", List.of("v2"),
            "sink", List.of("v3"));
    CostMeter m = meter();
    for (int i = 0; i <= 1; i++) {
      m.record(
          new UsageSample(
              T0.plus(Duration.ofHours(2L * i)),
              vertices,
              nodes,
              0,
              Map.of("src", 1e6),
              Map.of("sink", 5e5),
              0,
              none()));
    }
    DeploymentCost d = m.cost();
    // v2 runs score and filter (chained): 1.0 / 2 = 0.5 core each
    NodeCost src = d.nodes().get("src");
    NodeCost score = d.nodes().get("score");
    assertThat(src.busyCores()).isCloseTo(0.3, within(EPS));
    assertThat(score.busyCores()).isCloseTo(0.5, within(EPS));
    assertThat(d.nodes().get("filter").busyCores()).isCloseTo(0.5, within(EPS));
    // over 2 h at 0.04: src 0.3 x 2 x 0.04 = 0.024, score 0.5 x 2 x 0.04 = 0.04
    assertThat(src.cpuCost()).isCloseTo(0.024, within(EPS));
    assertThat(score.cpuCost()).isCloseTo(0.04, within(EPS));
    // shares of used core-hours: 0.3 / 1.5 = 0.2, 0.5 / 1.5 = 1/3
    assertThat(src.cpuShare()).isCloseTo(0.2, within(EPS));
    assertThat(score.cpuShare()).isCloseTo(1.0 / 3, within(EPS));
    // src reads 1e6 B/s x 7200 s = 7.2 GB x 0.10 = 0.72; sink writes 3.6 GB x 0.05 = 0.18
    assertThat(src.kafkaReadCost()).isCloseTo(0.72, within(EPS));
    assertThat(src.total()).isCloseTo(0.744, within(EPS));
    assertThat(d.nodes().get("sink").kafkaWrittenCost()).isCloseTo(0.18, within(EPS));
    // the nodes' CPU adds up to the deployment's used CPU: 1.5 x 2 x 0.04 = 0.12
    double nodesCpu = d.nodes().values().stream().mapToDouble(NodeCost::cpuCost).sum();
    assertThat(nodesCpu).isCloseTo(d.cost().cpuUsed(), within(EPS));
    assertThat(d.cost().cpuUsed()).isCloseTo(0.12, within(EPS));
  }

  @Test
  void aPollThatIsNotLaterIsIgnored() {
    CostMeter m = meter();
    m.record(busy(T0, Map.of("v1", 0.5)));
    m.record(busy(T0.plus(Duration.ofHours(1)), Map.of("v1", 0.5)));
    m.record(busy(T0.plus(Duration.ofMinutes(30)), Map.of("v1", 9.0)));
    m.record(busy(T0.plus(Duration.ofHours(1)), Map.of("v1", 9.0)));

    assertThat(m.cost().cost().total()).isCloseTo(0.10, within(EPS));
    assertThat(m.cost().to()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(m.cost().from()).contains(T0);
  }

  @Test
  void anInvalidPriceProfileIsRefusedNamingItsField() {
    PriceProfile bad =
        new PriceProfile("mine", "USD", -1, 0.005, 0, 0, 0, LocalDate.of(2026, 12, 7), "x", false);
    assertThatThrownBy(() -> new CostMeter("d1", TWO_SLOTS, bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("price profile 'mine'")
        .hasMessageContaining("cpuCoreHour");
    assertThatThrownBy(() -> new CostMeter("d1", TWO_SLOTS, PRICES, Duration.ZERO))
        .hasMessageContaining("window");
  }

  private static OptionalDouble none() {
    return OptionalDouble.empty();
  }
}
