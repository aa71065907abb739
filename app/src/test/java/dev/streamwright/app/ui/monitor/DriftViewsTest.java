package dev.streamwright.app.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftCalculator;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.LiveReference;
import dev.streamwright.monitor.drift.live.NodeDrift;
import dev.streamwright.monitor.drift.live.WindowDrift;
import dev.streamwright.monitor.ui.DriftView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A live drift report becomes the Drift panel's two spans and the canvas badges' columns. */
class DriftViewsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final NumericProfile REFERENCE =
      NumericProfile.reference(
          new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, ProfileOptions.DEFAULTS);
  private static final NumericProfile SHIFTED =
      NumericProfile.reference(
          new double[] {11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, ProfileOptions.DEFAULTS);

  private static WindowDrift window(NumericProfile current, boolean compared) {
    Optional<ColumnDrift> drift =
        compared
            ? Optional.of(DriftCalculator.column("amount", REFERENCE, current))
            : Optional.empty();
    return new WindowDrift(
        T0.minusSeconds(2), T0, 1, current.rows(), 0, Optional.of(current), drift);
  }

  @Test
  void comparedColumnsCarryTheirReferenceAndOthersTheirValuesAlone() {
    ColumnLiveDrift amount =
        new ColumnLiveDrift(
            "scored",
            "amount",
            "numeric",
            1,
            Optional.of(new LiveReference(REFERENCE, "model card fraud-scorer v1")),
            Optional.of(window(REFERENCE, true)),
            Optional.empty(),
            "");
    ColumnLiveDrift ratio =
        new ColumnLiveDrift(
            "scored",
            "ratio",
            "numeric",
            1,
            Optional.empty(),
            Optional.of(window(SHIFTED, false)),
            Optional.of(window(SHIFTED, false)),
            "no reference: set one from the model card, a file or the last hour");
    ColumnLiveDrift waiting =
        new ColumnLiveDrift(
            "scored",
            "score",
            "numeric",
            1,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "");
    DatasetDrift none = DatasetDrift.of(List.of());
    DriftReport report =
        new DriftReport(
            "d-1",
            T0,
            List.of(new NodeDrift("scored", List.of(amount, ratio, waiting), none, none)),
            Optional.empty());

    DriftViews v = DriftViews.of(report);

    assertThat(v.window().columns())
        .extracting(DriftView.Column::key)
        .containsExactly("scored/amount", "scored/ratio");
    DriftView.Column compared = v.window().columns().get(0);
    assertThat(compared.referenced()).isTrue();
    assertThat(compared.reference()).isEqualTo(REFERENCE);
    assertThat(compared.drift().status()).isEqualTo(DriftStatus.NO_DRIFT);
    DriftView.Column alone = v.window().columns().get(1);
    assertThat(alone.referenced()).isFalse();
    assertThat(alone.drift().status()).isEqualTo(DriftStatus.NO_DATA);
    assertThat(alone.current()).isEqualTo(SHIFTED);
    assertThat(alone.reference().counts()).containsOnly(0L).hasSize(SHIFTED.counts().length);
    // The dataset share counts the compared column only.
    assertThat(v.window().dataset().withData()).isEqualTo(1);
    // Only the ratio has a sliding view yet.
    assertThat(v.sliding().columns())
        .extracting(DriftView.Column::key)
        .containsExactly("scored/ratio");
    // The canvas badge shows compared columns only.
    assertThat(v.byNode()).containsOnlyKeys("scored");
    assertThat(v.byNode().get("scored")).extracting(ColumnDrift::column).containsExactly("amount");
    assertThat(LiveFigures.opensDrift(v.byNode(), "scored")).isTrue();
    assertThat(LiveFigures.opensDrift(v.byNode(), "gen")).isFalse();
    assertThat(LiveFigures.opensDrift(Map.of(), "scored")).isFalse();
  }

  @Test
  void aReportWithoutWindowsHasNoSlidingView() {
    DriftViews v = DriftViews.of(new DriftReport("d-1", T0, List.of(), Optional.of("down")));
    assertThat(v.window().columns()).isEmpty();
    assertThat(v.sliding()).isNull();
    assertThat(v.byNode()).isEmpty();
  }
}
