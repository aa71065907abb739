package dev.streamwright.monitor.alerts;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An alert rule, an immutable value: when {@link #metric} of a series in {@link #scope} satisfies
 * {@link #condition} at every poll for at least {@link #forDuration}, an alert of {@link #severity}
 * fires for that series and notifies {@link #channels}.
 *
 * <ul>
 *   <li>{@code for} works as Prometheus' {@code for:}: the alert is pending from the first poll
 *       whose value satisfies the condition and fires at the first poll at least {@code for} later
 *       whose value still does; a poll whose value does not satisfy it, or that has no value for
 *       the series, resets it. {@code for} 0 fires at the first such poll.
 *   <li>De-duplication: a firing notifies unless the same rule and series notified less than {@code
 *       dedupWindow} before it (so a rule that resolves and fires again within the window does not
 *       notify again, and a flapping series notifies at most once per window); a firing alert that
 *       is not acknowledged is notified again once a whole window has passed since its last
 *       notification. A window of 0 notifies every firing and never reminds.
 * </ul>
 *
 * @param id the rule's name, unique in its rule set: letters, digits, {@code - _ .}
 * @param description what the rule watches for, in words; may be empty
 * @param metric the metric it watches
 * @param scope which instances of the metric's scope it watches
 * @param condition when a value is alarming
 * @param forDuration how long the condition must hold before the alert fires; not negative
 * @param severity how urgent its alerts are
 * @param dedupWindow the de-duplication window (default 1 h); not negative
 * @param channels the names of the channels to notify, without duplicates; may be empty (the alerts
 *     are still kept in the history)
 * @param enabled whether the engine evaluates it
 */
public record Rule(
    String id,
    String description,
    Metric metric,
    Scope scope,
    Condition condition,
    Duration forDuration,
    Severity severity,
    Duration dedupWindow,
    List<String> channels,
    boolean enabled) {

  /** The de-duplication window of a rule that does not say. */
  public static final Duration DEFAULT_DEDUP = Duration.ofHours(1);

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public Rule {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "rule id '"
              + id
              + "' is not valid; start with a letter or digit and use only letters, digits, '-',"
              + " '_' and '.'");
    }
    String where = "rule '" + id + "': ";
    description = description == null ? "" : description.strip();
    require(metric, where + "the metric is missing");
    require(scope, where + "the scope is missing");
    require(condition, where + "the condition is missing");
    require(forDuration, where + "the for duration is missing");
    require(severity, where + "the severity is missing");
    require(dedupWindow, where + "the de-duplication window is missing");
    require(channels, where + "the channels are missing");
    if (scope.kind() != metric.scope()) {
      throw new IllegalArgumentException(
          where
              + metric.id()
              + " is measured per "
              + metric.scope().id()
              + ", so the scope must be "
              + metric.scope().id()
              + ", not "
              + scope.kind().id());
    }
    if (forDuration.isNegative()) {
      throw new IllegalArgumentException(where + "the for duration is negative");
    }
    if (dedupWindow.isNegative()) {
      throw new IllegalArgumentException(where + "the de-duplication window is negative");
    }
    channels = List.copyOf(channels);
    Set<String> seen = new HashSet<>();
    for (String c : channels) {
      if (c.isBlank()) {
        throw new IllegalArgumentException(where + "a channel name is blank");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException(where + "channel '" + c + "' is named twice");
      }
    }
  }

  private static void require(Object value, String message) {
    if (value == null) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * A rule watching every instance of the metric's scope, with {@code for} 0, severity warning, the
   * default de-duplication window, no channels, enabled.
   */
  public static Rule of(String id, Metric metric, String condition) {
    Objects.requireNonNull(metric, "metric");
    return new Rule(
        id,
        "",
        metric,
        Scope.every(metric.scope()),
        Condition.parse(condition),
        Duration.ZERO,
        Severity.WARNING,
        DEFAULT_DEDUP,
        List.of(),
        true);
  }

  /** This rule with another description. */
  public Rule withDescription(String text) {
    return new Rule(
        id, text, metric, scope, condition, forDuration, severity, dedupWindow, channels, enabled);
  }

  /** This rule with another scope. */
  public Rule withScope(Scope s) {
    return new Rule(
        id,
        description,
        metric,
        s,
        condition,
        forDuration,
        severity,
        dedupWindow,
        channels,
        enabled);
  }

  /** This rule with another condition. */
  public Rule withCondition(Condition c) {
    return new Rule(
        id, description, metric, scope, c, forDuration, severity, dedupWindow, channels, enabled);
  }

  /** This rule with another {@code for} duration. */
  public Rule withFor(Duration d) {
    return new Rule(
        id, description, metric, scope, condition, d, severity, dedupWindow, channels, enabled);
  }

  /** This rule with another severity. */
  public Rule withSeverity(Severity s) {
    return new Rule(
        id, description, metric, scope, condition, forDuration, s, dedupWindow, channels, enabled);
  }

  /** This rule with another de-duplication window. */
  public Rule withDedupWindow(Duration d) {
    return new Rule(
        id, description, metric, scope, condition, forDuration, severity, d, channels, enabled);
  }

  /** This rule notifying other channels. */
  public Rule withChannels(List<String> names) {
    return new Rule(
        id,
        description,
        metric,
        scope,
        condition,
        forDuration,
        severity,
        dedupWindow,
        names,
        enabled);
  }

  /** This rule switched on or off. */
  public Rule withEnabled(boolean on) {
    return new Rule(
        id,
        description,
        metric,
        scope,
        condition,
        forDuration,
        severity,
        dedupWindow,
        channels,
        on);
  }
}
