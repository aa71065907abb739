package dev.streamwright.monitor.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an alert, for the notification centre, the history and the channels. A
 * channel sends the events whose {@link #notifies} is true; the others update what is shown.
 *
 * @param kind what happened
 * @param at the poll (or acknowledgement) time it happened at
 * @param rule the rule, as it was when it happened
 * @param series the series the alert is about
 * @param value the series' last value seen (for a resolution, the value that no longer satisfies
 *     the condition, or the last one before its rule or deployment went away)
 * @param notifies whether channels send it: true for a firing not de-duplicated and for a reminder,
 *     false for duplicates, resolutions and acknowledgements
 */
public record AlertEvent(
    Kind kind, Instant at, Rule rule, SeriesKey series, double value, boolean notifies) {

  /** What happened to an alert. */
  public enum Kind {
    /** It fired: its condition held for the rule's {@code for} duration. */
    FIRED,
    /**
     * Not a change: a firing alert that is not acknowledged is still firing a whole de-duplication
     * window after its last notification.
     */
    REMINDED,
    /** Someone acknowledged it: it keeps firing without reminders. */
    ACKNOWLEDGED,
    /** It stopped firing: a value no longer satisfies the condition, or its rule went away. */
    RESOLVED
  }

  public AlertEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(series, "series");
  }

  /** The alert's key: its rule id and series. */
  public AlertKey key() {
    return new AlertKey(rule.id(), series);
  }

  /**
   * The event in words, e.g. {@code [warning] consumer-lag fired: consumer_lag_records of group 'g'
   * in deployment 'd' is 1500 (> 1000 for 5m)}.
   */
  public String describe() {
    String verb =
        switch (kind) {
          case FIRED -> "fired";
          case REMINDED -> "still firing";
          case ACKNOWLEDGED -> "acknowledged";
          case RESOLVED -> "resolved";
        };
    String is = Double.isNaN(value) ? "" : " is " + Condition.format(value);
    String unit =
        Double.isNaN(value) || rule.metric().unit().isEmpty() ? "" : " " + rule.metric().unit();
    String hold =
        rule.forDuration().isZero() ? "" : " for " + RuleSetJson.formatDuration(rule.forDuration());
    return "["
        + rule.severity().id()
        + "] "
        + rule.id()
        + " "
        + verb
        + ": "
        + series.describe()
        + is
        + unit
        + " ("
        + rule.condition()
        + hold
        + ")";
  }
}
