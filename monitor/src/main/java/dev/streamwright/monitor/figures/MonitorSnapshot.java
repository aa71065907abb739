package dev.streamwright.monitor.figures;

import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one poll saw of a running deployment: what the panels, the canvas overlays and {@code
 * streamwright monitor} show. Immutable; a poll that could not reach a system keeps that system's
 * last figures and says so in its {@link Link}.
 *
 * @param at when the poll happened
 * @param deploymentId the deployment
 * @param flink whether Flink's REST API answered
 * @param kafka whether the Kafka brokers answered
 * @param job the job's health; empty before the first successful poll
 * @param nodes per node id, the node's figures (nodes that no task runs are absent)
 * @param lag per consumer group of the pipeline's Kafka sources
 * @param latency per sink node id whose rows carry an event time
 * @param modelHealth per Model score node, what its model did
 */
public record MonitorSnapshot(
    Instant at,
    String deploymentId,
    Link flink,
    Link kafka,
    Optional<JobFigures> job,
    Map<String, NodeFigures> nodes,
    List<GroupLag> lag,
    Map<String, SinkLatency> latency,
    Map<String, NodeHealth> modelHealth) {

  public MonitorSnapshot {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(flink, "flink");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(job, "job");
    nodes = Map.copyOf(nodes);
    lag = List.copyOf(lag);
    latency = Map.copyOf(latency);
    modelHealth = Map.copyOf(modelHealth);
  }
}
