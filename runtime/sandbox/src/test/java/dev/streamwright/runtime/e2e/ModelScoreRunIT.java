package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.streamwright.runtime.validate.PlannerValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Model score node on the embedded runtime scores bounded generated transactions with the fraud
 * sample's ONNX model, and every score is the logistic regression its card.json describes.
 *
 * <p>Row {@code id} (1..{@value #ROWS}) has amount {@code 7.5 id}, avg_1min_spend {@code 10 + 4 (id
 * mod 50)}, tx_count_1min {@code 1 + id mod 12} and amount_ratio their quotient. The model reads
 * the first three by name and amount_ratio from the column {@code ratio} via the inputs mapping. In
 * dead-letter mode, amount is NULL for multiples of 7 and NaN for other multiples of 11, and
 * avg_1min_spend is infinite for other multiples of 13.
 */
class ModelScoreRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int ROWS = 200;
  private static final Duration WAIT = Duration.ofSeconds(120);

  /** The repository's sample models, from the runtime module (Maven runs tests there). */
  private static final Path SAMPLES = Path.of("..", "..", "samples", "models").toAbsolutePath();

  /** The engine's tiny test models (see runtime/engine/src/test/resources/models/README.md). */
  private static final Path TEST_MODELS =
      Path.of("..", "engine", "src", "test", "resources", "models").toAbsolutePath();

  private static final String AMOUNT = "CAST(id AS DOUBLE) * 7.5";
  private static final String AVG = "10 + CAST(MOD(id, 50) AS DOUBLE) * 4";
  private static final String BAD_AMOUNT =
      "CASE WHEN MOD(id, 7) = 0 THEN CAST(NULL AS DOUBLE)"
          + " WHEN MOD(id, 11) = 0 THEN CAST('NaN' AS DOUBLE) ELSE "
          + AMOUNT
          + " END";
  private static final String BAD_AVG =
      "CASE WHEN MOD(id, 13) = 0 THEN CAST('Infinity' AS DOUBLE) ELSE " + AVG + " END";

  private static Map<String, Object> column(String name, String type, String expression) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("type", type);
    c.put("kind", "expression");
    c.put("expression", expression);
    return c;
  }

  private static Pipeline pipeline(boolean deadLetter) {
    Node source =
        Node.of(
            "transactions",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of(
                        "name",
                        "id",
                        "type",
                        "BIGINT",
                        "kind",
                        "sequence",
                        "start",
                        1,
                        "end",
                        ROWS),
                    column("amount", "DOUBLE", deadLetter ? BAD_AMOUNT : AMOUNT),
                    column("avg_1min_spend", "DOUBLE", deadLetter ? BAD_AVG : AVG),
                    column("tx_count_1min", "BIGINT", "MOD(id, 12) + 1"),
                    column("ratio", "DOUBLE", "(" + AMOUNT + ") / (" + AVG + ")")),
                "numberOfRows",
                ROWS,
                "rowsPerSecond",
                10000));
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
                16,
                "maxInFlight",
                16,
                "onInvalidInput",
                deadLetter ? "dead-letter" : "fail"));
    List<Node> nodes = new ArrayList<>(List.of(source, scored));
    nodes.add(Node.of("scores", "preview-sink", Map.of("maxRows", 1000)));
    List<Edge> edges = new ArrayList<>();
    edges.add(Edge.of("transactions", "scored"));
    edges.add(Edge.of("scored", "scores"));
    if (deadLetter) {
      nodes.add(Node.of("dead_letters", "preview-sink", Map.of("maxRows", 1000)));
      edges.add(new Edge("scored", "invalid", "dead_letters", "in"));
    }
    return new Pipeline("model-score-run", "model-score-run", "", 1, List.of(), nodes, edges);
  }

  /**
   * Flink's planner, as the studio's and the CLI's checks call it, accepts both variants: the
   * model's CREATE MODEL runs before the views that score with it.
   */
  @Test
  void thePlannerValidatorAcceptsModelPipelines() {
    for (boolean deadLetter : new boolean[] {false, true}) {
      Pipeline pipeline = pipeline(deadLetter);
      Compilation c =
          new PipelineCompiler(NodeTypeRegistry.load())
              .compile(pipeline, Map.of("models.dir", SAMPLES.toString()));
      assertThat(new PlannerValidator().validate(pipeline, c.result().orElseThrow()))
          .as("dead-letter " + deadLetter)
          .isEmpty();
    }
  }

  /** Runs the pipeline to its end and returns each sink's rows. */
  private static Map<String, List<ResultRow>> run(Pipeline pipeline, String... sinks)
      throws Exception {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline, Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
    Map<String, List<ResultRow>> out = new TreeMap<>();
    for (String sink : sinks) {
      List<ResultRow> rows = new ArrayList<>();
      try (ResultStream stream = runtime.results(d, sink)) {
        while (!stream.isEnded()) {
          rows.addAll(stream.poll(Duration.ofMillis(200), 10_000));
        }
      }
      out.put(sink, rows);
    }
    return out;
  }

  private static JsonNode weights() throws IOException {
    JsonNode card = new ObjectMapper().readTree(SAMPLES.resolve("fraud-scorer/card.json").toFile());
    assertThat(card.at("/weights/features")).hasSize(4);
    return card.get("weights");
  }

  /**
   * The card's formula: each input rounded to float32 (the model's inputs are float tensors), then
   * {@code 1 / (1 + exp(-(bias + sum of weight * (x - center))))} in double precision.
   */
  private static double expected(JsonNode weights, Map<String, Double> inputs) {
    double z = weights.get("bias").asDouble();
    for (JsonNode f : weights.get("features")) {
      double x = (float) inputs.get(f.get("name").asText()).doubleValue();
      z += f.get("weight").asDouble() * (x - f.get("center").asDouble());
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Asserts the row's score and returns it. */
  private static double assertScoredAsTheCardSays(JsonNode weights, ResultRow r) {
    Map<String, Double> inputs =
        Map.of(
            "amount", number(r, "amount"),
            "avg_1min_spend", number(r, "avg_1min_spend"),
            "tx_count_1min", number(r, "tx_count_1min"),
            "amount_ratio", number(r, "ratio"));
    double score = number(r, "fraud_score");
    assertThat(score)
        .as("fraud_score of row %s with %s", r.get("id"), inputs)
        .isCloseTo(expected(weights, inputs), Offset.offset(1e-6));
    return score;
  }

  @Test
  void everyRowIsScoredAsTheModelCardsLogisticRegression() throws Exception {
    JsonNode weights = weights();
    List<ResultRow> rows = run(pipeline(false), "scores").get("scores");
    Map<Long, Double> scores = new TreeMap<>();
    double lowest = 1;
    double highest = 0;
    for (ResultRow r : rows) {
      long id = id(r);
      double score = assertScoredAsTheCardSays(weights, r);
      assertThat(number(r, "amount")).isEqualTo(id * 7.5);
      scores.put(id, score);
      lowest = Math.min(lowest, score);
      highest = Math.max(highest, score);
    }
    assertThat(scores).as("one score per row").hasSize(ROWS);
    assertThat(scores.keySet()).first().isEqualTo(1L);
    // The rows span the model's range, so a wrong weight or a swapped input cannot hide.
    assertThat(lowest).isLessThan(0.01);
    assertThat(highest).isGreaterThan(0.9);
  }

  @Test
  void deadLetterModeScoresValidRowsAndSendsEachInvalidOneWithItsFirstBadFeature()
      throws Exception {
    JsonNode weights = weights();
    Map<String, List<ResultRow>> sinks = run(pipeline(true), "scores", "dead_letters");
    Map<Long, String> expectedInvalid = new TreeMap<>();
    List<Long> expectedValid = new ArrayList<>();
    for (long id = 1; id <= ROWS; id++) {
      if (id % 7 == 0) {
        expectedInvalid.put(id, "amount: is null");
      } else if (id % 11 == 0) {
        expectedInvalid.put(id, "amount: NaN, infinite or too large for a float");
      } else if (id % 13 == 0) {
        expectedInvalid.put(id, "avg_1min_spend: NaN, infinite or too large for a float");
      } else {
        expectedValid.add(id);
      }
    }
    List<Long> valid = new ArrayList<>();
    for (ResultRow r : sinks.get("scores")) {
      valid.add(id(r));
      assertScoredAsTheCardSays(weights, r);
    }
    Map<Long, String> reasons = new TreeMap<>();
    for (ResultRow r : sinks.get("dead_letters")) {
      reasons.put(id(r), (String) r.get("dlq_reason"));
    }
    assertThat(valid).containsExactlyInAnyOrderElementsOf(expectedValid);
    assertThat(reasons).isEqualTo(expectedInvalid);
    assertThat(sinks.get("dead_letters")).hasSize(expectedInvalid.size());
  }

  /**
   * A scikit-learn style model with one {@code [N,4]} input (engine/src/test/resources/models,
   * {@code sigmoid(-0.5 + 0.5 x0 - x1 + 0.25 x2 + 2 x3)}) reads the four columns the inputs list
   * maps to it, in the listed order, which here is not the columns' order upstream.
   */
  @Test
  void aMatrixInputModelScoresEveryRowFromItsColumnsInTheMappedOrder() throws Exception {
    Node source =
        Node.of(
            "rows",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of(
                        "name",
                        "id",
                        "type",
                        "BIGINT",
                        "kind",
                        "sequence",
                        "start",
                        1,
                        "end",
                        ROWS),
                    column("a", "DOUBLE", "CAST(MOD(id, 7) AS DOUBLE)"),
                    column("b", "INT", "CAST(MOD(id, 3) AS INT) - 1"),
                    column("c", "DOUBLE", "CAST(id AS DOUBLE) / 20"),
                    column("d", "DOUBLE", "CAST(id AS DOUBLE) * 0.1")),
                "numberOfRows",
                ROWS,
                "rowsPerSecond",
                10000));
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String c : List.of("c", "a", "d", "b")) {
      inputs.add(Map.of("input", "float_input", "column", c));
    }
    Node scored =
        Node.of(
            "scored",
            "model-score",
            Map.of(
                "model",
                TEST_MODELS.resolve("matrix4-input.onnx").toString(),
                "inputs",
                inputs,
                "onInvalidInput",
                "fail"));
    Pipeline p =
        new Pipeline(
            "matrix-run",
            "matrix-run",
            "",
            1,
            List.of(),
            List.of(source, scored, Node.of("scores", "preview-sink", Map.of("maxRows", 1000))),
            List.of(Edge.of("rows", "scored"), Edge.of("scored", "scores")));
    List<ResultRow> rows = run(p, "scores").get("scores");
    float[] w = {0.5f, -1, 0.25f, 2};
    Map<Long, Double> scores = new TreeMap<>();
    for (ResultRow r : rows) {
      double[] x = {number(r, "c"), number(r, "a"), number(r, "d"), number(r, "b")};
      double z = -0.5;
      for (int i = 0; i < 4; i++) {
        z += (double) w[i] * (float) x[i];
      }
      assertThat(number(r, "risk"))
          .as("risk of row %s", r.get("id"))
          .isCloseTo(1.0 / (1.0 + Math.exp(-z)), Offset.offset(1e-6));
      scores.put(id(r), number(r, "risk"));
    }
    assertThat(scores).as("one score per row").hasSize(ROWS);
    assertThat(scores.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow())
        .isLessThan(0.05);
    assertThat(scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isGreaterThan(0.95);
  }

  private static long id(ResultRow r) {
    return ((Number) r.get("id")).longValue();
  }

  private static double number(ResultRow r, String column) {
    return ((Number) r.get(column)).doubleValue();
  }
}
