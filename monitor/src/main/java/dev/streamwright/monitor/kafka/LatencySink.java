package dev.streamwright.monitor.kafka;

/** Where a {@link SinkLatencyProbe} puts each measured row, e.g. a latency window. */
@FunctionalInterface
public interface LatencySink {

  /**
   * One row read back from a sink topic.
   *
   * @param nodeId the sink node that wrote it
   * @param latencyMs the record's timestamp minus its event time, in ms (negative when the event
   *     time is ahead of the broker's clock)
   * @param appendTimeMs the record's timestamp (epoch ms)
   */
  void record(String nodeId, long latencyMs, long appendTimeMs);
}
