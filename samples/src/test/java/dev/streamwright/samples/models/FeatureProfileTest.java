package dev.streamwright.samples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reference profiles, checked against bins and moments worked out by hand. */
class FeatureProfileTest {

  @Test
  void tenQuantileBinsOfDistinctValuesHoldATenthEach() {
    double[] values = IntStream.rangeClosed(1, 20).mapToDouble(i -> 21 - i).toArray();

    FeatureProfile p = FeatureProfile.of(values);

    // Edge j is the value at rank 2j of 1..20, i.e. 2j + 1; the last bin includes the maximum.
    assertThat(p.edges()).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20);
    assertThat(p.counts()).containsOnly(2).hasSize(10);
    assertThat(p.proportions()).containsOnly(0.1);
  }

  @Test
  void repeatedQuantilesOfADiscreteColumnMergeSoNoBinIsEmpty() {
    double[] values = {0, 0, 3, 0, 0, 1, 0, 2, 0, 0};

    FeatureProfile p = FeatureProfile.of(values);

    assertThat(p.edges()).containsExactly(0, 1, 2, 3);
    assertThat(p.counts()).containsExactly(7, 1, 2);
    assertThat(p.proportions()).containsExactly(0.7, 0.1, 0.2);
  }

  @Test
  void meanAndStdArePopulationMoments() {
    FeatureProfile p = FeatureProfile.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});

    assertThat(p.count()).isEqualTo(8);
    assertThat(p.mean()).isEqualTo(5);
    assertThat(p.std()).isCloseTo(2, within(1e-15));
    assertThat(p.min()).isEqualTo(2);
    assertThat(p.max()).isEqualTo(9);
  }

  @Test
  void aConstantColumnIsOneBinOfWidthZero() {
    FeatureProfile p = FeatureProfile.of(new double[] {5, 5, 5});

    assertThat(p.edges()).containsExactly(5, 5);
    assertThat(p.counts()).containsExactly(3);
    assertThat(p.std()).isZero();
  }
}
