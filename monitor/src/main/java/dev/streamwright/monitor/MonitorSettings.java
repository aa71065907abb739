package dev.streamwright.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a monitor polls.
 *
 * @param interval time between polls (default 5 s)
 * @param timeout bound on each call to a cluster within a poll
 * @param latencyWindow the sliding window latency percentiles are taken over (default 1 min)
 * @param slo the latency objective sinks are held to (default 1 s)
 */
public record MonitorSettings(
    Duration interval, Duration timeout, Duration latencyWindow, Duration slo) {

  /** Polls every 5 s, calls bounded to 3 s, latency over 1 min against 1 s. */
  public static final MonitorSettings DEFAULTS =
      new MonitorSettings(
          Duration.ofSeconds(5),
          Duration.ofSeconds(3),
          Duration.ofMinutes(1),
          Duration.ofSeconds(1));

  public MonitorSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(latencyWindow, "latencyWindow");
    Objects.requireNonNull(slo, "slo");
    if (interval.toMillis() < 100) {
      throw new IllegalArgumentException(
          "The poll interval must be at least 100 ms, was " + interval.toMillis() + " ms.");
    }
  }

  /** These settings polling every {@code every}. */
  public MonitorSettings withInterval(Duration every) {
    return new MonitorSettings(every, timeout, latencyWindow, slo);
  }

  /** These settings taking latency percentiles over {@code window}. */
  public MonitorSettings withLatencyWindow(Duration window) {
    return new MonitorSettings(interval, timeout, window, slo);
  }

  /** These settings with the latency objective {@code objective}. */
  public MonitorSettings withSlo(Duration objective) {
    return new MonitorSettings(interval, timeout, latencyWindow, objective);
  }
}
