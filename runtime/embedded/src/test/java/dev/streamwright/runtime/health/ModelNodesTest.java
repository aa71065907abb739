package dev.streamwright.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's SQL name, in metrics and in failures, leads back to the node that created it. */
class ModelNodesTest {

  private static final Path SAMPLES = Path.of("..", "..", "samples", "models").toAbsolutePath();

  private static CompiledPipeline fraudPipeline() {
    Map<String, Object> column = Map.of("name", "amount", "type", "DOUBLE");
    Node source =
        Node.of(
            "tx",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    column,
                    Map.of("name", "avg_1min_spend", "type", "DOUBLE"),
                    Map.of("name", "tx_count_1min", "type", "BIGINT"),
                    Map.of("name", "amount_ratio", "type", "DOUBLE"))));
    Node scored =
        Node.of(
            "fraud-check",
            "model-score",
            Map.of("model", "fraud-scorer/fraud-scorer.onnx", "onInvalidInput", "skip"));
    Node sink = Node.of("out", "preview-sink", Map.of());
    Pipeline p =
        new Pipeline(
            "p",
            "p",
            "",
            1,
            List.of(),
            List.of(source, scored, sink),
            List.of(Edge.of("tx", "fraud-check"), Edge.of("fraud-check", "out")));
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(p, Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c.result().orElseThrow();
  }

  @Test
  void theModelOfAModelScoreNodeMapsToTheNode() {
    ModelNodes models = ModelNodes.of(fraudPipeline());

    assertThat(models.nodeByModel())
        .containsExactly(Map.entry("fraud-check__model", "fraud-check"));
    assertThat(models.node("fraud-check__model")).contains("fraud-check");
  }

  @Test
  void aFailureThatNamesTheModelIsTheNodes() {
    ModelNodes models = ModelNodes.of(fraudPipeline());

    assertThat(
            models.nodeNamedIn(
                "Model 'fraud-check__model' (provider 'onnx'): INPUT column 'amount' is NaN in a"
                    + " row to score. (InvalidFeatureException)"))
        .contains("fraud-check");
    assertThat(models.nodeNamedIn("Connection refused: 127.0.0.1:9092")).isEmpty();
    assertThat(models.nodeNamedIn(null)).isEmpty();
  }

  @Test
  void quotedAndQualifiedModelNamesAreReadAsFlinkNamesThem() {
    CompiledPipeline compiled =
        new CompiledPipeline(
            "p",
            "p",
            1,
            List.of(
                new SqlStatement(
                    "a", SqlStatement.Kind.DDL, "CREATE TEMPORARY MODEL `it``s`\nINPUT (x FLOAT)"),
                new SqlStatement(
                    "b", SqlStatement.Kind.DDL, "create model cat.db.`m.2` INPUT (x FLOAT)"),
                new SqlStatement("c", SqlStatement.Kind.DDL, "CREATE TEMPORARY TABLE `t` (x INT)")),
            List.of(),
            List.of(),
            Map.of());

    assertThat(ModelNodes.of(compiled).nodeByModel())
        .containsOnly(Map.entry("it`s", "a"), Map.entry("m.2", "b"));
  }

  @Test
  void metricScopesReplaceTheCharactersFlinksMetricStoreDoes() {
    assertThat(FlinkRestHealth.scopeName("fraud-check__model")).isEqualTo("fraud-check__model");
    assertThat(FlinkRestHealth.scopeName("a.b:c,d")).isEqualTo("a_b_c_d");
  }
}
