package dev.streamwright.monitor.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert instance as the engine holds it after a poll: a rule on one series, pending or firing.
 *
 * @param rule the rule
 * @param series the series
 * @param state pending (condition holds, {@code for} not yet over) or firing
 * @param acknowledged whether someone acknowledged it while firing
 * @param since when its condition began to hold (the start of pending)
 * @param firedAt when it fired; empty while pending
 * @param value the series' last value seen
 */
public record Alert(
    Rule rule,
    SeriesKey series,
    State state,
    boolean acknowledged,
    Instant since,
    Optional<Instant> firedAt,
    double value) {

  /** The states of an alert; a resolved alert is no longer held, its events stay in the history. */
  public enum State {
    /** The condition holds, for less than the rule's {@code for} duration so far. */
    PENDING,
    /** The condition held for the rule's {@code for} duration and has not stopped holding. */
    FIRING
  }

  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(firedAt, "firedAt");
  }

  /** The alert's key. */
  public AlertKey key() {
    return new AlertKey(rule.id(), series);
  }
}
