package dev.streamwright.monitor.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A signal a rule can watch, with the level it is measured at and its unit. Values are plain
 * numbers in that unit; {@link SnapshotSignals} defines how the monitor's figures become them, the
 * drift and cost monitors feed theirs under the same keys.
 */
public enum Metric {
  /** A consumer group's offset lag summed over its partitions, in records. */
  CONSUMER_LAG_RECORDS(ScopeKind.GROUP, "records"),
  /** A consumer group's largest time lag of a partition (interpolated), in seconds. */
  CONSUMER_LAG_SECONDS(ScopeKind.GROUP, "s"),
  /** A sink's 99th percentile of event time to write over the sliding window, in seconds. */
  P99_LATENCY_SECONDS(ScopeKind.NODE, "s"),
  /** A node's records per second: the larger of its records in and out per second. */
  THROUGHPUT_RECORDS_PER_SECOND(ScopeKind.NODE, "records/s"),
  /** A node's back-pressured time ratio, the largest of its subtasks, in [0, 1]. */
  BACKPRESSURE_RATIO(ScopeKind.NODE, ""),
  /** Checkpoints that failed since the previous poll. */
  CHECKPOINT_FAILURES(ScopeKind.PIPELINE, "checkpoints"),
  /** Job restarts since the previous poll. */
  RESTARTS(ScopeKind.PIPELINE, "restarts"),
  /** A Model score node's rows skipped or scored with the default value since the previous poll. */
  MODEL_SKIPPED_ROWS(ScopeKind.NODE, "rows"),
  /** A Model score node's rows that could not be scored since the previous poll. */
  MODEL_ERROR_ROWS(ScopeKind.NODE, "rows"),
  /** A column's population stability index against its reference profile. */
  DRIFT_PSI(ScopeKind.COLUMN, ""),
  /** A column's Jensen-Shannon distance (base 2) to its reference profile, in [0, 1]. */
  DRIFT_JENSEN_SHANNON(ScopeKind.COLUMN, ""),
  /** A numeric column's Kolmogorov-Smirnov two-sample p-value against its reference. */
  DRIFT_KS_P_VALUE(ScopeKind.COLUMN, ""),
  /** A numeric column's Wasserstein-1 distance to its reference over the reference's std. */
  DRIFT_WASSERSTEIN(ScopeKind.COLUMN, ""),
  /** A categorical column's chi-squared test p-value against its reference. */
  DRIFT_CHI_SQUARED_P_VALUE(ScopeKind.COLUMN, ""),
  /** The share of a pipeline's monitored columns that drifted, in [0, 1]. */
  DATASET_DRIFT_SHARE(ScopeKind.PIPELINE, ""),
  /** The deployment's projected monthly cost at its current rate, in its price profile's money. */
  PROJECTED_MONTHLY_COST(ScopeKind.PIPELINE, "per month");

  private final ScopeKind scope;
  private final String unit;

  Metric(ScopeKind scope, String unit) {
    this.scope = scope;
    this.unit = unit;
  }

  /** The level the metric is measured at: a rule on it has this scope. */
  public ScopeKind scope() {
    return scope;
  }

  /** The unit of its values in words, empty for ratios, distances and p-values. */
  public String unit() {
    return unit;
  }

  /** The name rules are written with, e.g. {@code consumer_lag_records}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The metric of a name written in a rule, case-insensitive.
   *
   * @throws IllegalArgumentException naming the known metrics
   */
  public static Metric parse(String text) {
    String wanted = text == null ? "" : text.trim();
    for (Metric m : values()) {
      if (m.id().equalsIgnoreCase(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a metric; write one of "
            + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
  }
}
