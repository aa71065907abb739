package dev.streamwright.monitor.alerts;

import java.time.Duration;
import java.util.List;

/**
 * The rules every deployment starts with, at the thresholds common streaming platforms alert on;
 * users edit them like any other rule. All notify the in-app notification centre ({@link #IN_APP}).
 *
 * <ul>
 *   <li>{@code consumer-lag}: a consumer group's lag over 1000 records for 5 minutes (warning);
 *   <li>{@code p99-latency}: a sink's p99 latency over 1 s for 5 minutes (warning);
 *   <li>{@code drift-psi}: a column's PSI at or over 0.25, major drift (warning);
 *   <li>{@code checkpoint-failures}: any checkpoint failed since the previous poll (warning);
 *   <li>{@code projected-cost}: the projected monthly cost over a budget for 15 minutes, so a short
 *       burst does not count as a month's rate (warning; only when a budget is given).
 * </ul>
 */
public final class DefaultRules {

  /** The channel name of the in-app notification centre. */
  public static final String IN_APP = "in-app";

  private DefaultRules() {}

  /** The default rules without a cost budget (no cost rule). */
  public static RuleSet ruleSet() {
    return RuleSet.of(consumerLag(), p99Latency(), driftPsi(), checkpointFailures());
  }

  /** The default rules with a cost rule for this monthly budget. */
  public static RuleSet ruleSet(double monthlyBudget) {
    return ruleSet().with(projectedCost(monthlyBudget));
  }

  /** Consumer lag over 1000 records for 5 minutes. */
  public static Rule consumerLag() {
    return rule(
        "consumer-lag",
        Metric.CONSUMER_LAG_RECORDS,
        "> 1000",
        Duration.ofMinutes(5),
        "A consumer group is over 1000 records behind for 5 minutes");
  }

  /** A sink's p99 latency over 1 s for 5 minutes. */
  public static Rule p99Latency() {
    return rule(
        "p99-latency",
        Metric.P99_LATENCY_SECONDS,
        "> 1",
        Duration.ofMinutes(5),
        "A sink's p99 end-to-end latency is over 1 s for 5 minutes");
  }

  /** A column's PSI at or over 0.25. */
  public static Rule driftPsi() {
    return rule(
        "drift-psi",
        Metric.DRIFT_PSI,
        ">= 0.25",
        Duration.ZERO,
        "A column drifted: PSI at or over 0.25 against its reference");
  }

  /** Any failed checkpoint. */
  public static Rule checkpointFailures() {
    return rule(
        "checkpoint-failures",
        Metric.CHECKPOINT_FAILURES,
        "> 0",
        Duration.ZERO,
        "A checkpoint failed");
  }

  /**
   * The projected monthly cost over a budget for 15 minutes.
   *
   * @param monthlyBudget the budget, in the price profile's money, greater than 0
   */
  public static Rule projectedCost(double monthlyBudget) {
    if (!(monthlyBudget > 0) || !Double.isFinite(monthlyBudget)) {
      throw new IllegalArgumentException(
          "the monthly budget must be a number greater than 0, not " + monthlyBudget);
    }
    return rule(
            "projected-cost",
            Metric.PROJECTED_MONTHLY_COST,
            "> 0",
            Duration.ofMinutes(15),
            "The projected monthly cost is over the budget for 15 minutes")
        .withCondition(new Condition(Condition.Comparison.GT, monthlyBudget));
  }

  private static Rule rule(
      String id, Metric metric, String condition, Duration hold, String description) {
    return Rule.of(id, metric, condition)
        .withFor(hold)
        .withDescription(description)
        .withChannels(List.of(IN_APP));
  }
}
