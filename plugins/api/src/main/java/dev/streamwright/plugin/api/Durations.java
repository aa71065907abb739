package dev.streamwright.plugin.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users type ({@code 10s}, {@code 5 min}, {@code 1h}, {@code 250 ms}, {@code
 * 2d}) and renders them as Flink SQL interval literals.
 */
public final class Durations {

  private static final Pattern FORMAT =
      Pattern.compile(
          "^(\\d+)\\s*(ms|millis|milliseconds|s|sec|secs|second|seconds|m|min|mins|minute|minutes"
              + "|h|hour|hours|d|day|days)$");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message saying what forms are accepted
   */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration; write a number and a unit, e.g. 250ms, 10s, 5min, 1h, 2d");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    if (unit.startsWith("ms") || unit.startsWith("milli")) {
      return Duration.ofMillis(n);
    }
    if (unit.startsWith("s")) {
      return Duration.ofSeconds(n);
    }
    if (unit.startsWith("m")) {
      return Duration.ofMinutes(n);
    }
    if (unit.startsWith("h")) {
      return Duration.ofHours(n);
    }
    return Duration.ofDays(n);
  }

  /** Whether {@link #parse(String)} accepts the text. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Flink's largest leading precision of a day-time interval. */
  private static final int MAX_LEADING_DIGITS = 6;

  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /**
   * The duration as a Flink SQL interval literal in the largest unit that holds it exactly, e.g.
   * {@code INTERVAL '10' SECOND}. Flink's planner needs an explicit leading precision for three or
   * more digits ({@code INTERVAL '150' MINUTE(3)}) and accepts at most 6 for fractional seconds, so
   * those forms are written that way.
   */
  public static String toSqlInterval(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "INTERVAL '0' SECOND";
    }
    if (ms % SECOND != 0) {
      long seconds = ms / SECOND;
      int digits = Math.max(1, digits(seconds));
      if (digits <= MAX_LEADING_DIGITS) {
        return String.format(
            Locale.ROOT, "INTERVAL '%d.%03d' SECOND(%d,3)", seconds, ms % SECOND, digits);
      }
      return dayToSecond(ms);
    }
    long[] units = {DAY, HOUR, MINUTE, SECOND};
    String[] names = {"DAY", "HOUR", "MINUTE", "SECOND"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        long value = ms / units[i];
        int digits = digits(value);
        if (digits <= 2) {
          return "INTERVAL '" + value + "' " + names[i];
        }
        if (digits <= MAX_LEADING_DIGITS) {
          return "INTERVAL '" + value + "' " + names[i] + "(" + digits + ")";
        }
        return dayToSecond(ms);
      }
    }
    throw new IllegalStateException("unreachable: every whole second is a multiple of SECOND");
  }

  private static String dayToSecond(long ms) {
    long days = ms / DAY;
    long rest = ms % DAY;
    return String.format(
        Locale.ROOT,
        "INTERVAL '%d %02d:%02d:%02d.%03d' DAY(%d) TO SECOND(3)",
        days,
        rest / HOUR,
        rest % HOUR / MINUTE,
        rest % MINUTE / SECOND,
        rest % SECOND,
        Math.max(2, digits(days)));
  }

  private static int digits(long value) {
    return Long.toString(value).length();
  }
}
