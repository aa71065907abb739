package dev.streamwright.monitor.lag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One consumer group's lag at one poll: its partitions and their aggregates.
 *
 * @param group the consumer group id
 * @param nodeId the pipeline's Kafka source node that reads as this group
 * @param partitions per-partition lag, by topic then partition
 */
public record GroupLag(String group, String nodeId, List<PartitionLag> partitions) {

  public GroupLag {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(nodeId, "nodeId");
    partitions = List.copyOf(partitions);
  }

  /** The group's status: its worst partition's, OK when it has none. */
  public LagStatus status() {
    LagStatus worst = LagStatus.OK;
    for (PartitionLag p : partitions) {
      worst = worst.worst(p.status());
    }
    return worst;
  }

  /** The largest offset lag of a partition (0 when none has a commit). */
  public long maxLag() {
    return partitions.stream().mapToLong(p -> p.offsetLag().orElse(0)).max().orElse(0);
  }

  /** The sum of the partitions' offset lags. */
  public long totalLag() {
    return partitions.stream().mapToLong(p -> p.offsetLag().orElse(0)).sum();
  }

  /** The offset lag summed per topic. */
  public Map<String, Long> lagPerTopic() {
    Map<String, Long> out = new TreeMap<>();
    for (PartitionLag p : partitions) {
      out.merge(p.topic(), p.offsetLag().orElse(0), Long::sum);
    }
    return out;
  }

  /** The largest known time lag of a partition, interpolated; empty when none is known. */
  public Optional<Duration> maxTimeLag() {
    return partitions.stream()
        .map(PartitionLag::timeLagInterpolated)
        .flatMap(Optional::stream)
        .max(Duration::compareTo);
  }

  /** Whether no partition has a committed offset yet. */
  public boolean noCommit() {
    return partitions.stream().allMatch(p -> p.committed().isEmpty());
  }
}
