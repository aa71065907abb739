package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.plugin.onnx.tap.TapWire;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reports of merged tap windows against references, their alert values, and when to read. */
class LiveDriftTest {

  private static final long MINUTE = 60_000;

  /**
   * Edges 0..4, 25 rows per inner bin, and an 8-value sample: a small reference (100 rows), so its
   * default measure is Kolmogorov-Smirnov.
   */
  private static final NumericProfile REFERENCE =
      new NumericProfile(
          new double[] {0, 1, 2, 3, 4},
          new long[] {0, 25, 25, 25, 25, 0},
          0,
          2,
          1.1,
          new double[] {0.2, 0.7, 1.2, 1.7, 2.2, 2.7, 3.2, 3.7});

  private static TapGauge gauge(String subtask, String column) {
    return new TapGauge(
        "v1", subtask + ".Calc.streamwright.drift.score." + column, subtask, "score", column);
  }

  private static LiveDrift drift(DriftReferences references) {
    return new LiveDrift("dep-1", "0123456789abcdef0123456789abcdef", references);
  }

  private static Map<TapGauge, String> twoSubtasks(long start) {
    Map<TapGauge, String> values = new LinkedHashMap<>();
    values.put(
        gauge("0", "amount"),
        TapWire.encode(ColumnHistoryTest.numeric(start, 1, 0.5, 0.5, 1.5, 2.5)));
    values.put(
        gauge("1", "amount"),
        TapWire.encode(ColumnHistoryTest.numeric(start, 0, 3.5, 3.5, 3.5, 4.5)));
    return values;
  }

