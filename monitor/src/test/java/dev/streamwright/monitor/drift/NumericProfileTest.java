package dev.streamwright.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Numeric profiles: bins, moments, missing values, the reservoir, merging, JSON. */
class NumericProfileTest {

  /** v = np.array([((i*37) % 25)/4.0 + (i % 3) for i in range(25)]) */
  static double[] twentyFive() {
    double[] v = new double[25];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((i * 37) % 25) / 4.0 + (i % 3);
    }
    return v;
  }

  @Test
  void referenceBinsAreTheQuantilesOfNumpy() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    // np.unique(np.quantile(v, np.linspace(0, 1, 11)))
    double[] expected = {0.0, 1.45, 2.2, 2.8, 3.25, 4.0, 4.5, 5.15, 5.8, 6.65, 8.0};
    assertThat(reference.edges()).containsExactly(expected, within(1e-12));
    // np.histogram(v, bins=edges)[0] -> [3, 2, 3, 1, 3, 2, 3, 3, 2, 3]; under/overflow empty
    assertThat(reference.counts()).containsExactly(0, 3, 2, 3, 1, 3, 2, 3, 3, 2, 3, 0);
    // np.mean(v) -> 3.96, np.std(v) -> 2.061164719278884
    assertThat(reference.mean()).isCloseTo(3.96, within(1e-12));
    assertThat(reference.std()).isCloseTo(2.061164719278884, within(1e-12));
    assertThat(reference.sample()).containsExactlyInAnyOrder(twentyFive());
    assertThat(reference.rows()).isEqualTo(25);
  }

  @Test
  void aWindowCountsAgainstTheReferenceEdgesWithUnderAndOverflow() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, 7);
    window.addAll(new double[] {-1.0, 0.0, 3.3, 8.0, 9.0, 20.0, 2.0, 2.25}, 0, 8);
    // np.histogram(cur, bins=edges)[0] -> [1, 1, 1, 0, 1, 0, 0, 0, 0, 1];
    // (cur < edges[0]).sum() -> 1; (cur > edges[-1]).sum() -> 2
    assertThat(window.snapshot().counts()).containsExactly(1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 2);
  }

  @Test
  void manyBinsAreFoundByBinarySearchWithTheSameRule() {
    double[] reference = new double[1000];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = i;
    }
    ProfileOptions forty = new ProfileOptions(40, 50, 10_000, 2_000, 42);
    NumericAccumulator window =
        new NumericAccumulator(NumericProfile.reference(reference, forty), 1);
    for (int v = -10; v < 1010; v += 7) {
      window.add(v);
    }
    // x = np.arange(1000.); e = np.unique(np.quantile(x, np.linspace(0, 1, 41)))
    // cur = np.arange(-10, 1010, 7) / 1.0
    // [(cur < e[0]).sum()] + np.histogram(cur, bins=e)[0].tolist() + [(cur > e[-1]).sum()]
    assertThat(window.snapshot().counts())
        .containsExactly(
            2, 3, 4, 4, 3, 4, 3, 4, 3, 4, 4, 3, 4, 3, 4, 3, 4, 4, 3, 4, 3, 4, 3, 4, 4, 3, 4, 3, 4,
            3, 4, 4, 3, 4, 3, 4, 3, 4, 4, 3, 4, 1);
  }

  @Test
  void equalQuantilesMergeIntoFewerBinsAndAConstantColumnHasOne() {
    NumericProfile steps =
        NumericProfile.reference(
            new double[] {1, 1, 1, 1, 1, 1, 1, 2, 3, 3}, ProfileOptions.DEFAULTS);
    // np.unique(np.quantile([1,1,1,1,1,1,1,2,3,3], np.linspace(0,1,11))) -> [1, 1.3, 2.2, 3]
    assertThat(steps.edges()).containsExactly(new double[] {1, 1.3, 2.2, 3}, within(1e-12));
    assertThat(steps.counts()).containsExactly(0, 7, 1, 2, 0);

    NumericProfile constant =
        NumericProfile.reference(new double[] {4, 4, 4}, ProfileOptions.DEFAULTS);
    assertThat(constant.edges()).containsExactly(4.0);
    assertThat(constant.counts()).containsExactly(0, 3, 0);
    assertThat(constant.std()).isZero();
    NumericAccumulator window = new NumericAccumulator(constant, 1);
    window.addAll(new double[] {3.9, 4, 4.1}, 0, 3);
    assertThat(window.snapshot().counts()).containsExactly(1, 1, 1);
  }

  @Test
  void nanInfinityAndNullCountAsMissingOnly() {
    NumericProfile reference =
        NumericProfile.reference(
            new double[] {1, Double.NaN, 2, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY},
            ProfileOptions.DEFAULTS);
    assertThat(reference.missing()).isEqualTo(3);
    assertThat(reference.count()).isEqualTo(3);
    assertThat(reference.mean()).isEqualTo(2.0);
    assertThat(reference.sample()).containsExactlyInAnyOrder(1, 2, 3);

    NumericAccumulator window = new NumericAccumulator(reference, 1);
    window.add(Double.NaN);
    window.addMissing();
    window.add(2);
    NumericProfile snapshot = window.snapshot();
    assertThat(snapshot.missing()).isEqualTo(2);
    assertThat(snapshot.count()).isEqualTo(1);
    assertThat(snapshot.rows()).isEqualTo(3);
    assertThat(snapshot.sample()).containsExactly(2.0);

    assertThatThrownBy(
            () -> NumericProfile.reference(new double[] {Double.NaN}, ProfileOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none finite");
  }

  @Test
  void anEmptyWindowHasZeroMomentsAndNoSample() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    NumericProfile empty = new NumericAccumulator(reference, 1).snapshot();
    assertThat(empty.count()).isZero();
    assertThat(empty.mean()).isZero();
    assertThat(empty.std()).isZero();
    assertThat(empty.sample()).isEmpty();
  }

  @Test
  void theReservoirIsBoundedUniformAndReproducible() {
    NumericProfile reference =
        NumericProfile.reference(new double[] {0, 100_000}, ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, 2000, 11);
    NumericAccumulator again = new NumericAccumulator(reference, 2000, 11);
    for (int i = 0; i < 100_000; i++) {
      window.add(i);
      again.add(i);
    }
    double[] sample = window.snapshot().sample();
    assertThat(sample).hasSize(2000);
    assertThat(Arrays.stream(sample).distinct().count()).isEqualTo(2000);
    assertThat(Arrays.stream(sample).allMatch(v -> v >= 0 && v < 100_000 && v == Math.rint(v)))
        .isTrue();
    assertThat(again.snapshot().sample()).containsExactly(sample);
    // Uniform: each tenth of the input gives about a tenth of the sample (binomial sd ~13).
    int[] tenths = new int[10];
    for (double v : sample) {
      tenths[(int) (v / 10_000)]++;
    }
    assertThat(Arrays.stream(tenths).boxed().toList()).allMatch(c -> c > 140 && c < 260);
  }

  @Test
  void mergingWindowsEqualsProfilingTheirUnion() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    double[] first = {-2, 0.5, 1.5, Double.NaN, 3.3, 7.9, 8.0, 12};
    double[] second = {2.2, 2.2, 4.4, 5.5, Double.POSITIVE_INFINITY, 6.6};
    NumericAccumulator a = new NumericAccumulator(reference, 100, 1);
    a.addAll(first, 0, first.length);
    NumericAccumulator b = new NumericAccumulator(reference, 100, 2);
    b.addAll(second, 0, second.length);
    NumericAccumulator union = new NumericAccumulator(reference, 100, 3);
    union.addAll(first, 0, first.length);
    union.addAll(second, 0, second.length);

    NumericAccumulator merged = new NumericAccumulator(reference, 100, 4);
    merged.merge(a.snapshot());
    merged.merge(b.snapshot());
    NumericProfile m = merged.snapshot();
    NumericProfile u = union.snapshot();
    assertThat(m.counts()).containsExactly(u.counts());
    assertThat(m.missing()).isEqualTo(u.missing()).isEqualTo(2);
    assertThat(m.mean()).isCloseTo(u.mean(), within(1e-12));
    assertThat(m.std()).isCloseTo(u.std(), within(1e-12));
    assertThat(m.sample()).containsExactlyInAnyOrder(u.sample());
  }

  @Test
  void mergedSamplesOfLargeWindowsStayBoundedAndDrawFromEachInProportion() {
    NumericProfile reference =
        NumericProfile.reference(new double[] {0, 1}, ProfileOptions.DEFAULTS);
    NumericAccumulator a = new NumericAccumulator(reference, 1000, 1);
    NumericAccumulator b = new NumericAccumulator(reference, 1000, 2);
    for (int i = 0; i < 30_000; i++) {
      a.add(0.25); // 30,000 values of A
      if (i < 10_000) {
        b.add(0.75); // 10,000 values of B
      }
    }
    NumericAccumulator view = new NumericAccumulator(reference, 1000, 3);
    view.merge(a.snapshot());
    view.merge(b.snapshot());
    double[] sample = view.snapshot().sample();
    assertThat(sample).hasSize(1000);
    long fromA = Arrays.stream(sample).filter(v -> v == 0.25).count();
    // Hypergeometric: 750 expected of A's, sd ~14.
    assertThat(fromA).isBetween(690L, 810L);
    assertThat(view.count()).isEqualTo(40_000);
    // The merged view keeps sampling: 40,000 more values of 0.5 take about half the sample.
    for (int i = 0; i < 40_000; i++) {
      view.add(0.5);
    }
    long fresh = Arrays.stream(view.snapshot().sample()).filter(v -> v == 0.5).count();
    assertThat(fresh).isBetween(440L, 560L);
  }

  @Test
  void windowsOfAnotherReferenceDoNotMerge() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    NumericProfile other =
        NumericProfile.reference(new double[] {1, 2, 3}, ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, 1);
    assertThatThrownBy(() -> window.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same reference");
  }

  @Test
  void addingValuesAllocatesNothing() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, 2000, 5);
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7919 % 1000) / 100.0;
    }
    for (int round = 0; round < 200; round++) {
      window.addAll(values, 0, values.length); // warm up: fills the reservoir, compiles add
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int round = 0; round < 1000; round++) {
      window.addAll(values, 0, values.length);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // One million values; the measuring call itself may allocate a few hundred bytes.
    assertThat(allocated).isLessThan(4096);
    assertThat(window.count()).isEqualTo(1_200_000);
  }

  @Test
  void resetStartsAnEmptyWindow() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, 4, 5);
    window.addAll(twentyFive(), 0, 25);
    window.addMissing();
    window.reset();
    window.add(1.0);
    NumericProfile snapshot = window.snapshot();
    assertThat(snapshot.count()).isEqualTo(1);
    assertThat(snapshot.missing()).isZero();
    assertThat(snapshot.mean()).isEqualTo(1.0);
    assertThat(snapshot.sample()).containsExactly(1.0);
  }

  @Test
  void profilesRoundTripThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ColumnProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    String text = json.writeValueAsString(reference);
    assertThat(text).contains("\"kind\":\"numeric\"", "\"edges\":[0.0,");
    assertThat(json.readValue(text, ColumnProfile.class)).isEqualTo(reference);
  }

  @Test
  void snapshotsAreImmutable() {
    NumericProfile reference = NumericProfile.reference(twentyFive(), ProfileOptions.DEFAULTS);
    reference.counts()[1] = 99;
    reference.sample()[0] = 99;
    reference.edges()[0] = -99;
    assertThat(reference.counts()[1]).isEqualTo(3);
    assertThat(reference.edges()[0]).isZero();
    assertThat(reference.sample()).doesNotContain(99.0);
  }
}
