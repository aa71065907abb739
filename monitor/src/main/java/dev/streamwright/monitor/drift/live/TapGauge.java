package dev.streamwright.monitor.drift.live;

/**
 * One drift tap gauge as Flink's REST API lists it: {@code <subtask>.<operator>.streamwright.drift.
 * <node id>.<column>} on a job vertex.
 *
 * @param vertex the job vertex's id
 * @param metricId the metric's id on that vertex
 * @param subtask the subtask's index
 * @param nodeId the tapped node's id
 * @param column the column's name
 */
public record TapGauge(
    String vertex, String metricId, String subtask, String nodeId, String column) {

  /** What comes between the operator's name and the node id. */
  static final String SCOPE = ".streamwright.drift.";

  /** The gauge of a metric id, or null when the id is not a drift tap's. */
  static TapGauge parse(String vertex, String metricId) {
    int at = metricId.indexOf(SCOPE);
    int firstDot = metricId.indexOf('.');
    if (at < 0 || firstDot < 0 || firstDot > at) {
      return null;
    }
    String rest = metricId.substring(at + SCOPE.length());
    int dot = rest.indexOf('.');
    if (dot <= 0 || dot == rest.length() - 1) {
      return null;
    }
    return new TapGauge(
        vertex,
        metricId,
        metricId.substring(0, firstDot),
        rest.substring(0, dot),
        rest.substring(dot + 1));
  }
}
