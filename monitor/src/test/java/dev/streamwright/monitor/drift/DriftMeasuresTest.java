package dev.streamwright.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each measure against numbers computed independently with scipy 1.17 / numpy 2.4 (the snippet
 * above each expected value), and the identities: identical distributions give 0 or p = 1.
 */
class DriftMeasuresTest {

  private static final long[] REF = {0, 10, 20, 30, 40, 0};
  private static final long[] CUR = {5, 15, 25, 25, 30, 0};

  @Test
  void psiMatchesNumpyWithEmptySharesSmoothed() {
    // def psi(r, c):
    //     p = r / r.sum(); q = c / c.sum()
    //     p = np.where(p == 0, 0.0001, p); q = np.where(q == 0, 0.0001, q)
    //     return np.sum((q - p) * np.log(q / p))
    // psi(np.array([0,10,20,30,40,0.]), np.array([5,15,25,25,30,0.])) -> 0.37942366216726187
    assertThat(DriftMeasures.psi(REF, CUR)).isCloseTo(0.37942366216726187, within(1e-12));
  }

  @Test
  void psiOfEverythingInTheOverflowBin() {
    // psi(np.array([0,10,10,10,10,0.]), np.array([0,0,0,0,0,50.])) -> 17.030335730390934
    assertThat(DriftMeasures.psi(new long[] {0, 10, 10, 10, 10, 0}, new long[] {0, 0, 0, 0, 0, 50}))
        .isCloseTo(17.030335730390934, within(1e-9));
  }

  @Test
  void psiIsZeroForEqualSharesWhateverTheTotals() {
    assertThat(DriftMeasures.psi(new long[] {0, 10, 20, 0}, new long[] {0, 20, 40, 0})).isZero();
  }

  @Test
  void jensenShannonMatchesScipyInBaseTwo() {
    // scipy.spatial.distance.jensenshannon([0,10,20,30,40,0], [5,15,25,25,30,0], base=2)
    //   -> 0.1935223668246526
    assertThat(DriftMeasures.jensenShannon(REF, CUR)).isCloseTo(0.1935223668246526, within(1e-12));
    // jensenshannon([1,1,0], [0,1,1], base=2) -> 0.7071067811865476
    assertThat(DriftMeasures.jensenShannon(new long[] {1, 1, 0}, new long[] {0, 1, 1}))
        .isCloseTo(0.7071067811865476, within(1e-12));
    // jensenshannon([0,10,10,10,10,0], [0,0,0,0,0,50], base=2) -> 1.0 (disjoint)
    assertThat(
            DriftMeasures.jensenShannon(
                new long[] {0, 10, 10, 10, 10, 0}, new long[] {0, 0, 0, 0, 0, 50}))
        .isCloseTo(1.0, within(1e-12));
    assertThat(DriftMeasures.jensenShannon(new long[] {3, 0, 7}, new long[] {30, 0, 70})).isZero();
  }

  @Test
  void ksPValueIsExactForSmallSamples() {
    // stats.ks_2samp([0.1,0.5,0.9,1.3,2.2,3.1,0.7], [1.5,2.5,3.5,0.2,4.1], method='exact').pvalue
    //   -> 0.3282828282828283
    double[] a = {0.1, 0.5, 0.9, 1.3, 2.2, 3.1, 0.7};
    double[] b = {1.5, 2.5, 3.5, 0.2, 4.1};
    assertThat(DriftMeasures.ksPValue(a, b)).isCloseTo(0.3282828282828283, within(1e-12));
  }

  @Test
  void ksPValueIsAsymptoticForLargeSamples() {
    // a = np.arange(120)/120; b = (np.arange(100)/100)**2
    // d = stats.ks_2samp(a, b).statistic                       -> 0.25833333333333336
    // stats.kstwobign.sf(d * np.sqrt(120*100/220))             -> 0.001377953501994207
    // (scipy's own 'auto' takes the exact distribution here: 0.00109; both say drift)
    double[] a = new double[120];
    double[] b = new double[100];
    for (int i = 0; i < a.length; i++) {
      a[i] = i / 120.0;
    }
    for (int j = 0; j < b.length; j++) {
      b[j] = (j / 100.0) * (j / 100.0);
    }
    assertThat(DriftMeasures.ksPValue(a, b)).isCloseTo(0.001377953501994207, within(1e-9));
  }

