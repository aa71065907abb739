package dev.streamwright.monitor.latency;

/**
 * Event time to sink write over a sliding window, in milliseconds.
 *
 * @param count rows measured in the window
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest
 */
public record LatencySummary(long count, long p50, long p95, long p99, long p999, long max) {

  /** No rows in the window. */
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

  /** Whether any row was measured. */
  public boolean isEmpty() {
    return count == 0;
  }
}
