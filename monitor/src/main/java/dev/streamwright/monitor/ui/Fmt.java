package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.lag.PartitionLag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** How the monitor's panels write figures: durations, counts, rates, ratios and sizes. */
final class Fmt {

  /** What a panel shows for a figure it does not know. */
  static final String UNKNOWN = "–";

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Fmt() {}

  /** A duration as a person reads it: {@code 850 ms}, {@code 4.2 s}, {@code 3 min 05 s}. */
  static String duration(Duration d) {
    if (d.equals(PartitionLag.NEVER)) {
      return "never";
    }
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = d.toSeconds();
    if (s < 3_600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%d h %02d min", s / 3_600, (s % 3_600) / 60);
    }
    return String.format(Locale.ROOT, "%d d %02d h", s / 86_400, (s % 86_400) / 3_600);
  }

  /** An optional duration, or the unknown mark. */
  static String duration(Optional<Duration> d) {
    return d.map(Fmt::duration).orElse(UNKNOWN);
  }

  /** Milliseconds of latency, e.g. {@code 850 ms} or {@code 1.25 s}. */
  static String millis(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** An optional count, or the unknown mark. */
  static String count(OptionalLong n) {
    return n.isPresent() ? count(n.getAsLong()) : UNKNOWN;
  }

  /** A rate per second, e.g. {@code 1,234.5/s}. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.1f/s", perSecond);
  }

  /** A ratio in [0, 1] as a whole percentage. */
  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }

  /** A size in bytes in binary units. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int unit = -1;
    while (v >= 1024 && unit < units.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
  }

  /** A wall-clock time of day in the given zone. */
  static String clock(Instant at, ZoneId zone) {
    return LocalTime.ofInstant(at, zone).format(CLOCK);
  }
}
