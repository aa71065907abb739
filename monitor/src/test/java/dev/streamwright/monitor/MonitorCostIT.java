package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.CostSignals;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cost of a real deployment on the embedded Flink, priced with the local machine's profile
 * while a producer keeps its source busy: busy time becomes used cores, and the monthly projection,
 * the alert value and the cost series follow from it.
 */
class MonitorCostIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  @Test
  void aBusyEmbeddedDeploymentCostsWhatItsSlotsAndBusyTimeSay() throws Exception {
    PipelineRuntime runtime = FLINK.runtime();
    KAFKA.broker().createTopics(Map.of("orders-cost", 1, "big-orders-cost", 1));
    Pipeline p = Orders.pipeline("orders-cost", "big-orders-cost", "monitor-cost");
    Compilation c = Orders.compile(p, KAFKA.bootstrapServers());
    Deployment d = runtime.deploy(c.result().orElseThrow(), MonitorIT.everySecond("monitor-cost"));
    List<MonitorSnapshot> seen = new CopyOnWriteArrayList<>();
    List<DeploymentCost> costs = new CopyOnWriteArrayList<>();
    try (Monitor monitor =
            Monitor.of(MonitorTarget.of(d, runtime, p, c), MonitorIT.EVERY_SECOND)
                .costSettings(
                    new CostSettings(EnvironmentProfile.DEFAULT, PricePresets.LOCAL_MACHINE, 1));
        Orders.Producer producer =
            new Orders.Producer(KAFKA.bootstrapServers(), "orders-cost", 5000)) {
      monitor.onSnapshot(seen::add).onCost(costs::add).start();
      DeploymentCost cost = awaitCost(costs);
      MonitorSnapshot busy =
          seen.stream()
              .filter(s -> s.at().equals(cost.to().orElseThrow()))
              .findFirst()
              .orElseThrow();

      // One slot (the plan's parallelism) of 0.5 core and 1 GiB, a JobManager of 1 core, 2 GiB.
      assertThat(cost.requestedCores()).isEqualTo(1.5);
      assertThat(cost.requestedMemoryGib()).isEqualTo(3.0);
      assertThat(cost.prices()).startsWith("Local machine, priced as AWS");
      // Busy cores: each vertex's busy ratio (the smallest of the nodes it runs) x 1 subtask.
      // Flink may report a busy time of 0 for the whole run when the task mostly waits (a CI run
      // on a loaded machine read 124,702 records with busy time 0), so the cost is held to what
      // the snapshot says rather than to a positive figure; the CPU part is then all idle.
      assertThat(cost.usedCores()).isCloseTo(busyCores(busy), within(1e-9));
      assertThat(cost.cost().cpuUsed() + cost.cost().cpuIdle()).isPositive();
      assertThat(cost.cost().total()).isPositive();
      assertThat(cost.recordsRead()).isPositive();
      assertThat(cost.costPerMillionRecords()).isPresent();
      assertThat(cost.projectedMonthly().orElseThrow()).isPositive();
      // The rate behind the projection: at least the requested cores and memory at list price.
      double perHour =
          cost.requestedCores() * PricePresets.LOCAL_MACHINE.cpuCoreHour()
              + cost.requestedMemoryGib() * PricePresets.LOCAL_MACHINE.memoryGibHour();
      assertThat(cost.projectedMonthly().orElseThrow())
          .isGreaterThanOrEqualTo(perHour * 730 - 1e-9);
      assertThat(CostSignals.values(cost))
          .containsKey(SeriesKey.pipeline(Metric.PROJECTED_MONTHLY_COST, d.id()));
      assertThat(monitor.latestCost()).isPresent();
      assertThat(monitor.series().raw(MonitorSeries.job(CostTracker.PROJECTED_MONTHLY)))
          .isNotEmpty();
      assertThat(monitor.series().raw(MonitorSeries.job(CostTracker.COST_PER_HOUR))).isNotEmpty();
      assertThat(monitor.series().raw(MonitorSeries.node(CostTracker.COST_PER_HOUR, "orders")))
          .isNotEmpty();
    } finally {
      runtime.stop(d, false);
    }
  }

  /** Waits (bounded) for a cost with records read and a projection. */
  private static DeploymentCost awaitCost(List<DeploymentCost> costs) throws InterruptedException {
    long deadline = System.nanoTime() + MonitorIT.WAIT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (DeploymentCost c : List.copyOf(costs)) {
        if (c.recordsRead() > 0 && c.projectedMonthly().isPresent()) {
          return c;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no cost with records and a projection; the last: "
            + (costs.isEmpty() ? "none" : costs.get(costs.size() - 1)));
  }

  private static double busyCores(MonitorSnapshot s) {
    Map<String, Double> vertex = new HashMap<>();
    for (NodeFigures n : s.nodes().values()) {
      for (String v : n.vertexIds()) {
        vertex.merge(v, n.busyRatio(), Math::min);
      }
    }
    return vertex.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