  @Test
  void twoSubtasksAreComparedWithTheReferenceAsOneWindow() {
    LiveDrift live =
        drift(
            DriftReferences.of(
                Map.of("score", Map.of("amount", new LiveReference(REFERENCE, "model card")))));
    assertThat(live.accept(twoSubtasks(0))).isTrue();
    DriftReport report = live.report(Instant.ofEpochMilli(MINUTE + 5_000), Optional.empty());

    ColumnLiveDrift amount = report.column("score", "amount").orElseThrow();
    assertThat(amount.problem()).isEmpty();
    assertThat(amount.subtasks()).isEqualTo(2);
    assertThat(amount.kind()).isEqualTo("numeric");
    WindowDrift last = amount.lastWindow().orElseThrow();
    assertThat(last.rows()).isEqualTo(9);
    assertThat(last.missing()).isEqualTo(1);
    assertThat(last.start()).isEqualTo(Instant.EPOCH);
    assertThat(last.end()).isEqualTo(Instant.ofEpochMilli(MINUTE));
    assertThat(((NumericProfile) last.current().orElseThrow()).counts())
        .containsExactly(0, 2, 1, 1, 3, 1);
    ColumnDrift d = last.drift().orElseThrow();
    // import numpy as np; from scipy.stats import ks_2samp; from scipy.spatial.distance import
    // jensenshannon; from scipy.stats import wasserstein_distance
    // r = np.array([0,25,25,25,25,0])/100; c = np.array([0,2,1,1,3,1])/8
    // rr = np.where(r==0,1e-4,r); cc = np.where(c==0,1e-4,c); m = (r>0)|(c>0)
    // np.sum(((cc-rr)*np.log(cc/rr))[m]) = 1.1146191975575206
    // jensenshannon(r, c, base=2) = 0.3197139369224971
    // ref = [0.2,0.7,1.2,1.7,2.2,2.7,3.2,3.7]; cur = [0.5,0.5,1.5,2.5,3.5,3.5,3.5,4.5]
    // ks_2samp(ref, cur).pvalue = 0.6601398601398599
    // wasserstein_distance(ref, cur) / 1.1 = 0.5454545454545453
    assertThat(d.measure(DriftMethod.PSI).value()).isCloseTo(1.1146191975575206, within(1e-9));
    assertThat(d.measure(DriftMethod.JENSEN_SHANNON).value())
        .isCloseTo(0.3197139369224971, within(1e-9));
    assertThat(d.measure(DriftMethod.KOLMOGOROV_SMIRNOV).value())
        .isCloseTo(0.6601398601398599, within(1e-9));
    assertThat(d.measure(DriftMethod.WASSERSTEIN).value())
        .isCloseTo(0.5454545454545453, within(1e-9));
    assertThat(d.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(d.status()).isEqualTo(DriftStatus.NO_DRIFT);

    NodeDrift node = report.node("score").orElseThrow();
    assertThat(node.lastWindow().withData()).isEqualTo(1);
    assertThat(node.lastWindow().share()).isEqualTo(0.0);
    assertThat(node.view().withData()).isEqualTo(1);

    Map<SeriesKey, Double> values = DriftSignals.values(report);
    assertThat(values.get(SeriesKey.column(Metric.DRIFT_PSI, "dep-1", "score", "amount")))
        .isCloseTo(1.1146191975575206, within(1e-9));
    assertThat(values.get(SeriesKey.column(Metric.DRIFT_KS_P_VALUE, "dep-1", "score", "amount")))
        .isCloseTo(0.6601398601398599, within(1e-9));
    assertThat(values.get(SeriesKey.pipeline(Metric.DATASET_DRIFT_SHARE, "dep-1"))).isEqualTo(0.0);
    assertThat(values).hasSize(5);
  }

  @Test
  void aColumnWithoutReferenceIsReportedWithItsProfileButNoDrift() {
    LiveDrift live = drift(DriftReferences.NONE);
    live.accept(twoSubtasks(0));
    DriftReport report = live.report(Instant.ofEpochMilli(MINUTE), Optional.empty());
    ColumnLiveDrift amount = report.column("score", "amount").orElseThrow();
    assertThat(amount.problem()).startsWith("no reference");
    assertThat(amount.lastWindow().orElseThrow().drift()).isEmpty();
    assertThat(amount.lastWindow().orElseThrow().current()).isPresent();
    assertThat(report.node("score").orElseThrow().lastWindow().status())
        .isEqualTo(DriftStatus.NO_DATA);
    assertThat(DriftSignals.values(report)).isEmpty();
  }

  @Test
  void aGaugeThatIsNotATapTextIsTheColumnsProblem() {
    LiveDrift live = drift(DriftReferences.NONE);
    live.accept(twoSubtasks(0));
    assertThat(live.accept(Map.of(gauge("0", "amount"), "X|1|2"))).isTrue();
    ColumnLiveDrift amount =
        live.report(Instant.now(), Optional.empty()).column("score", "amount").orElseThrow();
    assertThat(amount.problem()).contains("Not a drift tap's window");
    assertThat(amount.lastWindow()).isPresent();
  }

  @Test
  void itReadsAgainOnlyWhenTheNextWindowCanHaveClosed() {
    LiveDrift live = drift(DriftReferences.NONE);
    assertThat(live.due(0)).as("before any window").isTrue();
    live.accept(twoSubtasks(10 * MINUTE));
    // The window [10, 11) min was read; [11, 12) closes at 12 min.
    assertThat(live.due(11 * MINUTE + 1_000)).isFalse();
    assertThat(live.due(12 * MINUTE - 1)).isFalse();
    assertThat(live.due(12 * MINUTE)).isTrue();
    // One subtask ahead, the other behind: read while the behind one may still catch up.
    Map<TapGauge, String> ahead = new LinkedHashMap<>();
    ahead.put(gauge("0", "amount"), TapWire.encode(ColumnHistoryTest.numeric(11 * MINUTE, 0, 1)));
    live.accept(ahead);
    assertThat(live.due(12 * MINUTE + 10_000)).isTrue();
    assertThat(live.due(12 * MINUTE + 31_000)).isFalse();
    assertThat(live.due(13 * MINUTE)).isTrue();
  }

  @Test
  void freezingTheLastHourGivesAReferenceOfItsData() {
    LiveDrift live = drift(DriftReferences.NONE);
    live.accept(twoSubtasks(0));
    LiveReference frozen = live.freezeLastHour("score", "amount");
    NumericProfile p = (NumericProfile) frozen.profile();
    assertThat(p.count()).isEqualTo(8);
    assertThat(p.missing()).isEqualTo(1);
    // np.mean([0.5,0.5,1.5,2.5,3.5,3.5,3.5,4.5]) = 2.5
    assertThat(p.mean()).isEqualTo(2.5);
    // np.quantile(cur, np.linspace(0, 1, 11)) = [0.5 0.5 0.9 1.6 2.3 3. 3.5 3.5 3.5 3.8 4.5],
    // 8 distinct edges
    assertThat(p.edges()).hasSize(8);
    assertThat(p.edges()[0]).isEqualTo(0.5);
    assertThat(p.edges()[p.edges().length - 1]).isEqualTo(4.5);
    assertThat(frozen.source()).startsWith("live data 1970-01-01T00:00:00Z to ");

    assertThatThrownBy(() -> live.freezeLastHour("score", "nope"))
        .hasMessageContaining("no tapped column 'nope'")
        .hasMessageContaining("score/amount");
  }
}
