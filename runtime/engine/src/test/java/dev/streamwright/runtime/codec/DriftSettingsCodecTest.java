package dev.streamwright.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline file's {@code drift} field: absent means the defaults, and it round-trips. */
class DriftSettingsCodecTest {

  private final PipelineCodec codec = new PipelineCodec();

  @Test
  void aFileWithoutDriftReadsAsTheDefaultsAndWritesBackByteIdentical() throws Exception {
    for (String sample : List.of("quickstart", "fraud-detection", "call-center")) {
      String text = Files.readString(Path.of("../../samples", sample, "pipeline.json"));
      Pipeline p = codec.parse(text);
      assertThat(p.drift()).isEqualTo(DriftSettings.DEFAULTS);
      assertThat(codec.write(p)).isEqualTo(text);
    }
  }

  @Test
  void settingsRoundTripSortedAndStable() throws Exception {
    DriftSettings settings =
        new DriftSettings(
            "30s",
            false,
            List.of(
                new DriftColumn("validate", "country"), new DriftColumn("amount_ratio", "ratio")),
            List.of(new DriftColumn("fraud_score", "tx_count_1min")));
    Pipeline p = Pipeline.empty("p").withDrift(settings);
    String text = codec.write(p);
    assertThat(text)
        .endsWith(
            """
              "edges": [],
              "drift": {
                "window": "30s",
                "enabled": false,
                "add": [
                  {
                    "node": "amount_ratio",
                    "column": "ratio"
                  },
                  {
                    "node": "validate",
                    "column": "country"
                  }
                ],
                "remove": [
                  {
                    "node": "fraud_score",
                    "column": "tx_count_1min"
                  }
                ]
              }
            }
            """);
    Pipeline back = codec.parse(text);
    assertThat(back.drift().window()).isEqualTo("30s");
    assertThat(back.drift().enabled()).isFalse();
    assertThat(back.drift().add())
        .containsExactly(
            new DriftColumn("amount_ratio", "ratio"), new DriftColumn("validate", "country"));
    assertThat(back.drift().remove())
        .containsExactly(new DriftColumn("fraud_score", "tx_count_1min"));
    assertThat(codec.write(back)).isEqualTo(text);
  }

  @Test
  void editsKeepTheSettings() {
    DriftSettings settings = DriftSettings.DEFAULTS.withWindow("5m");
    Pipeline p = Pipeline.empty("p").withDrift(settings).withVersion(2).withoutNode("x");
    assertThat(p.drift()).isEqualTo(settings);
  }

  @Test
  void missingFieldsTakeTheirDefaults() throws Exception {
    Pipeline p = codec.parse("{\"id\": \"p\", \"drift\": {\"window\": \"2m\"}}");
    assertThat(p.drift()).isEqualTo(new DriftSettings("2m", true, List.of(), List.of()));
  }

  @Test
  void wrongShapesAreRefusedWithTheirPlace() {
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\",\n \"drift\": {\"windw\": \"2m\"}}"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown field 'windw'")
        .hasMessageContaining("known fields: window, enabled, add, remove");
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\", \"drift\": {\"enabled\": \"yes\"}}"))
        .hasMessageContaining("drift.enabled must be true or false");
    assertThatThrownBy(
            () -> codec.parse("{\"id\": \"p\", \"drift\": {\"add\": [{\"node\": \"a\"}]}}"))
        .hasMessageContaining("drift.add[0] lacks the required field 'column'");
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\", \"drift\": {\"remove\": \"a.b\"}}"))
        .hasMessageContaining("drift.remove must be a list");
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\", \"drift\": 5}"))
        .hasMessageContaining("drift must be an object");
  }
}
