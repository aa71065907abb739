package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adding or removing drift taps is flagged before an upgrade, as it reshapes the job graph. */
class DriftTapStateCheckTest {

  private static final Map<String, String> ENV =
      Map.of(
          "models.dir",
          Path.of("../../samples/models").toAbsolutePath().normalize().toString(),
          "kafka.bootstrap.servers",
          "127.0.0.1:9092",
          "data.dir",
          Path.of("../../samples/fraud-detection/data").toAbsolutePath().normalize().toString());

  private final NodeTypeRegistry types = NodeTypeRegistry.load();

  private CompiledPipeline compile(Pipeline p) {
    return new PipelineCompiler(types).compile(p, ENV).result().orElseThrow();
  }

  @Test
  void turningDriftOffIsALossThatNamesTheSettingAndTheNode() throws Exception {
    Pipeline on = new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
    Pipeline off = on.withDrift(DriftSettings.DEFAULTS.withEnabled(false));
    StateCheckResult result = new StateCheck(types).check(on, compile(on), off, compile(off));
    assertThat(result.losses())
        .singleElement()
        .satisfies(
            loss -> {
              assertThat(loss.property()).isEqualTo("drift");
              assertThat(loss.message())
                  .startsWith("drift taps are removed from fraud_score:")
                  .contains("keep the running version's drift settings");
            });
    assertThat(new StateCheck(types).check(off, compile(off), on, compile(on)).losses())
        .singleElement()
        .satisfies(
            loss -> assertThat(loss.message()).startsWith("drift taps are added on fraud_score:"));
  }

  @Test
  void aNewWindowKeepsTheTapsAndTheirState() throws Exception {
    Pipeline v1 = new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
    Pipeline v2 = v1.withDrift(DriftSettings.DEFAULTS.withWindow("5m"));
    assertThat(new StateCheck(types).check(v1, compile(v1), v2, compile(v2)).losses()).isEmpty();
  }
}
