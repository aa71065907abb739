package dev.streamwright.monitor.latency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latencies over a sliding window, summarised as percentiles by HdrHistogram (3 significant
 * digits).
 *
 * <p>The window is a ring of {@value #SLICES} sub-window histograms: a latency goes into the slice
 * of the time it was measured at, a slice is cleared when the ring comes round to it again, and a
 * summary merges the current slice and the eleven before it. So the window slides in steps of a
 * twelfth of its length: of a one-minute window, a summary covers the last 55 to 60 seconds.
 * Latencies measured before the ring's oldest slice are dropped. Thread-safe: a probe thread
 * records while a poller summarises.
 */
public final class LatencyWindow {

  /** Sub-windows per window. */
  static final int SLICES = 12;

  private static final int SIGNIFICANT_DIGITS = 3;

  private final long sliceMs;
  private final IntCountsHistogram[] slices = new IntCountsHistogram[SLICES];
  private final long[] periods = new long[SLICES];
  private final long[] maxima = new long[SLICES];
  private final Histogram merged = new Histogram(SIGNIFICANT_DIGITS);

  /** A one-minute window. */
  public LatencyWindow() {
    this(Duration.ofMinutes(1));
  }

  /** A window of the given length, at least {@value #SLICES} ms. */
  public LatencyWindow(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.toMillis() < SLICES) {
      throw new IllegalArgumentException(
          "latency window must be at least " + SLICES + " ms, got " + window);
    }
    sliceMs = window.toMillis() / SLICES;
    for (int i = 0; i < SLICES; i++) {
      slices[i] = new IntCountsHistogram(SIGNIFICANT_DIGITS);
      periods[i] = Long.MIN_VALUE;
    }
  }

  /** Records one latency measured at {@code at}; a negative one (clock skew) counts as 0. */
  public void record(long latencyMs, Instant at) {
    long period = Math.floorDiv(at.toEpochMilli(), sliceMs);
    int slot = (int) Math.floorMod(period, (long) SLICES);
    long value = Math.max(0, latencyMs);
    synchronized (this) {
      if (periods[slot] != period) {
        if (periods[slot] > period) {
          return; // older than the ring holds
        }
        slices[slot].reset();
        periods[slot] = period;
        maxima[slot] = 0;
      }
      slices[slot].recordValue(value);
      maxima[slot] = Math.max(maxima[slot], value);
    }
  }

  /** Percentiles of the latencies of the window ending at {@code now}. */
  public synchronized LatencySummary summary(Instant now) {
    long current = Math.floorDiv(now.toEpochMilli(), sliceMs);
    merged.reset();
    long max = 0;
    for (int i = 0; i < SLICES; i++) {
      if (periods[i] != Long.MIN_VALUE && periods[i] > current - SLICES) {
        merged.add(slices[i]);
        max = Math.max(max, maxima[i]);
      }
    }
    long count = merged.getTotalCount();
    if (count == 0) {
      return LatencySummary.EMPTY;
    }
    // A percentile is reported as its bucket's highest equivalent value, which may pass the max.
    return new LatencySummary(
        count,
        Math.min(max, merged.getValueAtPercentile(50)),
        Math.min(max, merged.getValueAtPercentile(95)),
        Math.min(max, merged.getValueAtPercentile(99)),
        Math.min(max, merged.getValueAtPercentile(99.9)),
        max);
  }
}
