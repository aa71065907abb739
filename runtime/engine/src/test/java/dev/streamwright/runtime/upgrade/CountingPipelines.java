package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipelines of the upgrade tests: events from a Kafka topic, a filter on their amount, a
 * running count per key (a non-windowed GROUP BY, so its counts live in Flink state) written to an
 * upsert-kafka topic; and its variants (another filter, no filter, no aggregate).
 */
final class CountingPipelines {

  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private CountingPipelines() {}

  /**
   * Events of {@code input} whose amount passes {@code condition} (no filter node when null),
   * counted per key into {@code output}.
   */
  static Pipeline counting(String input, String condition, String output) {
    return counting(input, condition, output, false);
  }

  /**
   * The counting pipeline; with {@code sums} the aggregate also sums the amounts (its state gets
   * another column).
   */
  static Pipeline counting(String input, String condition, String output, boolean sums) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    nodes.add(source(input));
    String upstream = "events";
    if (condition != null) {
      nodes.add(Node.of("big", "filter", Map.of("condition", condition)));
      edges.add(Edge.of("events", "big"));
      upstream = "big";
    }
    nodes.add(
        Node.of(
            "count_per_key",
            "sql",
            Map.of(
                "query",
                sums
                    ? "SELECT k, COUNT(*) AS n, SUM(amount) AS total FROM {{in}} GROUP BY k"
                    : "SELECT k, COUNT(*) AS n FROM {{in}} GROUP BY k",
                "columns",
                sums
                    ? List.of(column("k", "STRING"), column("n", "BIGINT"), column("total", "INT"))
                    : List.of(column("k", "STRING"), column("n", "BIGINT")),
                "updating",
                true)));
    edges.add(Edge.of(upstream, "count_per_key"));
    nodes.add(
        Node.of(
            "counts",
            "upsert-kafka-sink",
            Map.of(
                "topic", output, "keyFields", List.of("k"), "deliveryGuarantee", "at-least-once")));
    edges.add(Edge.of("count_per_key", "counts"));
    return new Pipeline("counting", "counting", "", 1, List.of(), nodes, edges);
  }

  /** The counting pipeline plus a second branch: every event copied to {@code copies}. */
  static Pipeline withCopy(String input, String condition, String output, String copies) {
    Pipeline p = counting(input, condition, output);
    List<Node> nodes = new ArrayList<>(p.nodes());
    nodes.add(
        Node.of(
            "copies", "kafka-sink", Map.of("topic", copies, "deliveryGuarantee", "at-least-once")));
    List<Edge> edges = new ArrayList<>(p.edges());
    edges.add(Edge.of("events", "copies"));
    return new Pipeline("counting", "counting", "", 2, List.of(), nodes, edges);
  }

  /** The same source and filter, the aggregate removed: filtered events appended to output. */
  static Pipeline withoutAggregate(String input, String condition, String output) {
    return new Pipeline(
        "counting",
        "counting",
        "",
        2,
        List.of(),
        List.of(
            source(input),
            Node.of("big", "filter", Map.of("condition", condition)),
            Node.of(
                "passed",
                "kafka-sink",
                Map.of("topic", output, "deliveryGuarantee", "at-least-once"))),
        List.of(Edge.of("events", "big"), Edge.of("big", "passed")));
  }

  private static Node source(String topic) {
    return Node.of(
        "events",
        "kafka-source",
        Map.of(
            "topic",
            topic,
            "columns",
            List.of(column("k", "STRING"), column("amount", "INT")),
            "startupMode",
            "earliest-offset"));
  }

  /** Compiles without errors against the broker. */
  static CompiledPipeline compile(Pipeline pipeline, String bootstrapServers) {
    Compilation c =
        new PipelineCompiler(TYPES)
            .compile(pipeline, Map.of("kafka.bootstrap.servers", bootstrapServers));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c.result().orElseThrow();
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }
}
