package dev.streamwright.monitor;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.series.SeriesKey;
import dev.streamwright.monitor.series.SeriesStore;
import java.time.Duration;

/**
 * The history a monitor keeps of its snapshots: which figures become series, and under which names.
 * Panels and the workspace read them back by the same keys.
 */
public final class MonitorSeries {

  /** Records in per second of a node ({@code node:<id>}). */
  public static final String RECORDS_IN = "records_in_per_s";

  /** Records out per second of a node ({@code node:<id>}). */
  public static final String RECORDS_OUT = "records_out_per_s";

  /** Back-pressured time ratio of a node ({@code node:<id>}). */
  public static final String BACKPRESSURED = "backpressured_ratio";

  /** Busy time ratio of a node ({@code node:<id>}). */
  public static final String BUSY = "busy_ratio";

  /** Total offset lag of a consumer group ({@code group:<id>}). */
  public static final String TOTAL_LAG = "total_offset_lag";

  /** Largest interpolated time lag of a group's partitions, in seconds ({@code group:<id>}). */
  public static final String MAX_TIME_LAG = "max_time_lag_s";

  /** Latency percentiles of a sink, in milliseconds ({@code sink:<id>}). */
  public static final String P50 = "latency_p50_ms";

  /** 99th percentile of a sink's latency, in milliseconds. */
  public static final String P99 = "latency_p99_ms";

  /** The largest latency of a sink in the window, in milliseconds. */
  public static final String MAX = "latency_max_ms";

  /** The job's watermark lag, in seconds ({@code job}). */
  public static final String WATERMARK_LAG = "watermark_lag_s";

  /** The job's restarts ({@code job}). */
  public static final String RESTARTS = "restarts";

  private final SeriesStore store;

  /** History kept in {@code store}. */
  public MonitorSeries(SeriesStore store) {
    this.store = store;
  }

  /** The store the series live in. */
  public SeriesStore store() {
    return store;
  }

  /** The key of a node's figure. */
  public static SeriesKey node(String metric, String nodeId) {
    return new SeriesKey(metric, "node:" + nodeId);
  }

  /** The key of a consumer group's figure. */
  public static SeriesKey group(String metric, String group) {
    return new SeriesKey(metric, "group:" + group);
  }

  /** The key of a sink's latency figure. */
  public static SeriesKey sink(String metric, String nodeId) {
    return new SeriesKey(metric, "sink:" + nodeId);
  }

  /** The key of a figure of the job as a whole. */
  public static SeriesKey job(String metric) {
    return new SeriesKey(metric, "job");
  }

  /** Records the figures of a snapshot whose systems answered. */
  void record(MonitorSnapshot s) {
    long t = s.at().toEpochMilli();
    if (s.flink().connected()) {
      for (NodeFigures n : s.nodes().values()) {
        store.record(node(RECORDS_IN, n.nodeId()), t, n.recordsInPerSecond());
        store.record(node(RECORDS_OUT, n.nodeId()), t, n.recordsOutPerSecond());
        store.record(node(BACKPRESSURED, n.nodeId()), t, n.backPressuredRatio());
        store.record(node(BUSY, n.nodeId()), t, n.busyRatio());
      }
      s.job()
          .ifPresent(
              j -> {
                store.record(job(RESTARTS), t, j.restarts());
                j.watermarkLag().ifPresent(w -> store.record(job(WATERMARK_LAG), t, seconds(w)));
              });
    }
    if (s.kafka().connected()) {
      for (GroupLag g : s.lag()) {
        store.record(group(TOTAL_LAG, g.group()), t, g.totalLag());
        g.maxTimeLag().ifPresent(d -> store.record(group(MAX_TIME_LAG, g.group()), t, seconds(d)));
      }
    }
    for (SinkLatency l : s.latency().values()) {
      if (!l.window().isEmpty()) {
        store.record(sink(P50, l.nodeId()), t, l.window().p50());
        store.record(sink(P99, l.nodeId()), t, l.window().p99());
        store.record(sink(MAX, l.nodeId()), t, l.window().max());
      }
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