  @Test
  void ksPValueOfIdenticalSamplesIsOneEvenWithTies() {
    // stats.ks_2samp([1,2,2,3,4,5], [1,2,2,3,4,5,5]).pvalue -> 1.0
    assertThat(
            DriftMeasures.ksPValue(
                new double[] {1, 2, 2, 3, 4, 5}, new double[] {1, 2, 2, 3, 4, 5, 5}))
        .isCloseTo(1.0, within(1e-12));
    double[] constant = {7, 7, 7, 7, 7};
    assertThat(DriftMeasures.ksPValue(constant, new double[] {7, 7, 7})).isEqualTo(1.0);
  }

  @Test
  void wassersteinMatchesScipy() {
    // stats.wasserstein_distance([0,1,1,2.5,4], [1.5,2,3]) -> 0.9333333333333333
    double[] a = {0.0, 1.0, 1.0, 2.5, 4.0};
    double[] b = {1.5, 2.0, 3.0};
    assertThat(DriftMeasures.wasserstein(a, b)).isCloseTo(0.9333333333333333, within(1e-12));
    // stats.wasserstein_distance([0,1,3], [5,6,8]) -> 5.0
    assertThat(DriftMeasures.wasserstein(new double[] {0, 1, 3}, new double[] {5, 6, 8}))
        .isCloseTo(5.0, within(1e-12));
    // stats.wasserstein_distance(x, [1.5,2,3]) / max(np.std(x), 0.001) -> 0.6666666666666667
    assertThat(DriftMeasures.wassersteinNormalised(a, b, 1.4))
        .isCloseTo(0.6666666666666667, within(1e-12));
    assertThat(DriftMeasures.wasserstein(new double[] {3, 1, 2}, new double[] {2, 3, 1, 1, 2, 3}))
        .isZero();
  }

  @Test
  void wassersteinOverAConstantReferenceUsesTheStdFloor() {
    // A constant reference has std 0: the distance is divided by 0.001.
    assertThat(DriftMeasures.wassersteinNormalised(new double[] {5, 5}, new double[] {5.5}, 0))
        .isCloseTo(500, within(1e-9));
    assertThat(DriftMeasures.wassersteinNormalised(new double[] {5, 5}, new double[] {5}, 0))
        .isZero();
  }

  @Test
  void chiSquaredIsTheHomogeneityTestOfScipy() {
    // stats.chi2_contingency([[10,20,30,0],[12,18,25,5]], correction=False).pvalue
    //   -> 0.12488007668891028 (the last category is unseen in the reference)
    assertThat(
            DriftMeasures.chiSquaredPValue(new long[] {10, 20, 30, 0}, new long[] {12, 18, 25, 5}))
        .isCloseTo(0.12488007668891028, within(1e-9));
    // stats.chi2_contingency([[50,30,20],[40,30,30]], correction=False).pvalue ->
    // 0.2110720877910903
    assertThat(DriftMeasures.chiSquaredPValue(new long[] {50, 30, 20}, new long[] {40, 30, 30}))
        .isCloseTo(0.2110720877910903, within(1e-9));
  }

  @Test
  void chiSquaredOfEqualSharesIsOneAndIgnoresCategoriesSeenNowhere() {
    assertThat(DriftMeasures.chiSquaredPValue(new long[] {10, 0, 20}, new long[] {20, 0, 40}))
        .isCloseTo(1.0, within(1e-12));
    assertThat(DriftMeasures.chiSquaredPValue(new long[] {0, 10}, new long[] {0, 3}))
        .isEqualTo(1.0);
  }

  @Test
  void anEmptySideGivesNaNAndKsNeedsTwoValues() {
    long[] none = new long[REF.length];
    assertThat(DriftMeasures.psi(REF, none)).isNaN();
    assertThat(DriftMeasures.jensenShannon(none, CUR)).isNaN();
    assertThat(DriftMeasures.chiSquaredPValue(REF, none)).isNaN();
    assertThat(DriftMeasures.ksPValue(new double[] {1, 2}, new double[0])).isNaN();
    assertThat(DriftMeasures.ksPValue(new double[] {1, 2}, new double[] {3})).isNaN();
    assertThat(DriftMeasures.wasserstein(new double[0], new double[] {1})).isNaN();
  }

  @Test
  void binsOfDifferentLengthAreRefused() {
    assertThatThrownBy(() -> DriftMeasures.psi(REF, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same reference");
  }
}
