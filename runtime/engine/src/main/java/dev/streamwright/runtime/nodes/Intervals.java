package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Durations;
import java.time.Duration;

/**
 * Durations as Flink SQL interval literals and as Flink option values. Flink's planner refuses the
 * forms a naive renderer produces: a value of three or more digits needs an explicit leading
 * precision ({@code INTERVAL '150' MINUTE(3)}, not {@code INTERVAL '150' MINUTE}), and a fractional
 * second needs a leading precision of at most 6 ({@code SECOND(9,3)} fails with "DAY_INTERVAL_TYPES
 * precision is not supported: 9").
 */
final class Intervals {

  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private Intervals() {}

  /** The duration as an interval literal in the largest unit that holds it exactly. */
  static String sql(Duration d) {
    return Durations.toSqlInterval(d);
  }

  /** The duration as a Flink option value, e.g. {@code 10 s} or {@code 250 ms}. */
  static String option(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % DAY == 0) {
      return ms / DAY + " d";
    }
    if (ms != 0 && ms % HOUR == 0) {
      return ms / HOUR + " h";
    }
    if (ms != 0 && ms % MINUTE == 0) {
      return ms / MINUTE + " min";
    }
    if (ms % SECOND == 0) {
      return ms / SECOND + " s";
    }
    return ms + " ms";
  }
}
