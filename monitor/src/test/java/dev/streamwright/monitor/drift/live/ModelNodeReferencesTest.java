package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pipeline's Model score nodes get their card's references, replaced by those users set. */
class ModelNodeReferencesTest {

  private static final String MODELS = Path.of("../samples/models").toAbsolutePath().toString();

  private static final NumericProfile SET =
      new NumericProfile(new double[] {0, 1}, new long[] {0, 4, 0}, 0, 0.5, 0.5, new double[0]);

  private static Pipeline pipeline() {
    return Pipeline.empty("fraud")
        .withNode(
            Node.of("score", "model-score", Map.of("model", "fraud-scorer/fraud-scorer.onnx")))
        .withNode(Node.of("filter", "filter", Map.of("condition", "amount > 0")));
  }

  @Test
  void aModelNodeHasItsCardsColumnsWithTheirSample() {
    DriftReferences refs =
        ModelNodeReferences.of(pipeline(), MODELS, (id, v) -> Map.of(), node -> Map.of());
    LiveReference amount = refs.reference("score", "amount").orElseThrow();
    assertThat(amount.source()).isEqualTo("model card fraud-scorer v1");
    NumericProfile p = (NumericProfile) amount.profile();
    assertThat(p.count()).isEqualTo(20_000);
    assertThat(p.sample()).hasSize(2_000);
    assertThat(refs.reference("score", "fraud_score")).isPresent();
    assertThat(refs.reference("filter", "amount")).isEmpty();
  }

  @Test
  void referencesSetForTheVersionOrTheNodeReplaceTheCards() {
    DriftReferences refs =
        ModelNodeReferences.of(
            pipeline(),
            MODELS,
            (id, v) ->
                id.equals("fraud-scorer") && v == 1
                    ? Map.of("amount", new LiveReference(SET, "file rows.csv"))
                    : Map.of(),
            node ->
                node.equals("filter")
                    ? Map.of("amount", new LiveReference(SET, "live data"))
                    : Map.of());
    assertThat(refs.reference("score", "amount").orElseThrow().source()).isEqualTo("file rows.csv");
    assertThat(refs.reference("score", "tx_count_1min").orElseThrow().source())
        .startsWith("model card");
    assertThat(refs.reference("filter", "amount").orElseThrow().source()).isEqualTo("live data");
  }
}
