package dev.streamwright.monitor.alerts;

import java.util.Objects;

/**
 * One series the engine evaluates: a metric of one scope instance of one deployment, e.g. {@code
 * consumer_lag_records} of group {@code fraud-scorer} in deployment {@code fraud-1}.
 *
 * @param metric the metric
 * @param deployment the deployment id
 * @param instance the scope instance of the metric's {@link Metric#scope() scope}: empty for a
 *     pipeline, the node id, the group id, or {@code nodeId/column} for a column
 */
public record SeriesKey(Metric metric, String deployment, String instance) {

  public SeriesKey {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(instance, "instance");
    if (deployment.isBlank()) {
      throw new IllegalArgumentException(metric.id() + ": the deployment id is blank");
    }
    if (metric.scope() == ScopeKind.PIPELINE && !instance.isEmpty()) {
      throw new IllegalArgumentException(
          metric.id()
              + " is measured per pipeline: its instance must be empty, not '"
              + instance
              + "'");
    }
    if (metric.scope() != ScopeKind.PIPELINE && instance.isBlank()) {
      throw new IllegalArgumentException(
          metric.id()
              + " is measured per "
              + metric.scope().id()
              + ": name the "
              + metric.scope().id());
    }
  }

  /** A pipeline-wide series of a deployment. */
  public static SeriesKey pipeline(Metric metric, String deployment) {
    return new SeriesKey(metric, deployment, "");
  }

  /** A column's series: its instance is {@code nodeId/column}. */
  public static SeriesKey column(Metric metric, String deployment, String nodeId, String column) {
    return new SeriesKey(metric, deployment, nodeId + "/" + column);
  }

  /** The series in words, e.g. {@code consumer_lag_records of group 'g' in deployment 'd'}. */
  public String describe() {
    String where =
        metric.scope() == ScopeKind.PIPELINE
            ? ""
            : " of " + metric.scope().id() + " '" + instance + "'";
    return metric.id() + where + " in deployment '" + deployment + "'";
  }
}
