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

  /**
   * The duration as a Flink SQL interval in the largest unit that holds it exactly, e.g. {@code
   * INTERVAL '10' SECOND} or {@code INTERVAL '1' HOUR}.
   */
  public static String toSqlInterval(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms > 0) {
      return "INTERVAL '" + ms / 86_400_000L + "' DAY";
    }
    if (ms % 3_600_000L == 0 && ms > 0) {
      return "INTERVAL '" + ms / 3_600_000L + "' HOUR";
    }
    if (ms % 60_000L == 0 && ms > 0) {
      return "INTERVAL '" + ms / 60_000L + "' MINUTE";
    }
    if (ms % 1_000L == 0) {
      return "INTERVAL '" + ms / 1_000L + "' SECOND";
    }
    return String.format(Locale.ROOT, "INTERVAL '%d.%03d' SECOND(9,3)", ms / 1000, ms % 1000);
  }
}
