package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The pipelines the Flink collectors' tests run, compiled. */
final class TestJobs {

  static final String ORDERS = "orders";
  static final String BIG_ORDERS = "big-orders";

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private TestJobs() {}

  /**
   * Two sources, transforms the planner inlines, Kafka, upsert-Kafka, print and file sinks, and two
   * previews:
   *
   * <pre>
   * orders (kafka) -> big (filter) -> tagged (project) -> out (kafka sink)
   * tagged -> per_user (window) -> totals (preview)
   * per_user -> upserts (upsert-kafka sink)
   * orders -> raw (preview)
   * clicks (datagen) -> printed (print sink), archive (file sink)
   * </pre>
   */
  static Pipeline shop(Path archiveDir) {
    Node orders =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                ORDERS,
                "columns",
                List.of(
                    column("order_id", "STRING"),
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE"),
                    column("order_time", "TIMESTAMP(3)")),
                "eventTime",
                "order_time",
                "startupMode",
                "earliest-offset"));
    Node big = Node.of("big", "filter", Map.of("condition", "amount > 100"));
    Node tagged =
        Node.of(
            "tagged",
            "project",
            Map.of(
                "columns",
                List.of(Map.of("name", "doubled", "expression", "amount * 2")),
                "keepInput",
                true));
    Node out = Node.of("out", "kafka-sink", Map.of("topic", BIG_ORDERS));
    Node perUser =
        Node.of(
            "per_user",
            "window-aggregate",
            Map.of(
                "aggregates",
                List.of(Map.of("as", "n", "function", "COUNT")),
                "keys",
                List.of("user_id"),
                "size",
                "10s",
                "time",
                "event",
                "window",
                "tumble"));
    Node totals = Node.of("totals", "preview-sink", Map.of());
    Node raw = Node.of("raw", "preview-sink", Map.of());
    Node clicks =
        Node.of(
            "clicks",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of("name", "user_id", "type", "STRING", "length", 4),
                    Map.of("name", "n", "type", "BIGINT", "min", 1, "max", 100)),
                "rowsPerSecond",
                50));
    Node printed = Node.of("printed", "print-sink", Map.of());
    Node archive = Node.of("archive", "file-sink", Map.of("path", archiveDir.toUri().toString()));
    Node upserts =
        Node.of(
            "upserts",
            "upsert-kafka-sink",
            Map.of("topic", "per-user", "keyFields", List.of("user_id")));
    return new Pipeline(
        "shop",
        "shop",
        "",
        1,
        List.of(),
        List.of(orders, big, tagged, out, perUser, totals, raw, clicks, printed, archive, upserts),
        List.of(
            Edge.of("orders", "big"),
            Edge.of("big", "tagged"),
            Edge.of("tagged", "out"),
            Edge.of("tagged", "per_user"),
            Edge.of("per_user", "totals"),
            Edge.of("orders", "raw"),
            Edge.of("clicks", "printed"),
            Edge.of("clicks", "archive"),
            Edge.of("per_user", "upserts")));
  }

  /** A datagen into a filter that divides by zero, into a print sink: the job fails at once. */
  static Pipeline dividingByZero() {
    Node numbers =
        Node.of(
            "numbers",
            "datagen",
            Map.of(
                "columns",
                List.of(Map.of("name", "n", "type", "INT", "min", 1, "max", 100)),
                "rowsPerSecond",
                10));
    Node divide = Node.of("divide", "filter", Map.of("condition", "n / (n - n) > 0"));
    Node printed = Node.of("printed", "print-sink", Map.of());
    return new Pipeline(
        "failing",
        "failing",
        "",
        1,
        List.of(),
        List.of(numbers, divide, printed),
        List.of(Edge.of("numbers", "divide"), Edge.of("divide", "printed")));
  }

  /** Compiles without errors against the brokers. */
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
