package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import dev.streamwright.plugin.onnx.tap.TapMetrics;
import dev.streamwright.plugin.onnx.tap.TapWindow;
import dev.streamwright.plugin.onnx.tap.TapWire;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.DriftTapSpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pipeline with a Model score node runs on the embedded runtime with its default drift tap, and
 * the tap's gauges, read over Flink's REST API as any monitor reads them, count exactly the rows
 * that went through the node: {@value #ROWS} fixed rows (a {@code VALUES} clause) of which {@value
 * #MISSING} have a NULL or NaN amount, next to an endless source whose rows are all filtered out,
 * so the job keeps running and reports empty windows once the rows have passed.
 *
 * <p>A gauge shows the last closed window only, so the window is long enough (10 s) that the one
 * holding the rows, which pass as soon as the job starts, is still shown when the first reads come
 * on a loaded machine (with 2 s windows a CI run read its first gauge after the rows' window had
 * already been replaced by empty ones).
 */
class DriftTapRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Path SAMPLES = Path.of("..", "..", "samples", "models").toAbsolutePath();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int ROWS = 40;
  private static final int MISSING = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Pipeline pipeline() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      String amount =
          i == 1 || i == 2 ? "CAST(NULL AS DOUBLE)" : i == 3 ? "CAST('NaN' AS DOUBLE)" : i + ".5E0";
      rows.add("(CAST(" + i + " AS BIGINT), " + amount + ", 20.0E0, CAST(2 AS BIGINT), 1.5E0)");
    }
    Node source =
        Node.of(
            "transactions",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of("name", "id", "type", "BIGINT", "kind", "random", "min", 1, "max", 9),
                    expression("amount", "CAST(id AS DOUBLE)"),
                    expression("avg_1min_spend", "20.0E0"),
                    Map.of(
                        "name",
                        "tx_count_1min",
                        "type",
                        "BIGINT",
                        "kind",
                        "expression",
                        "expression",
                        "CAST(2 AS BIGINT)"),
                    expression("ratio", "1.5E0")),
                "rowsPerSecond",
                5));
    Node fixed =
        Node.of(
            "fixed_rows",
            "sql",
            Map.of(
                "query",
                "SELECT * FROM {{in}} WHERE id < 0 UNION ALL SELECT * FROM (VALUES "
                    + String.join(", ", rows)
                    + ") AS r(id, amount, avg_1min_spend, tx_count_1min, ratio)",
                "columns",
                List.of(
                    declared("id", "BIGINT"),
                    declared("amount", "DOUBLE"),
                    declared("avg_1min_spend", "DOUBLE"),
                    declared("tx_count_1min", "BIGINT"),
                    declared("ratio", "DOUBLE"))));
    Node scored =
        Node.of(
            "scored",
            "model-score",
            Map.of(
                "model",
                "fraud-scorer/fraud-scorer.onnx",
                "inputs",
                List.of(Map.of("input", "amount_ratio", "column", "ratio")),
                "onInvalidInput",
                "default"));
    Node sink = Node.of("scores", "preview-sink", Map.of("maxRows", 100));
    return new Pipeline(
        "drift-tap",
        "drift-tap",
        "",
        1,
        List.of(),
        List.of(source, fixed, scored, sink),
        List.of(
            Edge.of("transactions", "fixed_rows"),
            Edge.of("fixed_rows", "scored"),
            Edge.of("scored", "scores")),
        DriftSettings.DEFAULTS.withWindow("10s"));
  }

  private static Map<String, Object> expression(String name, String expression) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("type", "DOUBLE");
    c.put("kind", "expression");
    c.put("expression", expression);
    return c;
  }

  private static Map<String, Object> declared(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  @Test
  void theGaugesCountEveryRowThatPassedTheModel() throws Exception {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline(), Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    CompiledPipeline compiled = c.result().orElseThrow();
    DriftTapSpec tap = compiled.driftTaps().get(0);
    assertThat(tap.nodeId()).isEqualTo("scored");
    List<String> columns = tap.columns().stream().map(DriftTapSpec.Column::name).toList();
    assertThat(columns).contains("amount", "ratio", "fraud_score");

    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d = runtime.deploy(compiled, DeployOptions.defaults().withParallelism(1));
    URI rest = runtime.flinkRest().orElseThrow().url();
    HttpClient http = HttpClient.newHttpClient();
    try {
      // Every window seen per column, by start; done once an empty window followed the rows.
      Map<String, Map<Long, TapWindow>> seen = new HashMap<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && !passed(seen.get("amount"))) {
        gauges(http, rest, d.jobId())
            .forEach(
                (column, text) ->
                    TapWire.decode(text)
                        .ifPresent(
                            w ->
                                seen.computeIfAbsent(column, k -> new TreeMap<>())
                                    .put(w.start(), w)));
        Thread.sleep(200);
      }
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(columns);
      assertThat(passed(seen.get("amount"))).as("windows seen: " + seen.get("amount")).isTrue();
      assertThat(total(seen.get("amount"), TapWindow::count)).isEqualTo(ROWS - MISSING);
      assertThat(total(seen.get("amount"), TapWindow::missing)).isEqualTo(MISSING);
      assertThat(total(seen.get("fraud_score"), TapWindow::count)).isEqualTo(ROWS);
      assertThat(total(seen.get("tx_count_1min"), TapWindow::count)).isEqualTo(ROWS);
      double sum = 0;
      for (TapWindow w : seen.get("amount").values()) {
        sum += ((NumericWindow) w).sum();
        assertThat(w.length()).isEqualTo(10_000);
      }
      // 4.5 + 5.5 + ... + 40.5
      assertThat(sum).isEqualTo((4 + 40) * 37 / 2.0 + 37 * 0.5);
    } finally {
      runtime.stop(d, false);
    }
  }

  /** Whether some window had rows and a later one was seen (so every window with rows closed). */
  private static boolean passed(Map<Long, TapWindow> windows) {
    if (windows == null) {
      return false;
    }
    Long firstWithRows = null;
    for (TapWindow w : windows.values()) {
      if (firstWithRows == null && w.count() + w.missing() > 0) {
        firstWithRows = w.start();
      }
    }
    if (firstWithRows == null) {
      return false;
    }
    long last = ((TreeMap<Long, TapWindow>) windows).lastKey();
    TapWindow lastWindow = windows.get(last);
    return last > firstWithRows && lastWindow.count() + lastWindow.missing() == 0;
  }

  private static long total(
      Map<Long, TapWindow> windows, java.util.function.ToLongFunction<TapWindow> f) {
    return windows.values().stream().mapToLong(f).sum();
  }

  /** The tap's gauges of node 'scored' by column, read over Flink's REST API. */
  private static Map<String, String> gauges(HttpClient http, URI rest, String job)
      throws Exception {
    Map<String, String> out = new HashMap<>();
    String marker = "." + TapMetrics.GROUP + "." + TapMetrics.TAP_KEY + ".scored.";
    for (JsonNode v : get(http, rest.resolve("/jobs/" + job)).path("vertices")) {
      String base = "/jobs/" + job + "/vertices/" + v.path("id").asText() + "/metrics";
      List<String> ids = new ArrayList<>();
      for (JsonNode m : get(http, rest.resolve(base))) {
        if (m.path("id").asText().contains(marker)) {
          ids.add(m.path("id").asText());
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      List<String> encoded =
          ids.stream().map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8)).toList();
      for (JsonNode m : get(http, rest.resolve(base + "?get=" + String.join(",", encoded)))) {
        String id = m.path("id").asText();
        out.put(id.substring(id.indexOf(marker) + marker.length()), m.path("value").asText());
      }
    }
    return out;
  }

  private static JsonNode get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(uri + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
