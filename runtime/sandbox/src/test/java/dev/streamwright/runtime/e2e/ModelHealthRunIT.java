package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.health.ModelNodes;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While a job runs, the embedded runtime reports how each Model score node is doing, read from
 * Flink's REST API: exactly the invalid rows it skipped, with the last bad column named; and a job
 * that fails on its model names the model, which maps back to the node.
 *
 * <p>The skip pipeline scores an endless trickle of valid generated rows together with {@value
 * #BAD} fixed rows that each have one NULL, NaN or infinite feature (a {@code VALUES} clause in a
 * SQL transform): the job keeps running after the bad rows, so their count is final and readable.
 */
class ModelHealthRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Path SAMPLES = Path.of("..", "..", "samples", "models").toAbsolutePath();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BAD = 4;

  /** The problem of the last bad row, which the health must end up naming. */
  private static final String LAST_BAD = "INPUT column 'avg_1min_spend' is NaN";

  private static final String AMOUNT = "CAST(id AS DOUBLE) * 7.5";
  private static final String AVG = "10 + CAST(MOD(id, 50) AS DOUBLE) * 4";

  private static Map<String, Object> column(String name, String type, String expression) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("type", type);
    c.put("kind", "expression");
    c.put("expression", expression);
    return c;
  }

  private static Map<String, Object> declared(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  /** A row of the VALUES clause: id, amount, avg_1min_spend, tx_count_1min, ratio. */
  private static String row(long id, String amount, String avg) {
    return "(CAST(" + id + " AS BIGINT), " + amount + ", " + avg + ", CAST(2 AS BIGINT), 1.5E0)";
  }

  private static Pipeline pipeline(String onInvalidInput, Node source, Node... between) {
    Node scored =
        Node.of(
            "scored",
            "model-score",
            Map.of(
                "model",
                "fraud-scorer/fraud-scorer.onnx",
                "inputs",
                List.of(Map.of("input", "amount_ratio", "column", "ratio")),
                "batchSize",
                8,
                "maxInFlight",
                8,
                "onInvalidInput",
                onInvalidInput));
    Node sink = Node.of("scores", "preview-sink", Map.of("maxRows", 100));
    List<Node> nodes = new java.util.ArrayList<>(List.of(source));
    nodes.addAll(List.of(between));
    nodes.add(scored);
    nodes.add(sink);
    List<Edge> edges = new java.util.ArrayList<>();
    String last = source.id();
    for (Node n : between) {
      edges.add(Edge.of(last, n.id()));
      last = n.id();
    }
    edges.add(Edge.of(last, "scored"));
    edges.add(Edge.of("scored", "scores"));
    return new Pipeline("model-health", "model-health", "", 1, List.of(), nodes, edges);
  }

  private static Node generated(String amount, Integer rows, int rowsPerSecond) {
    Map<String, Object> id =
        rows == null
            ? Map.of("name", "id", "type", "BIGINT", "kind", "random", "min", 1, "max", 1000)
            : Map.of("name", "id", "type", "BIGINT", "kind", "sequence", "start", 1, "end", rows);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(
        "columns",
        List.of(
            id,
            column("amount", "DOUBLE", amount),
            column("avg_1min_spend", "DOUBLE", AVG),
            column("tx_count_1min", "BIGINT", "MOD(id, 12) + 1"),
            column("ratio", "DOUBLE", "(" + AMOUNT + ") / (" + AVG + ")")));
    props.put("rowsPerSecond", rowsPerSecond);
    if (rows != null) {
      props.put("numberOfRows", rows);
    }
    return Node.of("transactions", "datagen", props);
  }

  private static CompiledPipeline compile(Pipeline pipeline) {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline, Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c.result().orElseThrow();
  }

  @Test
  void skippedRowsAreCountedExactlyAndTheLastBadColumnIsNamed() throws Exception {
    Node withBad =
        Node.of(
            "with_bad",
            "sql",
            Map.of(
                "query",
                "SELECT * FROM {{in}} UNION ALL SELECT * FROM (VALUES "
                    + String.join(
                        ", ",
                        row(-1, "CAST(NULL AS DOUBLE)", "20.0E0"),
                        row(-2, "CAST('NaN' AS DOUBLE)", "20.0E0"),
                        row(-3, "CAST('Infinity' AS DOUBLE)", "20.0E0"),
                        row(-4, "30.0E0", "CAST('NaN' AS DOUBLE)"))
                    + ") AS bad(id, amount, avg_1min_spend, tx_count_1min, ratio)",
                "columns",
                List.of(
                    declared("id", "BIGINT"),
                    declared("amount", "DOUBLE"),
                    declared("avg_1min_spend", "DOUBLE"),
                    declared("tx_count_1min", "BIGINT"),
                    declared("ratio", "DOUBLE"))));
    Pipeline pipeline = pipeline("skip", generated(AMOUNT, null, 20), withBad);
    EmbeddedRuntime runtime = FLINK.runtime();
    Instant started = Instant.now();
    Deployment d = runtime.deploy(compile(pipeline), DeployOptions.defaults().withParallelism(1));
    try {
      NodeHealth health = null;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        health = runtime.nodeHealth(d).get("scored");
        // Flink's REST store can pair new counters with the previous refresh's last problem
        // (FlinkRestHealth), so the fourth row's problem may show one refresh after its count.
        if (health != null
            && health.skippedRows() >= BAD
            && health.scoredRows() > 10
            && health.lastProblem().equals(LAST_BAD)) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(runtime.status(d).phase()).isEqualTo(DeploymentStatus.Phase.RUNNING);
      assertThat(health).as("the node's health while the job runs").isNotNull();
      assertThat(health.nodeId()).isEqualTo("scored");
      assertThat(health.skippedRows()).isEqualTo(BAD);
      assertThat(health.defaultedRows()).isZero();
      assertThat(health.errorRows()).isZero();
      assertThat(health.scoredRows()).isGreaterThan(10);
      assertThat(health.lastProblem()).isEqualTo(LAST_BAD);
      assertThat(health.lastProblemAt()).isBetween(started, Instant.now());
    } finally {
      runtime.stop(d, false);
    }
    // Flink drops an ended job's metrics; the runtime keeps what it last read.
    assertThat(runtime.nodeHealth(d).get("scored").skippedRows()).isEqualTo(BAD);
  }

  @Test
  void aJobThatFailsOnItsModelNamesTheModelWhichMapsToTheNode() throws Exception {
    String nanAt5 = "CASE WHEN id = 5 THEN CAST('NaN' AS DOUBLE) ELSE " + AMOUNT + " END";
    CompiledPipeline compiled = compile(pipeline("fail", generated(nanAt5, 10, 1000)));
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d = runtime.deploy(compiled, DeployOptions.defaults().withParallelism(1));

    DeploymentStatus status = runtime.awaitTermination(d, WAIT);

    assertThat(status.phase()).isEqualTo(DeploymentStatus.Phase.FAILED);
    assertThat(status.message()).contains("INPUT column 'amount' is NaN");
    assertThat(ModelNodes.of(compiled).nodeNamedIn(status.message())).contains("scored");
  }
}
