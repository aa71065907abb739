package dev.streamwright.monitor.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets one poll of the brokers saw: the raw inputs of the lag figures.
 *
 * @param at when the poll happened
 * @param endOffsets per partition of the targets' topics, its log-end offset
 * @param committed per group, its committed offset of each partition; a partition without a commit
 *     is absent
 * @param committedTimestamps per group, the timestamp (epoch ms) of the record at its committed
 *     offset, where one exists (a partition whose group is caught up has none)
 */
public record OffsetsPoll(
    Instant at,
    Map<TopicPartition, Long> endOffsets,
    Map<String, Map<TopicPartition, Long>> committed,
    Map<String, Map<TopicPartition, Long>> committedTimestamps) {

  public OffsetsPoll {
    Objects.requireNonNull(at, "at");
    endOffsets = Map.copyOf(endOffsets);
    committed = copy(committed);
    committedTimestamps = copy(committedTimestamps);
  }

  private static Map<String, Map<TopicPartition, Long>> copy(
      Map<String, Map<TopicPartition, Long>> m) {
    Map<String, Map<TopicPartition, Long>> out = new java.util.HashMap<>();
    m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
    return Map.copyOf(out);
  }
}
