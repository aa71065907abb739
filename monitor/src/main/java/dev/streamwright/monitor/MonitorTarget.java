package dev.streamwright.monitor;

import dev.streamwright.monitor.kafka.LagTarget;
import dev.streamwright.monitor.kafka.LatencyTarget;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTable;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a monitor watches: one deployment on its runtime, with the pipeline it runs and what the
 * compiler made of it, from which it knows the consumer groups to follow for lag, the sink topics
 * to read for latency and the nodes to map onto Flink's vertices.
 *
 * @param deployment the deployment
 * @param runtime the runtime that runs it (asked for its status, its REST endpoint and the model
 *     nodes' health)
 * @param pipeline the pipeline as deployed
 * @param tables the connector tables of its compiled form
 * @param lagTargets one per Kafka source: its node, consumer group and topics
 * @param latencyTargets one per Kafka sink whose rows carry an event-time column
 * @param kafka the brokers and client settings the pipeline's Kafka tables use; empty when none
 */
public record MonitorTarget(
    Deployment deployment,
    PipelineRuntime runtime,
    Pipeline pipeline,
    ConnectorTables tables,
    List<LagTarget> lagTargets,
    List<LatencyTarget> latencyTargets,
    Optional<KafkaAccess> kafka) {

  /** The brokers a deployment's Kafka tables name, and the client settings they need. */
  public record KafkaAccess(String bootstrapServers, Map<String, String> clientProperties) {
    public KafkaAccess {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      clientProperties = Map.copyOf(clientProperties);
    }
  }

  public MonitorTarget {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(tables, "tables");
    lagTargets = List.copyOf(lagTargets);
    latencyTargets = List.copyOf(latencyTargets);
    Objects.requireNonNull(kafka, "kafka");
  }

  /**
   * The target of a deployment of {@code pipeline}, compiled as {@code compilation}: every Kafka
   * source's consumer group, every Kafka sink whose input carries an event time.
   *
   * @throws IllegalArgumentException when the compilation has errors (nothing ran)
   */
  public static MonitorTarget of(
      Deployment deployment, PipelineRuntime runtime, Pipeline pipeline, Compilation compilation) {
    CompiledPipeline compiled =
        compilation
            .result()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Pipeline '" + pipeline.id() + "' does not compile: nothing to monitor."));
    ConnectorTables tables = ConnectorTables.of(compiled);
    List<LagTarget> lag = new ArrayList<>();
    List<LatencyTarget> latency = new ArrayList<>();
    KafkaAccess kafka = null;
    for (ConnectorTable t : tables.all()) {
      if (!t.isKafka() || t.bootstrapServers().isEmpty()) {
        continue;
      }
      if (kafka == null) {
        kafka = new KafkaAccess(t.bootstrapServers(), t.clientProperties());
      }
      if (!t.sink()) {
        String group = t.clientProperties().get("group.id");
        if (group != null && !group.isBlank()) {
          lag.add(new LagTarget(t.nodeId(), group, t.topics()));
        }
      } else {
        eventTimeInto(t.nodeId(), pipeline, compilation)
            .filter(c -> !t.topics().isEmpty())
            .ifPresent(c -> latency.add(new LatencyTarget(t.nodeId(), t.topics().get(0), c)));
      }
    }
    return new MonitorTarget(
        deployment, runtime, pipeline, tables, lag, latency, Optional.ofNullable(kafka));
  }

  /** The event-time column of the rows flowing into a sink node, if its input declares one. */
  private static Optional<String> eventTimeInto(
      String sinkId, Pipeline pipeline, Compilation compilation) {
    for (Edge e : pipeline.edges()) {
      if (e.to().equals(sinkId)) {
        Optional<String> column =
            compilation
                .schema(e.from(), e.fromPort())
                .map(Schema::eventTime)
                .filter(c -> c != null && !c.isBlank());
        if (column.isPresent()) {
          return column;
        }
      }
    }
    return Optional.empty();
  }

  /** The node ids of the pipeline, by id, with their names (for tables that show names). */
  public Map<String, String> nodeNames() {
    Map<String, String> out = new TreeMap<>();
    pipeline.nodes().forEach(n -> out.put(n.id(), n.name()));
    return out;
  }
}
