package dev.streamwright.monitor.cost;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a deployment used at one poll, the "used" side of the cost model, as rates at that instant.
 * {@link SnapshotUsage} builds one from a monitor snapshot; tests and other collectors build them
 * directly.
 *
 * <p>Used CPU: Flink's {@code busyTimeMsPerSecond} of a subtask over 1000 is the share of one core
 * the subtask keeps busy (1000 ms/s = one busy core). A vertex's busy cores are the sum of that
 * over its parallel subtasks (each subtask is its own thread, so their busy times add up); the
 * deployment's used cores are the sum over its vertices.
 *
 * @param at when the poll happened (the caller's clock)
 * @param vertexBusyCores per Flink job vertex, its busy cores summed over its subtasks
 * @param nodeVertices per pipeline node, the vertices that run it (a vertex may run several nodes)
 * @param recordsReadPerSecond records the pipeline's sources read per second
 * @param kafkaBytesReadPerSecond per source node, bytes it reads from Kafka per second
 * @param kafkaBytesWrittenPerSecond per sink node, bytes it writes to Kafka per second
 * @param checkpointBytes the size of the retained checkpoint (the state kept in storage)
 * @param memoryUsedGib memory in use in GiB, when known; empty counts the request as used
 */
public record UsageSample(
    Instant at,
    Map<String, Double> vertexBusyCores,
    Map<String, List<String>> nodeVertices,
    double recordsReadPerSecond,
    Map<String, Double> kafkaBytesReadPerSecond,
    Map<String, Double> kafkaBytesWrittenPerSecond,
    long checkpointBytes,
    OptionalDouble memoryUsedGib) {

  public UsageSample {
    Objects.requireNonNull(at, "at");
    vertexBusyCores = Map.copyOf(vertexBusyCores);
    nodeVertices = Map.copyOf(nodeVertices);
    kafkaBytesReadPerSecond = Map.copyOf(kafkaBytesReadPerSecond);
    kafkaBytesWrittenPerSecond = Map.copyOf(kafkaBytesWrittenPerSecond);
    Objects.requireNonNull(memoryUsedGib, "memoryUsedGib");
    vertexBusyCores.forEach((v, c) -> notNegative("busy cores of vertex " + v, c));
    notNegative("records read per second", recordsReadPerSecond);
    kafkaBytesReadPerSecond.forEach((n, b) -> notNegative("Kafka bytes read by " + n, b));
    kafkaBytesWrittenPerSecond.forEach((n, b) -> notNegative("Kafka bytes written by " + n, b));
    notNegative("checkpoint bytes", checkpointBytes);
    memoryUsedGib.ifPresent(m -> notNegative("memory used", m));
  }

  /** The deployment's busy cores: the sum over its vertices. */
  public double usedCores() {
    return vertexBusyCores.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * A node's busy cores: the busy cores of each of its vertices divided by the number of nodes that
   * vertex runs (a chained or fused task cannot be split by node, so it is split evenly), summed
   * over its vertices. Vertices no node names count for the deployment only.
   */
  public double nodeBusyCores(String nodeId) {
    double sum = 0;
    for (String v : nodeVertices.getOrDefault(nodeId, List.of())) {
      long sharing = nodeVertices.values().stream().filter(vs -> vs.contains(v)).count();
      sum += vertexBusyCores.getOrDefault(v, 0.0) / sharing;
    }
    return sum;
  }

  /** Bytes read from Kafka per second, over every source node. */
  public double kafkaBytesRead() {
    return kafkaBytesReadPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static void notNegative(String what, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(what + " must be a number of at least 0, not " + v);
    }
  }
}
