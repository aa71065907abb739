package dev.streamwright.monitor.figures;

import dev.streamwright.monitor.latency.LatencySummary;
import java.time.Duration;
import java.util.Objects;

/**
 * One sink's end-to-end latency at one poll: event time to the time the row was written, over the
 * sliding window, against the pipeline's latency objective.
 *
 * @param nodeId the sink node
 * @param eventTimeColumn the column that carries the event time to the sink
 * @param window the percentiles over the sliding window
 * @param slo the latency objective (default 1 s)
 */
public record SinkLatency(
    String nodeId, String eventTimeColumn, LatencySummary window, Duration slo) {

  public SinkLatency {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(eventTimeColumn, "eventTimeColumn");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(slo, "slo");
  }

  /** Whether the window's p99 is over the objective. */
  public boolean breached() {
    return !window.isEmpty() && window.p99() > slo.toMillis();
  }
}
