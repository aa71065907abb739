package dev.streamwright.runtime.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small pipelines with Kafka and file nodes for the connector checks, compiled. */
final class TestPipelines {

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private TestPipelines() {}

  /** A Kafka source of {@code topic} on {@code bootstrap} into a preview sink. */
  static Node source(String id, String bootstrap, String topic, Map<String, String> options) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("topic", topic);
    p.put("bootstrapServers", bootstrap);
    p.put(
        "columns",
        List.of(Map.of("name", "id", "type", "STRING"), Map.of("name", "n", "type", "BIGINT")));
    p.put("startupMode", "earliest-offset");
    if (!options.isEmpty()) {
      p.put("options", options);
    }
    return Node.of(id, "kafka-source", p);
  }

  /** A datagen of {@code rows} rows (forever when 0) with an id and a number. */
  static Node datagen(String id, int rows) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "columns",
        List.of(
            Map.of("name", "id", "type", "STRING", "length", 6),
            Map.of("name", "n", "type", "BIGINT", "min", 1, "max", 100)));
    p.put("rowsPerSecond", 200);
    if (rows > 0) {
      p.put("numberOfRows", rows);
    }
    return Node.of(id, "datagen", p);
  }

  /** A Kafka sink of {@code topic} on {@code bootstrap}. */
  static Node sink(String id, String bootstrap, String topic, String delivery) {
    return Node.of(
        id,
        "kafka-sink",
        Map.of("topic", topic, "bootstrapServers", bootstrap, "deliveryGuarantee", delivery));
  }

  /** The source into a preview. */
  static Pipeline sourceToPreview(Node source) {
    return new Pipeline(
        "kafka-in",
        "kafka-in",
        "",
        1,
        List.of(),
        List.of(source, Node.of("preview", "preview-sink", Map.of())),
        List.of(Edge.of(source.id(), "preview")));
  }

  /** A datagen into the sink. */
  static Pipeline datagenTo(Node datagen, Node sink) {
    return new Pipeline(
        "kafka-out",
        "kafka-out",
        "",
        1,
        List.of(),
        List.of(datagen, sink),
        List.of(Edge.of(datagen.id(), sink.id())));
  }

  /** The source into the sink. */
  static Pipeline sourceTo(Node source, Node sink) {
    return new Pipeline(
        "kafka-through",
        "kafka-through",
        "",
        1,
        List.of(),
        List.of(source, sink),
        List.of(Edge.of(source.id(), sink.id())));
  }

  /** Compiles without errors. */
  static CompiledPipeline compile(Pipeline pipeline) {
    Compilation c = new PipelineCompiler(TYPES).compile(pipeline, Map.of());
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c.result().orElseThrow();
  }
}
