package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats the short durations used in scenario scripts: 500ms, 20s, 3min, 1.5h. */
public final class Durations {

  private static final Pattern PATTERN =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)\\s*");

  private Durations() {}

  /**
   * @throws IllegalArgumentException if the text is not a number followed by ms, s, sec, m, min or
   *     h
   */
  public static Duration parse(String text) {
    Matcher m = text == null ? null : PATTERN.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "bad duration \"" + text + "\" (use a number and a unit: 500ms, 20s, 3min, 1h)");
    }
    double n = Double.parseDouble(m.group(1));
    double nanosPerUnit =
        switch (m.group(2)) {
          case "ms" -> 1e6;
          case "s", "sec" -> 1e9;
          case "m", "min" -> 60e9;
          case "h" -> 3600e9;
          default -> throw new AssertionError(m.group(2));
        };
    return Duration.ofNanos(Math.round(n * nanosPerUnit));
  }

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms != 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms != 0) {
      return ms / 60_000 + "min";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
