package dev.streamwright.monitor.kafka;

import java.util.List;
import java.util.Objects;

/**
 * What lag to poll for one Kafka source node: its consumer group and the topics it reads.
 *
 * @param nodeId the source node
 * @param group the consumer group its connector commits to
 * @param topics the topics it reads
 */
public record LagTarget(String nodeId, String group, List<String> topics) {

  public LagTarget {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(group, "group");
    topics = List.copyOf(topics);
  }
}
