package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default drift columns editors show, on the fraud sample: the same the compiler taps. */
class DriftDefaultsTest {

  private static final Map<String, String> ENV =
      Map.of(
          "models.dir",
          Path.of("../../samples/models").toAbsolutePath().normalize().toString(),
          "data.dir",
          Path.of("../../samples/fraud-detection/data").toAbsolutePath().normalize().toString());

  private static final NodeTypeRegistry REGISTRY = NodeTypeRegistry.load();

  private static Pipeline fraud() throws Exception {
    return new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
  }

  @Test
  void theDefaultsAreTheColumnsTheCompilerTapsWithoutSettings() throws Exception {
    Compilation c = new PipelineCompiler(REGISTRY).compile(fraud(), ENV);

    Map<String, List<String>> defaults = DriftDefaults.of(c, REGISTRY, ENV);

    assertThat(defaults).containsOnlyKeys("fraud_score");
    List<String> tapped =
        c.result().orElseThrow().driftTaps().get(0).columns().stream()
            .map(DriftTapSpec.Column::name)
            .toList();
    assertThat(defaults.get("fraud_score")).isEqualTo(tapped).contains("amount", "fraud_score");
  }

  @Test
  void settingsDoNotChangeTheDefaults() throws Exception {
    Pipeline p =
        fraud()
            .withDrift(
                DriftSettings.DEFAULTS.withColumns(
                    List.of(new DriftColumn("transactions", "currency")),
                    List.of(new DriftColumn("fraud_score", "amount"))));
    Compilation c = new PipelineCompiler(REGISTRY).compile(p, ENV);

    assertThat(DriftDefaults.of(c, REGISTRY, ENV).get("fraud_score")).contains("amount");
  }

  @Test
  void aModelNodeWhoseInputIsNotConnectedHasNoDefaults() throws Exception {
    Pipeline p = fraud();
    for (var e : p.edges()) {
      if (e.to().equals("fraud_score")) {
        p = p.withoutEdge(e);
      }
    }
    Compilation c = new PipelineCompiler(REGISTRY).compile(p, ENV);

    assertThat(DriftDefaults.of(c, REGISTRY, ENV)).isEmpty();
  }
}
