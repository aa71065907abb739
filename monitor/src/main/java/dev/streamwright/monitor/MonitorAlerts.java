package dev.streamwright.monitor;

import dev.streamwright.monitor.alerts.AlertCenter;
import dev.streamwright.monitor.alerts.SnapshotSignals;
import dev.streamwright.monitor.cost.CostSignals;
import dev.streamwright.monitor.drift.live.DriftSignals;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an {@link AlertCenter} with everything a {@link Monitor} measures: the one place where a
 * monitor's signals become alert values, used by the studio and by {@code streamwright monitor}.
 * Snapshots go in through {@link SnapshotSignals} (one per monitor, so counters become increases)
 * as {@link AlertCenter.Feed#SNAPSHOT}; a deployment whose job ended is forgotten (its firing
 * alerts resolve). Drift reports ({@link AlertCenter.Feed#DRIFT}) and cost ({@link
 * AlertCenter.Feed#COST}) are fed here too, through {@link #driftFeed} and {@link #costFeed}.
 */
public final class MonitorAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorAlerts.class);

  private MonitorAlerts() {}

  /** Makes every snapshot (and drift report and cost) of the monitor feed the centre. */
  public static void attach(Monitor monitor, AlertCenter center) {
    Objects.requireNonNull(monitor, "monitor");
    monitor.onSnapshot(snapshotFeed(center));
    Feeder drift = driftFeed(center);
    monitor.onDrift(r -> drift.accept(r.deploymentId(), r.at(), DriftSignals.values(r)));
    Feeder cost = costFeed(center);
    monitor.onCost(
        c ->
            cost.accept(
                c.deploymentId(), c.to().orElseGet(java.time.Instant::now), CostSignals.values(c)));
  }

  /** A snapshot listener feeding the centre; it never throws into the monitor's thread. */
  public static Consumer<MonitorSnapshot> snapshotFeed(AlertCenter center) {
    Objects.requireNonNull(center, "center");
    SnapshotSignals signals = new SnapshotSignals();
    return s -> {
      try {
        center.accept(s.at(), s.deploymentId(), AlertCenter.Feed.SNAPSHOT, signals.values(s));
        if (s.flink().state() == Link.State.ENDED) {
          center.forgetDeployment(s.deploymentId(), s.at());
          signals.forget(s.deploymentId());
        }
      } catch (RuntimeException e) {
        LOG.warn("Evaluating the alert rules on a snapshot of {} failed", s.deploymentId(), e);
      }
    };
  }

  /** Feeds one deployment's drift values ({@code DriftSignals}) to the centre. */
  public static Feeder driftFeed(AlertCenter center) {
    return feeder(center, AlertCenter.Feed.DRIFT);
  }

  /** Feeds one deployment's cost values ({@code CostSignals}) to the centre. */
  public static Feeder costFeed(AlertCenter center) {
    return feeder(center, AlertCenter.Feed.COST);
  }

  private static Feeder feeder(AlertCenter center, AlertCenter.Feed feed) {
    Objects.requireNonNull(center, "center");
    return (deployment, at, values) -> {
      try {
        center.accept(at, deployment, feed, values);
      } catch (RuntimeException e) {
        LOG.warn("Evaluating the alert rules on {} values of {} failed", feed, deployment, e);
      }
    };
  }

  /** Takes one deployment's values of one feed at one time. */
  @FunctionalInterface
  public interface Feeder {
    /** Feeds the values; never throws. */
    void accept(
        String deploymentId,
        java.time.Instant at,
        java.util.Map<dev.streamwright.monitor.alerts.SeriesKey, Double> values);
  }
}
