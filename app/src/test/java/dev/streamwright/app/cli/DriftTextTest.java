package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftCalculator;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.LiveReference;
import dev.streamwright.monitor.drift.live.NodeDrift;
import dev.streamwright.monitor.drift.live.WindowDrift;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drift section of {@code streamwright monitor}, as text and as JSON. */
class DriftTextTest {

  private static final NumericProfile REFERENCE =
      new NumericProfile(
          new double[] {0, 1, 2}, new long[] {0, 50, 50, 0}, 0, 1, 0.5, new double[0]);
  private static final NumericProfile SHIFTED =
      new NumericProfile(
          new double[] {0, 1, 2}, new long[] {0, 10, 90, 0}, 5, 1.5, 0.5, new double[0]);

  private static DriftReport report() {
    ColumnDrift psi = DriftCalculator.column("amount", REFERENCE, SHIFTED, DriftMethod.PSI);
    WindowDrift view =
        new WindowDrift(
            Instant.parse("2026-12-07T10:00:00Z"),
            Instant.parse("2026-12-07T10:15:00Z"),
            15,
            105,
            5,
            Optional.of(SHIFTED),
            Optional.of(psi));
    ColumnLiveDrift amount =
        new ColumnLiveDrift(
            "score",
            "amount",
            "numeric",
            2,
            Optional.of(new LiveReference(REFERENCE, "model card fraud-scorer v1")),
            Optional.of(view),
            Optional.of(view),
            "");
    ColumnLiveDrift country =
        new ColumnLiveDrift(
            "score",
            "country",
            "categorical",
            2,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "no reference: set one from the model card, a file or the last hour");
    DatasetDrift dataset = DatasetDrift.of(List.of(psi));
    return new DriftReport(
        "dep-1",
        Instant.parse("2026-12-07T10:15:05Z"),
        List.of(new NodeDrift("score", List.of(amount, country), dataset, dataset)),
        Optional.empty());
  }

  @Test
  void theTableShowsEachColumnsMeasureStatusAndMissing() {
    String text = DriftText.table(report(), Map.of("score", "Score"));
    // PSI of shares .5/.5 against .1/.9: (.1-.5) ln(.1/.5) + (.9-.5) ln(.9/.5)
    // python3: import math; (.1-.5)*math.log(.1/.5)+(.9-.5)*math.log(.9/.5) = 0.8788898309344878
    assertThat(text)
        .contains("DRIFT node Score (score): dataset DRIFT, 1 of 1 drifted (15 min)")
        .containsPattern("amount +psi +0\\.8789 +MAJOR +MAJOR +5 of 105")
        .containsPattern("country +- +- +- +- +- +no reference");
  }

  @Test
  void theJsonHasTheSameFigures() throws Exception {
    JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(DriftText.json(report()).toString());
    JsonNode node = json.path("nodes").path("score");
    assertThat(node.path("datasetDriftShare").asDouble()).isEqualTo(1.0);
    assertThat(node.path("datasetStatus").asText()).isEqualTo("DRIFT");
    JsonNode amount = node.path("columns").path("amount");
    assertThat(amount.path("reference").asText()).isEqualTo("model card fraud-scorer v1");
    assertThat(amount.path("view").path("measure").asText()).isEqualTo("psi");
    assertThat(amount.path("view").path("value").asDouble())
        .isCloseTo(0.8788898309344878, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(amount.path("view").path("status").asText()).isEqualTo("MAJOR");
    assertThat(amount.path("view").path("missing").asLong()).isEqualTo(5);
    assertThat(node.path("columns").path("country").path("view").isNull()).isTrue();
    assertThat(json.path("problem").isNull()).isTrue();
  }
}
