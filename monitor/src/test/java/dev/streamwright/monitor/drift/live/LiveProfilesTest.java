package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.plugin.onnx.tap.CategoricalWindow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merged windows as profiles against a reference, and as a reference. */
class LiveProfilesTest {

  private static final NumericProfile REFERENCE =
      new NumericProfile(
          new double[] {0, 10, 20}, new long[] {0, 50, 50, 0}, 0, 10, 5, new double[0]);

  @Test
  void aSampleIsBinnedIntoTheReferenceEdgesAndScaledToTheExactCount() {
    NumericSummary w = new NumericSummary(5, 1);
    // 10 values seen, 5 of them sampled: one under, two in [0, 10), one in [10, 20], one over.
    w.add(
        new dev.streamwright.plugin.onnx.tap.NumericWindow(
            0, 60_000, 10, 2, 100, 2000, -1, 25, new double[] {-1, 5, 5, 15, 25}));
    NumericProfile p = (NumericProfile) LiveProfiles.against(REFERENCE, w);
    assertThat(p.edges()).containsExactly(0, 10, 20);
    assertThat(p.counts()).containsExactly(2, 4, 2, 2);
    assertThat(p.missing()).isEqualTo(2);
    assertThat(p.mean()).isEqualTo(10); // 100 / 10, exact from the window's sum
    // std: sqrt(2000 / 10 - 10^2) = 10
    assertThat(p.std()).isEqualTo(10);
  }

  @Test
  void scalingGivesTheRemainderToTheLargestFractions() {
    // 5 sampled of 7: exact shares [1.4, 2.8, 1.4, 1.4] -> floors [1, 2, 1, 1] + 2 left: bin 1
    // (0.8), then the lowest of the ties at 0.4, bin 0.
    assertThat(LiveProfiles.scaled(new long[] {1, 2, 1, 1}, 5, 7)).containsExactly(2, 3, 1, 1);
    assertThat(LiveProfiles.scaled(new long[] {0, 0}, 0, 7)).containsExactly(0, 0);
  }

  @Test
  void categoriesTheReferenceDoesNotKeepCountAsOther() {
    CategoricalProfile ref = new CategoricalProfile(List.of("a", "b"), new long[] {5, 5, 0}, 0);
    CategoricalSummary w = new CategoricalSummary(10);
    w.add(new CategoricalWindow(0, 60_000, 7, 1, 1, Map.of("a", 2L, "c", 4L)));
    CategoricalProfile p = (CategoricalProfile) LiveProfiles.against(ref, w);
    assertThat(p.categories()).containsExactly("a", "b");
    assertThat(p.counts()).containsExactly(2, 0, 5);
    assertThat(p.missing()).isEqualTo(1);
  }

  @Test
  void aReferenceOfAnotherKindSaysWhatToDo() {
    CategoricalSummary w = new CategoricalSummary(10);
    assertThatThrownBy(() -> LiveProfiles.against(REFERENCE, w))
        .hasMessageContaining("the reference is numeric but the tap sends categorical windows");
  }

  @Test
  void aFrozenCategoricalWindowKeepsTheMostFrequentCategories() {
    CategoricalSummary w = new CategoricalSummary(10);
    w.add(new CategoricalWindow(0, 60_000, 6, 0, 0, Map.of("a", 1L, "b", 3L, "c", 2L)));
    CategoricalProfile p =
        (CategoricalProfile) LiveProfiles.reference(w, new ProfileOptions(10, 2, 100, 100, 1));
    assertThat(p.categories()).containsExactly("b", "c");
    assertThat(p.counts()).containsExactly(3, 2, 1);
  }
}
