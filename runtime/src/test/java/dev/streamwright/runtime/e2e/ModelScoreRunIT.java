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
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.validate.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Model score node on the embedded runtime scores bounded generated transactions with the fraud
 * sample's ONNX model, and every score is the logistic regression its card.json describes.
 *
 * <p>Row {@code id} (1..{@value #ROWS}) has amount {@code 7.5 id}, avg_1min_spend {@code 10 + 4 (id
 * mod 50)}, tx_count_1min {@code 1 + id mod 12} and amount_ratio their quotient. The model reads
 * the first three by name and amount_ratio from the column {@code ratio} via the inputs mapping.
 */
class ModelScoreRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int ROWS = 200;
  private static final Duration WAIT = Duration.ofSeconds(120);

  /** The repository's sample models, from the runtime module (Maven runs tests there). */
  private static final Path SAMPLES = Path.of("..", "samples", "models").toAbsolutePath();

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

  private static Pipeline pipeline() {
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
                    column("amount", "DOUBLE", AMOUNT),
                    column("avg_1min_spend", "DOUBLE", AVG),
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
                16));
    return new Pipeline(
        "model-score-run",
        "model-score-run",
        "",
        1,
        List.of(),
        List.of(source, scored, Node.of("scores", "preview-sink", Map.of("maxRows", 1000))),
        List.of(Edge.of("transactions", "scored"), Edge.of("scored", "scores")));
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

  @Test
  void everyRowIsScoredAsTheModelCardsLogisticRegression() throws Exception {
    JsonNode card = new ObjectMapper().readTree(SAMPLES.resolve("fraud-scorer/card.json").toFile());
    assertThat(card.at("/weights/features")).hasSize(4);
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline(), Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);

    List<ResultRow> rows = new ArrayList<>();
    try (ResultStream stream = runtime.results(d, "scores")) {
      while (!stream.isEnded()) {
        rows.addAll(stream.poll(Duration.ofMillis(200), 10_000));
      }
    }
    Map<Long, Double> scores = new TreeMap<>();
    double lowest = 1;
    double highest = 0;
    for (ResultRow r : rows) {
      long id = ((Number) r.get("id")).longValue();
      Map<String, Double> inputs =
          Map.of(
              "amount", number(r, "amount"),
              "avg_1min_spend", number(r, "avg_1min_spend"),
              "tx_count_1min", number(r, "tx_count_1min"),
              "amount_ratio", number(r, "ratio"));
      double score = number(r, "fraud_score");
      assertThat(score)
          .as("fraud_score of row %d with %s", id, inputs)
          .isCloseTo(
              expected(card.get("weights"), inputs), org.assertj.core.data.Offset.offset(1e-6));
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

  private static double number(ResultRow r, String column) {
    return ((Number) r.get(column)).doubleValue();
  }
}
