package dev.streamwright.monitor.alerts;

import java.util.Locale;

/** How urgent an alert is, from least to most; channels may route by it. */
public enum Severity {
  /** Worth knowing, nothing to do yet. */
  INFO,
  /** Something degrades; look soon. */
  WARNING,
  /** Results are wrong or late now; act. */
  CRITICAL;

  /** The name rules are written with, e.g. {@code warning}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The severity of a name written in a rule, case-insensitive.
   *
   * @throws IllegalArgumentException naming the known severities
   */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a severity; write info, warning or critical");
  }
}
