package dev.streamwright.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Columns and datasets end to end: default measures, statuses, empty windows, drift share. */
class DriftCalculatorTest {

  /** x = np.array([(i*7919 % 1500)/10.0 for i in range(1500)]): 0.0 to 149.9, shuffled. */
  private static double[] fifteenHundred(double shift) {
    double[] x = new double[1500];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 7919 % 1500) / 10.0 + shift;
    }
    return x;
  }

  private static NumericProfile window(NumericProfile reference, double[] values) {
    NumericAccumulator accumulator = new NumericAccumulator(reference, 9);
    accumulator.addAll(values, 0, values.length);
    return accumulator.snapshot();
  }

  private static NumericProfile reference(int rows) {
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = i % 97;
    }
    return NumericProfile.reference(values, ProfileOptions.DEFAULTS);
  }

  private static CategoricalProfile categories(int rows) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      values.add(i % 3 == 0 ? null : "k" + i % 7);
    }
    return CategoricalProfile.reference(values, ProfileOptions.DEFAULTS);
  }

  @Test
  void identicalDistributionsGiveZeroAndPOne() {
    NumericProfile reference = NumericProfile.reference(fifteenHundred(0), ProfileOptions.DEFAULTS);
    double[] values = fifteenHundred(0);
    double[] reordered = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      reordered[i] = values[values.length - 1 - i];
    }
    ColumnDrift drift = DriftCalculator.column("amount", reference, window(reference, reordered));
    assertThat(drift.method()).isEqualTo(DriftMethod.WASSERSTEIN);
    assertThat(drift.measure(DriftMethod.PSI).value()).isZero();
    assertThat(drift.measure(DriftMethod.JENSEN_SHANNON).value()).isZero();
    assertThat(drift.measure(DriftMethod.WASSERSTEIN).value()).isZero();
    assertThat(drift.measure(DriftMethod.KOLMOGOROV_SMIRNOV).value()).isCloseTo(1.0, within(1e-12));
    assertThat(drift.measures()).allMatch(m -> m.status() == DriftStatus.NO_DRIFT);
    assertThat(drift.measure(DriftMethod.CHI_SQUARED)).isNull();
  }

  @Test
  void aShiftedColumnDriftsByEveryMeasure() {
    NumericProfile reference = NumericProfile.reference(fifteenHundred(0), ProfileOptions.DEFAULTS);
    ColumnDrift drift =
        DriftCalculator.column("amount", reference, window(reference, fifteenHundred(30)));
    // cur = x + 30; e = np.unique(np.quantile(x, np.linspace(0,1,11)));
    // counts = [under] + np.histogram(v, e)[0] + [over]; psi as in DriftMeasuresTest
    //   -> 2.8995899064030937; jensenshannon(r, c, base=2) -> 0.4472135954999579
    // d = ks_2samp(x, cur).statistic = 0.2; kstwobign.sf(d*np.sqrt(750)) -> 1.7513021525392667e-26
    // wasserstein_distance(x, cur) / np.std(x) -> 0.6928204769876746
    assertThat(drift.measure(DriftMethod.PSI).value()).isCloseTo(2.8995899064030937, within(1e-9));
    assertThat(drift.measure(DriftMethod.PSI).status()).isEqualTo(DriftStatus.MAJOR);
    assertThat(drift.measure(DriftMethod.JENSEN_SHANNON).value())
        .isCloseTo(0.4472135954999579, within(1e-12));
    assertThat(drift.measure(DriftMethod.KOLMOGOROV_SMIRNOV).value())
        .isCloseTo(1.7513021525392667e-26, within(1e-15)); // 1 - cdf in double: 0 here
    assertThat(drift.value()).isCloseTo(0.6928204769876746, within(1e-9));
    assertThat(drift.status()).isEqualTo(DriftStatus.DRIFT);
  }

  @Test
  void aConstantReferenceColumnUsesTheStdFloor() {
    NumericProfile reference =
        NumericProfile.reference(new double[] {5, 5, 5, 5}, ProfileOptions.DEFAULTS);
    ColumnDrift same =
        DriftCalculator.column(
            "c", reference, window(reference, new double[] {5, 5}), DriftMethod.WASSERSTEIN);
    assertThat(same.value()).isZero();
    assertThat(same.measure(DriftMethod.KOLMOGOROV_SMIRNOV).value()).isEqualTo(1.0);
    assertThat(same.measure(DriftMethod.PSI).value()).isZero();
    ColumnDrift moved =
        DriftCalculator.column(
            "c", reference, window(reference, new double[] {5.01}), DriftMethod.WASSERSTEIN);
    assertThat(moved.value()).isCloseTo(10.0, within(1e-9)); // 0.01 / 0.001
    assertThat(moved.status()).isEqualTo(DriftStatus.DRIFT);
    // KS needs two values on each side (Commons Math's minimum): one value is no data for it.
    assertThat(moved.measure(DriftMethod.KOLMOGOROV_SMIRNOV).status())
        .isEqualTo(DriftStatus.NO_DATA);
  }

  @Test
  void everythingInTheOverflowBinIsMajorPsi() {
    NumericProfile reference = NumericProfile.reference(fifteenHundred(0), ProfileOptions.DEFAULTS);
    ColumnDrift drift =
        DriftCalculator.column(
            "amount", reference, window(reference, new double[] {500, 600, 700}));
    // psi(np.array([0]+[150]*10+[0.]), np.array([0]*11+[3.])): sum over 10 inner bins of
    // (1e-4 - 0.1)*ln(1e-4/0.1) plus (1 - 1e-4)*ln(1/1e-4) -> 16.110266861642142
    assertThat(drift.measure(DriftMethod.PSI).value()).isCloseTo(16.110266861642142, within(1e-9));
    assertThat(drift.measure(DriftMethod.PSI).status()).isEqualTo(DriftStatus.MAJOR);
    assertThat(drift.measure(DriftMethod.JENSEN_SHANNON).value()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void anEmptyWindowHasNoDataAndIsLeftOutOfTheShare() {
    NumericProfile reference = NumericProfile.reference(fifteenHundred(0), ProfileOptions.DEFAULTS);
    NumericAccumulator onlyNulls = new NumericAccumulator(reference, 1);
    onlyNulls.addMissing();
    onlyNulls.add(Double.NaN);
    ColumnDrift drift = DriftCalculator.column("amount", reference, onlyNulls.snapshot());
    assertThat(drift.measures())
        .allMatch(m -> Double.isNaN(m.value()) && m.status() == DriftStatus.NO_DATA);
    assertThat(drift.status()).isEqualTo(DriftStatus.NO_DATA);
    assertThat(drift.currentRows()).isEqualTo(2);
    assertThat(drift.currentMissing()).isEqualTo(2);

    DatasetDrift dataset = DatasetDrift.of(List.of(drift));
    assertThat(dataset.status()).isEqualTo(DriftStatus.NO_DATA);
    assertThat(dataset.share()).isNaN();
  }

  @Test
  void theDefaultMeasureFollowsTheReferenceSize() {
    assertThat(DriftMethod.defaultFor(reference(1000))).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(DriftMethod.defaultFor(reference(1001))).isEqualTo(DriftMethod.WASSERSTEIN);
    // Rows count nulls too: 1,000 rows of which a third are null is still a small reference.
    assertThat(DriftMethod.defaultFor(categories(1000))).isEqualTo(DriftMethod.CHI_SQUARED);
    assertThat(DriftMethod.defaultFor(categories(1001))).isEqualTo(DriftMethod.JENSEN_SHANNON);
  }

  @Test
  void statusesFollowTheThresholds() {
    assertThat(DriftMethod.PSI.status(0.0999)).isEqualTo(DriftStatus.NO_DRIFT);
    assertThat(DriftMethod.PSI.status(0.1)).isEqualTo(DriftStatus.MODERATE);
    assertThat(DriftMethod.PSI.status(0.2499)).isEqualTo(DriftStatus.MODERATE);
    assertThat(DriftMethod.PSI.status(0.25)).isEqualTo(DriftStatus.MAJOR);
    assertThat(DriftMethod.JENSEN_SHANNON.status(0.0999)).isEqualTo(DriftStatus.NO_DRIFT);
    assertThat(DriftMethod.JENSEN_SHANNON.status(0.1)).isEqualTo(DriftStatus.DRIFT);
    assertThat(DriftMethod.WASSERSTEIN.status(0.1)).isEqualTo(DriftStatus.DRIFT);
    assertThat(DriftMethod.KOLMOGOROV_SMIRNOV.status(0.05)).isEqualTo(DriftStatus.DRIFT);
    assertThat(DriftMethod.KOLMOGOROV_SMIRNOV.status(0.0501)).isEqualTo(DriftStatus.NO_DRIFT);
    assertThat(DriftMethod.CHI_SQUARED.status(0.05)).isEqualTo(DriftStatus.DRIFT);
    assertThat(DriftMethod.CHI_SQUARED.status(Double.NaN)).isEqualTo(DriftStatus.NO_DATA);
    assertThat(DriftStatus.MODERATE.drifted()).isTrue();
    assertThat(DriftStatus.NO_DATA.drifted()).isFalse();
  }

  @Test
  void theDatasetDriftsWhenHalfItsColumnsWithDataDo() {
    NumericProfile reference = NumericProfile.reference(fifteenHundred(0), ProfileOptions.DEFAULTS);
    NumericProfile same = window(reference, fifteenHundred(0));
    NumericProfile shifted = window(reference, fifteenHundred(30));
    NumericProfile empty = new NumericAccumulator(reference, 1).snapshot();
    Map<String, NumericProfile> references = new LinkedHashMap<>();
    for (String c : List.of("a", "b", "c", "d", "e")) {
      references.put(c, reference);
    }
    DatasetDrift half =
        DriftCalculator.dataset(
            references, Map.of("a", shifted, "b", shifted, "c", same, "d", same, "e", empty));
    assertThat(half.drifted()).isEqualTo(2);
    assertThat(half.withData()).isEqualTo(4);
    assertThat(half.share()).isEqualTo(0.5);
    assertThat(half.status()).isEqualTo(DriftStatus.DRIFT);
    assertThat(half.columns())
        .extracting(ColumnDrift::column)
        .containsExactly("a", "b", "c", "d", "e");

    // "e" has no window profile at all: no data, like an empty one.
    DatasetDrift third =
        DriftCalculator.dataset(references, Map.of("a", shifted, "b", same, "c", same, "d", same));
    assertThat(third.share()).isEqualTo(0.25);
    assertThat(third.status()).isEqualTo(DriftStatus.NO_DRIFT);
    assertThat(third.columns().get(4).status()).isEqualTo(DriftStatus.NO_DATA);
  }

  @Test
  void mismatchedProfilesAndMeasuresAreExplained() {
    NumericProfile numeric = reference(10);
    CategoricalProfile categorical = categories(10);
    assertThatThrownBy(() -> DriftCalculator.column("x", numeric, categorical))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'x'")
        .hasMessageContaining("categorical");
    assertThatThrownBy(
            () ->
                DriftCalculator.column(
                    "x", numeric, window(numeric, new double[] {1}), DriftMethod.CHI_SQUARED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHI_SQUARED does not apply to a numeric column");
    assertThatThrownBy(() -> DriftCalculator.column("x", numeric, reference(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another reference");
  }
}
