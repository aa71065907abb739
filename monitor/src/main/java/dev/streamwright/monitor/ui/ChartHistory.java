package dev.streamwright.monitor.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Past values of the Monitor view's chart series, so a view opened on a running deployment starts
 * with its recent history instead of empty charts; the studio builds one from its series store off
 * the FX thread and hands it to {@link MonitorView#offerHistory(ChartHistory)}.
 *
 * @param series per chart series, its points oldest first
 */
public record ChartHistory(Map<Series, List<Point>> series) {

  public ChartHistory {
    series = Map.copyOf(series);
  }

  /** The figures the view charts. */
  public enum Figure {
    /** The largest interpolated time lag over all groups, in seconds; no node. */
    MAX_TIME_LAG_SECONDS,
    /** The offset lag summed over all groups, in records; no node. */
    TOTAL_OFFSET_LAG,
    /** A sink's median latency in milliseconds. */
    LATENCY_P50_MS,
    /** A sink's 99th percentile latency in milliseconds. */
    LATENCY_P99_MS,
    /** A sink's largest latency in milliseconds. */
    LATENCY_MAX_MS,
    /** A node's records per second (in; out for a source). */
    RECORDS_PER_SECOND
  }

  /**
   * One chart series.
   *
   * @param figure which figure
   * @param nodeId the sink or node it belongs to; empty for the deployment's totals
   */
  public record Series(Figure figure, String nodeId) {
    public Series {
      Objects.requireNonNull(figure, "figure");
      nodeId = nodeId == null ? "" : nodeId;
    }
  }

  /** One past value. */
  public record Point(Instant at, double value) {
    public Point {
      Objects.requireNonNull(at, "at");
    }
  }
}
