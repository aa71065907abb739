package dev.streamwright.monitor.figures;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One pipeline node's live figures at one poll, from the Flink tasks that run it. A task that
 * chains several nodes reports the same figures on each of them, marked {@link #shared}.
 *
 * @param nodeId the node
 * @param vertexIds the Flink job vertices that run it
 * @param shared whether those vertices also run other nodes (the figures are the task's)
 * @param recordsInPerSecond records in per second, summed over subtasks
 * @param recordsOutPerSecond records out per second, summed over subtasks
 * @param busyRatio busy time per second over 1000 ms, the largest of its subtasks, in [0, 1]
 * @param backPressuredRatio back-pressured time ratio, the largest of its subtasks, in [0, 1]
 * @param idleRatio idle time ratio, the largest of its subtasks, in [0, 1]
 * @param pendingRecords a source's records not yet fetched (Flink's {@code pendingRecords})
 * @param fetchLag a source's event-time lag at fetch ({@code currentFetchEventTimeLag})
 * @param emitLag a source's event-time lag at emit ({@code currentEmitEventTimeLag})
 * @param watermarkLag now minus the lowest input watermark of its vertices
 */
public record NodeFigures(
    String nodeId,
    List<String> vertexIds,
    boolean shared,
    double recordsInPerSecond,
    double recordsOutPerSecond,
    double busyRatio,
    double backPressuredRatio,
    double idleRatio,
    OptionalLong pendingRecords,
    Optional<Duration> fetchLag,
    Optional<Duration> emitLag,
    Optional<Duration> watermarkLag) {

  public NodeFigures {
    Objects.requireNonNull(nodeId, "nodeId");
    vertexIds = List.copyOf(vertexIds);
    Objects.requireNonNull(pendingRecords, "pendingRecords");
    Objects.requireNonNull(fetchLag, "fetchLag");
    Objects.requireNonNull(emitLag, "emitLag");
    Objects.requireNonNull(watermarkLag, "watermarkLag");
  }

  /** The back-pressure level of the node's tasks. */
  public Backpressure backpressure() {
    return Backpressure.of(backPressuredRatio);
  }
}
