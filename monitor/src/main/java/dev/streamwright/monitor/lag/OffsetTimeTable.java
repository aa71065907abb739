package dev.streamwright.monitor.lag;

import java.time.Duration;
import java.util.Optional;

/**
 * A partition's bounded table of (log-end offset, wall clock) samples, from which the time lag of a
 * committed offset is interpolated, as kafka-lag-exporter does.
 *
 * <p>A sample whose time is not newer than the last one, or whose offset is lower, is skipped. When
 * a sample's offset equals the last two points', the last point's time moves forward instead of a
 * point being appended, so a flat line costs two points however long it lasts. Not thread-safe.
 */
final class OffsetTimeTable {

  private final long[] offsets;
  private final long[] times;
  private int size;

  OffsetTimeTable(int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException(
          "maxPoints must be at least 2 to interpolate, got " + maxPoints);
    }
    offsets = new long[maxPoints];
    times = new long[maxPoints];
  }

  /** Adds one sample; returns false when it was skipped (time not newer, or offset went down). */
  boolean add(long timeMs, long offset) {
    if (size > 0) {
      int last = size - 1;
      if (timeMs <= times[last] || offset < offsets[last]) {
        return false;
      }
      if (offset == offsets[last] && size > 1 && offsets[last - 1] == offset) {
        times[last] = timeMs;
        return true;
      }
    }
    if (size == offsets.length) {
      System.arraycopy(offsets, 1, offsets, 0, size - 1);
      System.arraycopy(times, 1, times, 0, size - 1);
      size--;
    }
    offsets[size] = offset;
    times[size] = timeMs;
    size++;
    return true;
  }

  /**
   * The time lag of a committed offset at {@code nowMs}: zero when it equals the newest offset,
   * empty with fewer than two points or when a flat table cannot be extrapolated, else {@code now -
   * t} where t is interpolated between the newest pair of adjacent points bracketing the offset, or
   * extrapolated along the first and last points when no pair brackets it. Never negative.
   */
  Optional<Duration> timeLag(long committed, long nowMs) {
    if (size > 0 && committed == offsets[size - 1]) {
      return Optional.of(Duration.ZERO);
    }
    if (size < 2) {
      return Optional.empty();
    }
    int left = 0;
    int right = size - 1;
    for (int r = size - 1; r >= 1; r--) {
      if (offsets[r - 1] <= committed && committed <= offsets[r]) {
        left = r - 1;
        right = r;
        break;
      }
    }
    double dy = offsets[right] - offsets[left];
    double t;
    if (dy == 0) {
      if (committed != offsets[right]) {
        return Optional.empty(); // extrapolating a flat line: no rate to extrapolate with
      }
      t = times[right];
    } else {
      double dx = times[right] - times[left];
      t = times[right] - (offsets[right] - committed) * dx / dy;
    }
    return Optional.of(Duration.ofMillis(Math.round(Math.max(0, nowMs - t))));
  }

  /** The points as {offset, timeMs} pairs, oldest first (for tests). */
  long[][] points() {
    long[][] out = new long[size][];
    for (int i = 0; i < size; i++) {
      out[i] = new long[] {offsets[i], times[i]};
    }
    return out;
  }
}
