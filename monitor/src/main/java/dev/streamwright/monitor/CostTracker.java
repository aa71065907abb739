package dev.streamwright.monitor;

import dev.streamwright.monitor.cost.CostMeter;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.ResourceProfile;
import dev.streamwright.monitor.cost.SnapshotUsage;
import dev.streamwright.monitor.cost.UsageSample;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.series.SeriesStore;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Feeds a monitor's snapshots into one {@link CostMeter} and keeps the cost's history in the
 * monitor's series ({@link #COST_PER_HOUR}, {@link #PROJECTED_MONTHLY}, {@link #USED_CORES} of the
 * job, {@link #COST_PER_HOUR} of each node). The meter is made at the first snapshot that reached
 * Flink, with as many slots as the job's plan has at most parallel subtasks (the settings'
 * parallelism until a plan was read); new settings start a new meter. Used by the monitor's thread;
 * the series names are public for panels that chart them.
 */
public final class CostTracker {

  /** Cost per hour over the last poll interval, in the profile's currency ({@code job}, nodes). */
  public static final String COST_PER_HOUR = "cost_per_hour";

  /** The projected monthly cost ({@code job}). */
  public static final String PROJECTED_MONTHLY = "projected_monthly_cost";

  /** Busy CPU cores ({@code job}). */
  public static final String USED_CORES = "used_cores";

  private final String deploymentId;
  private final Set<String> sources;
  private final SeriesStore store;
  private volatile CostSettings settings;
  private CostMeter meter;
  private CostSettings meterSettings;
  private DeploymentCost previous;

  CostTracker(String deploymentId, Pipeline pipeline, SeriesStore store, CostSettings settings) {
    this.deploymentId = deploymentId;
    this.sources = sources(pipeline);
    this.store = store;
    this.settings = settings;
  }

  /** New rates or resources, used from the next snapshot on; any thread. */
  void settings(CostSettings next) {
    this.settings = next;
  }

  CostSettings settings() {
    return settings;
  }

  /**
   * Adds a snapshot; returns the deployment's cost when the snapshot reached Flink, empty otherwise
   * (the gap is priced at the next connected snapshot).
   *
   * @param planParallelism the largest parallelism of the job's vertices, when its plan was read
   */
  Optional<DeploymentCost> record(MonitorSnapshot s, OptionalInt planParallelism) {
    CostSettings now = settings;
    int slots = planParallelism.orElse(now.fallbackParallelism());
    Optional<UsageSample> usage = SnapshotUsage.of(s, slots, sources, Map.of(), Map.of());
    if (usage.isEmpty()) {
      return Optional.empty();
    }
    if (meter == null || now != meterSettings) {
      meter =
          new CostMeter(deploymentId, ResourceProfile.of(slots, now.environment()), now.prices());
      meterSettings = now;
      previous = null;
    }
    meter.record(usage.get());
    DeploymentCost cost = meter.cost();
    series(s.at().toEpochMilli(), cost);
    previous = cost;
    return Optional.of(cost);
  }

  private void series(long t, DeploymentCost cost) {
    store.record(MonitorSeries.job(USED_CORES), t, cost.usedCores());
    cost.projectedMonthly()
        .ifPresent(m -> store.record(MonitorSeries.job(PROJECTED_MONTHLY), t, m));
    if (previous == null || cost.hours() <= previous.hours()) {
      return;
    }
    double hours = cost.hours() - previous.hours();
    store.record(
        MonitorSeries.job(COST_PER_HOUR),
        t,
        (cost.cost().total() - previous.cost().total()) / hours);
    for (NodeCost n : cost.nodes().values()) {
      NodeCost before = previous.nodes().get(n.nodeId());
      double was = before == null ? 0 : before.total();
      store.record(MonitorSeries.node(COST_PER_HOUR, n.nodeId()), t, (n.total() - was) / hours);
    }
  }

  /** The pipeline's sources: its nodes no edge leads into. */
  private static Set<String> sources(Pipeline pipeline) {
    Set<String> out = new HashSet<>();
    pipeline.nodes().forEach(n -> out.add(n.id()));
    for (Edge e : pipeline.edges()) {
      out.remove(e.to());
    }
    return out;
  }
}
