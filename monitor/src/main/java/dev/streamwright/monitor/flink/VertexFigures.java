package dev.streamwright.monitor.flink;

import java.util.List;
import java.util.OptionalLong;

/**
 * One job vertex's figures at one poll, from its subtasks' metrics (sums and maxima over subtasks).
 *
 * @param vertexId the job vertex
 * @param inputs the vertices feeding it
 * @param recordsIn records in per second, summed
 * @param recordsOut records out per second, summed
 * @param bytesIn bytes in per second, summed
 * @param busyMs busy time per second, the largest subtask's, in ms
 * @param backPressuredMs back-pressured time per second, the largest subtask's, in ms
 * @param idleMs idle time per second, the largest subtask's, in ms
 * @param pendingRecords a source's records not yet fetched, summed over its subtasks
 * @param fetchLagMs a source's largest event-time lag at fetch, in ms
 * @param emitLagMs a source's largest event-time lag at emit, in ms
 * @param lowestWatermark the lowest input watermark over its subtasks (epoch ms), when known
 */
record VertexFigures(
    String vertexId,
    List<String> inputs,
    double recordsIn,
    double recordsOut,
    double bytesIn,
    double busyMs,
    double backPressuredMs,
    double idleMs,
    OptionalLong pendingRecords,
    OptionalLong fetchLagMs,
    OptionalLong emitLagMs,
    OptionalLong lowestWatermark) {

  /** A vertex of a job that does not run: no metrics. */
  static VertexFigures idle(String vertexId, List<String> inputs) {
    OptionalLong none = OptionalLong.empty();
    return new VertexFigures(vertexId, inputs, 0, 0, 0, 0, 0, 0, none, none, none, none);
  }
}
