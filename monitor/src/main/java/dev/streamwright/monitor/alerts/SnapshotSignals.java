package dev.streamwright.monitor.alerts;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.runtime.api.NodeHealth;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns each {@link MonitorSnapshot} of a deployment into the engine's values. One instance per
 * monitor: it keeps the previous poll's counters per deployment to report counters as increases.
 *
 * <ul>
 *   <li>{@link Metric#CONSUMER_LAG_RECORDS} per group: {@link GroupLag#totalLag()}; none for a
 *       group without any commit (no commit is not zero lag);
 *   <li>{@link Metric#CONSUMER_LAG_SECONDS} per group: {@link GroupLag#maxTimeLag()} in seconds,
 *       when known;
 *   <li>{@link Metric#P99_LATENCY_SECONDS} per sink: the window's p99 in seconds; none for an empty
 *       window;
 *   <li>{@link Metric#THROUGHPUT_RECORDS_PER_SECOND} per node: the larger of records in and out per
 *       second (a source only emits, a sink only receives);
 *   <li>{@link Metric#BACKPRESSURE_RATIO} per node: its back-pressured time ratio;
 *   <li>{@link Metric#CHECKPOINT_FAILURES}, {@link Metric#RESTARTS} per pipeline and {@link
 *       Metric#MODEL_SKIPPED_ROWS} (skipped or defaulted), {@link Metric#MODEL_ERROR_ROWS} per
 *       Model score node: the counter's increase since the previous poll that had it, as
 *       Prometheus' {@code increase} counts: a counter that went down (a new job) counts from 0, so
 *       its increase is its value; the first poll that has a counter gives no value for it.
 * </ul>
 *
 * <p>A system the poll did not reach gives no values: lag and latency need the Kafka link
 * connected, the node, job and model figures need the Flink link connected. Missing values neither
 * fire nor resolve alerts (see {@link RuleEngine}). Drift and cost values come from their own
 * monitors under the same {@link SeriesKey}s.
 */
public final class SnapshotSignals {

  private final Map<String, Map<SeriesKey, Long>> counters = new HashMap<>();

  /** The values of one snapshot, keyed by series. */
  public synchronized Map<SeriesKey, Double> values(MonitorSnapshot s) {
    String d = s.deploymentId();
    Map<SeriesKey, Double> out = new HashMap<>();
    if (s.kafka().connected()) {
      for (GroupLag g : s.lag()) {
        if (!g.noCommit()) {
          out.put(new SeriesKey(Metric.CONSUMER_LAG_RECORDS, d, g.group()), (double) g.totalLag());
        }
        g.maxTimeLag()
            .ifPresent(
                t ->
                    out.put(
                        new SeriesKey(Metric.CONSUMER_LAG_SECONDS, d, g.group()),
                        t.toNanos() / 1e9));
      }
      for (SinkLatency l : s.latency().values()) {
        if (!l.window().isEmpty()) {
          out.put(new SeriesKey(Metric.P99_LATENCY_SECONDS, d, l.nodeId()), l.window().p99() / 1e3);
        }
      }
    }
    if (!s.flink().connected()) {
      return out;
    }
    for (NodeFigures n : s.nodes().values()) {
      out.put(
          new SeriesKey(Metric.THROUGHPUT_RECORDS_PER_SECOND, d, n.nodeId()),
          Math.max(n.recordsInPerSecond(), n.recordsOutPerSecond()));
      out.put(new SeriesKey(Metric.BACKPRESSURE_RATIO, d, n.nodeId()), n.backPressuredRatio());
    }
    Map<SeriesKey, Long> now = new HashMap<>();
    if (s.job().isPresent()) {
      JobFigures job = s.job().get();
      CheckpointFigures cp = job.checkpoints();
      now.put(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, d), cp.failed());
      now.put(SeriesKey.pipeline(Metric.RESTARTS, d), job.restarts());
    }
    for (NodeHealth h : s.modelHealth().values()) {
      now.put(new SeriesKey(Metric.MODEL_SKIPPED_ROWS, d, h.nodeId()), h.invalidRows());
      now.put(new SeriesKey(Metric.MODEL_ERROR_ROWS, d, h.nodeId()), h.errorRows());
    }
    Map<SeriesKey, Long> before = counters.computeIfAbsent(d, k -> new HashMap<>());
    for (Map.Entry<SeriesKey, Long> e : now.entrySet()) {
      Long previous = before.put(e.getKey(), e.getValue());
      if (previous != null) {
        long value = e.getValue();
        out.put(e.getKey(), (double) (value >= previous ? value - previous : value));
      }
    }
    return out;
  }

  /** Forgets a deployment's counters (it ended or was deleted). */
  public synchronized void forget(String deploymentId) {
    counters.remove(deploymentId);
  }
}
