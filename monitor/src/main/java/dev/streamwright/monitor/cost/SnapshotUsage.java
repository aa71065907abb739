package dev.streamwright.monitor.cost;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Builds a {@link UsageSample} from a {@link MonitorSnapshot}, estimating what the snapshot does
 * not carry:
 *
 * <ul>
 *   <li>busy cores: a {@link NodeFigures#busyRatio()} is the largest busy ratio over its vertices'
 *       subtasks, not their sum. A vertex's ratio is taken as the smallest ratio of the nodes that
 *       run it (each of those nodes' ratios is at least the vertex's; for a node with one vertex it
 *       is the vertex's own), and its busy cores as that ratio x the parallelism. That is the sum
 *       over subtasks when they are evenly loaded and an upper bound when they are not;
 *   <li>records read: the records in per second of the given source nodes;
 *   <li>checkpoint bytes: the job's last completed checkpoint's size (Flink keeps one by default);
 *   <li>Kafka bytes: the snapshot has none; the caller passes them per node (or none);
 *   <li>memory in use: unknown, so the request counts as used.
 * </ul>
 */
public final class SnapshotUsage {

  private SnapshotUsage() {}

  /**
   * The usage a snapshot shows, or empty when its Flink figures are not current (the poll did not
   * reach Flink): a meter then prices the gap at the next current poll's rates.
   *
   * @param parallelism the job's parallelism, at least 1
   * @param sourceNodes the pipeline's source node ids
   * @param kafkaBytesRead per source node, bytes read from Kafka per second (may be empty)
   * @param kafkaBytesWritten per sink node, bytes written to Kafka per second (may be empty)
   */
  public static Optional<UsageSample> of(
      MonitorSnapshot s,
      int parallelism,
      Set<String> sourceNodes,
      Map<String, Double> kafkaBytesRead,
      Map<String, Double> kafkaBytesWritten) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    if (!s.flink().connected()) {
      return Optional.empty();
    }
    Map<String, Double> vertexRatio = new HashMap<>();
    Map<String, List<String>> nodeVertices = new HashMap<>();
    double records = 0;
    for (NodeFigures n : s.nodes().values()) {
      nodeVertices.put(n.nodeId(), n.vertexIds());
      for (String v : n.vertexIds()) {
        vertexRatio.merge(v, n.busyRatio(), Math::min);
      }
      if (sourceNodes.contains(n.nodeId())) {
        records += n.recordsInPerSecond();
      }
    }
    Map<String, Double> busyCores = new HashMap<>();
    vertexRatio.forEach((v, r) -> busyCores.put(v, r * parallelism));
    long checkpoint = s.job().map(j -> j.checkpoints().lastSizeBytes()).orElse(0L);
    return Optional.of(
        new UsageSample(
            s.at(),
            busyCores,
            nodeVertices,
            records,
            kafkaBytesRead,
            kafkaBytesWritten,
            checkpoint,
            OptionalDouble.empty()));
  }
}
