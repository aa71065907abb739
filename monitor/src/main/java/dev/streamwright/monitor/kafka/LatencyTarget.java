package dev.streamwright.monitor.kafka;

import java.util.Objects;

/**
 * A sink node whose written rows carry an event time: the topic it writes and the column.
 *
 * @param nodeId the sink node
 * @param topic the topic it writes
 * @param eventTimeColumn the JSON field holding the event time
 */
public record LatencyTarget(String nodeId, String topic, String eventTimeColumn) {

  public LatencyTarget {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(eventTimeColumn, "eventTimeColumn");
  }
}
