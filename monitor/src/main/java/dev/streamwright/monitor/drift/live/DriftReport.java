package dev.streamwright.monitor.drift.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The live drift of one deployment at one moment: per tapped node and column, the last closed
 * window's and the sliding view's drift against the column's reference, with the profiles a
 * histogram needs. Made by the monitor on its own thread each time a new tap window was read, or
 * when reading failed.
 *
 * @param deploymentId the deployment's id
 * @param at when it was made
 * @param nodes the tapped nodes, by id; empty when the job has no drift tap (yet)
 * @param problem why the tap could not be read this time (Flink's REST API unreachable, a gauge
 *     that is not a tap's text), in words; empty when it was read. The figures are then the last
 *     ones read; the monitor tries again at its next poll.
 */
public record DriftReport(
    String deploymentId, Instant at, List<NodeDrift> nodes, Optional<String> problem) {

  public DriftReport {
    nodes = List.copyOf(nodes);
  }

  /** A node's drift, if it is tapped. */
  public Optional<NodeDrift> node(String nodeId) {
    return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
  }

  /** A column's drift, if it is tapped. */
  public Optional<ColumnLiveDrift> column(String nodeId, String column) {
    return node(nodeId)
        .flatMap(n -> n.columns().stream().filter(c -> c.column().equals(column)).findFirst());
  }
}
