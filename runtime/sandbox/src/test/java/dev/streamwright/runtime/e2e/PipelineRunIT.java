package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real pipelines built from the built-in node types, compiled and run on the embedded runtime, with
 * the expected rows computed in the test from the same deterministic input: row {@code id} (1..N)
 * has key {@code k<id mod 3>}, value {@code id * 1.5} and event time {@code id} seconds after
 * 2026-01-01.
 */
class PipelineRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int ROWS = 60;
  private static final LocalDateTime EPOCH = LocalDateTime.parse("2026-01-01T00:00:00");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final PipelineCompiler COMPILER = new PipelineCompiler(NodeTypeRegistry.load());

  private static Node source() {
    return Node.of(
        "events",
        "datagen",
        Map.of(
            "columns",
            List.of(
                Map.of("name", "id", "type", "BIGINT", "kind", "sequence", "start", 1, "end", ROWS),
                Map.of(
                    "name",
                    "k",
                    "type",
                    "STRING",
                    "kind",
                    "expression",
                    "expression",
                    "CONCAT('k', CAST(MOD(id, 3) AS STRING))"),
                Map.of(
                    "name",
                    "v",
                    "type",
                    "DOUBLE",
                    "kind",
                    "expression",
                    "expression",
                    "CAST(id AS DOUBLE) * 1.5"),
                Map.of(
                    "name",
                    "ts",
                    "type",
                    "TIMESTAMP(3)",
                    "kind",
                    "expression",
                    "expression",
                    "TIMESTAMPADD(SECOND, CAST(id AS INT), TIMESTAMP '2026-01-01 00:00:00')")),
            "eventTime",
            "ts",
            "watermarkDelay",
            "1s",
            "numberOfRows",
            ROWS,
            "rowsPerSecond",
            1000));
  }

  private static Pipeline pipeline(String id, Node transform) {
    return new Pipeline(
        id,
        id,
        "",
        1,
        List.of(),
        List.of(source(), transform, Node.of("preview", "preview-sink", Map.of())),
        List.of(Edge.of("events", transform.id()), Edge.of(transform.id(), "preview")));
  }

  private static List<ResultRow> run(Pipeline pipeline) throws Exception {
    Compilation c = COMPILER.compile(pipeline);
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
    List<ResultRow> rows = new ArrayList<>();
    try (ResultStream stream = runtime.results(d, "preview")) {
      while (!stream.isEnded()) {
        rows.addAll(stream.poll(Duration.ofMillis(200), 10_000));
      }
    }
    return rows;
  }

  private static long id(ResultRow r) {
    return ((Number) r.get("id")).longValue();
  }

  @Test
  void overWindowAverageOfLastThreeRowsPerKeyMatchesHandComputedValues() throws Exception {
    Node over =
        Node.of(
            "rolling",
            "over-features",
            Map.of(
                "partitionBy",
                List.of("k"),
                "time",
                "event",
                "frame",
                "rows",
                "rows",
                2,
                "features",
                List.of(
                    Map.of("function", "AVG", "column", "v", "as", "avg3"),
                    Map.of("function", "COUNT", "column", "v", "as", "n3"))));
    List<ResultRow> rows = run(pipeline("over-rows", over));

    assertThat(rows).hasSize(ROWS);
    Map<Long, ResultRow> byId = new TreeMap<>();
    rows.forEach(r -> byId.put(id(r), r));
    Map<String, List<Double>> history = new HashMap<>();
    for (long id = 1; id <= ROWS; id++) {
      String key = "k" + (id % 3);
      List<Double> values = history.computeIfAbsent(key, x -> new ArrayList<>());
      values.add(id * 1.5);
      List<Double> last = values.subList(Math.max(0, values.size() - 3), values.size());
      double expected = last.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      ResultRow row = byId.get(id);
      assertThat(row).as("row %d", id).isNotNull();
      assertThat(row.get("k")).isEqualTo(key);
      assertThat(((Number) row.get("avg3")).doubleValue())
          .as("avg3 of row %d", id)
          .isCloseTo(expected, within(1e-9));
      assertThat(((Number) row.get("n3")).longValue()).isEqualTo(last.size());
    }
  }

  @Test
  void overWindowRangeAverageUsesEventTimeNotArrival() throws Exception {
    Node over =
        Node.of(
            "rolling",
            "over-features",
            Map.of(
                "partitionBy", List.of("k"),
                "time", "event",
                "frame", "range",
                "range", "5s",
                "features", List.of(Map.of("function", "AVG", "column", "v", "as", "avg_5s"))));
    List<ResultRow> rows = run(pipeline("over-range", over));

    assertThat(rows).hasSize(ROWS);
    for (ResultRow row : rows) {
      long id = id(row);
      // Same key every 3 seconds: the 5 s range holds this row and the one 3 s before it.
      double expected = id > 3 ? ((id - 3) * 1.5 + id * 1.5) / 2 : id * 1.5;
      assertThat(((Number) row.get("avg_5s")).doubleValue())
          .as("row %d", id)
          .isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void tumblingWindowCountsAndSumsPerKeyAndWindow() throws Exception {
    Node window =
        Node.of(
            "per_key",
            "window-aggregate",
            Map.of(
                "window", "tumble",
                "time", "event",
                "size", "10s",
                "keys", List.of("k"),
                "aggregates",
                    List.of(
                        Map.of("function", "COUNT", "as", "n"),
                        Map.of("function", "SUM", "column", "v", "as", "total"))));
    List<ResultRow> rows = run(pipeline("tumble", window));

    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Double> sums = new TreeMap<>();
    for (long id = 1; id <= ROWS; id++) {
      String cell = "k" + (id % 3) + "@" + (id / 10);
      counts.computeIfAbsent(cell, x -> new long[1])[0]++;
      sums.merge(cell, id * 1.5, Double::sum);
    }
    assertThat(rows).hasSize(counts.size());
    for (ResultRow row : rows) {
      String start = String.valueOf(row.get("window_start"));
      long windowIndex =
          Long.parseLong(start.substring(start.lastIndexOf(':') + 1, start.lastIndexOf(':') + 3))
                  / 10
              + 6 * Long.parseLong(start.substring(start.indexOf(':') + 1, start.indexOf(':') + 3));
      String cell = row.get("k") + "@" + windowIndex;
      assertThat(counts).as("window %s", cell).containsKey(cell);
      assertThat(((Number) row.get("n")).longValue())
          .as("count %s", cell)
          .isEqualTo(counts.get(cell)[0]);
      assertThat(((Number) row.get("total")).doubleValue())
          .as("sum %s", cell)
          .isCloseTo(sums.get(cell), within(1e-9));
    }
  }

  @Test
  void filterAndProjectKeepOnlyMatchingRowsWithComputedColumns() throws Exception {
    Node filter = Node.of("big", "filter", Map.of("condition", "v > 60 AND k <> 'k0'"));
    List<ResultRow> rows = run(pipeline("filter", filter));
    List<Long> expected = new ArrayList<>();
    for (long id = 1; id <= ROWS; id++) {
      if (id * 1.5 > 60 && id % 3 != 0) {
        expected.add(id);
      }
    }
    assertThat(rows.stream().map(PipelineRunIT::id).sorted().toList()).isEqualTo(expected);
  }
}
