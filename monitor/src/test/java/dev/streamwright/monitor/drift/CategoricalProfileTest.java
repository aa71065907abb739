package dev.streamwright.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Categorical profiles: top categories and other, unseen categories, nulls, merging, JSON. */
class CategoricalProfileTest {

  private static List<String> repeat(String value, int times) {
    return new ArrayList<>(java.util.Collections.nCopies(times, value));
  }

  @Test
  void theReferenceKeepsTheTopCategoriesAndCountsTheRestAsOther() {
    List<String> values = new ArrayList<>();
    for (int c = 0; c < 60; c++) {
      values.addAll(repeat("c" + c, 100 - c)); // c0 most frequent
    }
    values.add(null);
    CategoricalProfile reference = CategoricalProfile.reference(values, ProfileOptions.DEFAULTS);
    assertThat(reference.categories()).hasSize(50).startsWith("c0", "c1").endsWith("c49");
    // Other: c50..c59, 50 + 49 + ... + 41 = 455
    assertThat(reference.counts()[50]).isEqualTo(455);
    assertThat(reference.counts()[0]).isEqualTo(100);
    assertThat(reference.missing()).isEqualTo(1);
    assertThat(reference.count()).isEqualTo(values.size() - 1);
  }

  @Test
  void tiesInCountAreOrderedByName() {
    CategoricalProfile reference =
        CategoricalProfile.reference(List.of("b", "a", "c", "c"), ProfileOptions.DEFAULTS);
    assertThat(reference.categories()).containsExactly("c", "a", "b");
    assertThat(reference.counts()).containsExactly(2, 1, 1, 0);
  }

  @Test
  void aCategoryUnseenInTheReferenceCountsAsOtherAndDrivesChiSquared() {
    List<String> ref = new ArrayList<>();
    ref.addAll(repeat("visa", 10));
    ref.addAll(repeat("mastercard", 20));
    ref.addAll(repeat("amex", 30));
    CategoricalProfile reference = CategoricalProfile.reference(ref, ProfileOptions.DEFAULTS);
    assertThat(reference.categories()).containsExactly("amex", "mastercard", "visa");

    CategoricalAccumulator window = new CategoricalAccumulator(reference);
    repeat("visa", 12).forEach(window::add);
    repeat("mastercard", 18).forEach(window::add);
    repeat("amex", 25).forEach(window::add);
    repeat("crypto", 5).forEach(window::add);
    window.add(null);
    CategoricalProfile current = window.snapshot();
    assertThat(current.counts()).containsExactly(25, 18, 12, 5);
    assertThat(current.missing()).isEqualTo(1);
    // stats.chi2_contingency([[30,20,10,0],[25,18,12,5]], correction=False).pvalue
    //   -> 0.12488007668891028 (columns in another order than DriftMeasuresTest: same table)
    ColumnDrift drift = DriftCalculator.column("card", reference, current, DriftMethod.CHI_SQUARED);
    assertThat(drift.value()).isCloseTo(0.12488007668891028, within(1e-9));
    assertThat(drift.status()).isEqualTo(DriftStatus.NO_DRIFT);
    // The unseen category's bin is empty in the reference: PSI smooths it, JS needs nothing.
    assertThat(drift.measure(DriftMethod.PSI).value()).isFinite().isPositive();
    assertThat(drift.measure(DriftMethod.JENSEN_SHANNON).value()).isBetween(0.0, 1.0);
  }

  @Test
  void mergingWindowsEqualsProfilingTheirUnion() {
    CategoricalProfile reference =
        CategoricalProfile.reference(List.of("a", "b", "b", "c"), ProfileOptions.DEFAULTS);
    List<String> first = Arrays.asList("a", "a", "z", null, "b");
    List<String> second = Arrays.asList("c", "y", "b", null);
    CategoricalAccumulator a = new CategoricalAccumulator(reference);
    first.forEach(a::add);
    CategoricalAccumulator b = new CategoricalAccumulator(reference);
    second.forEach(b::add);
    CategoricalAccumulator union = new CategoricalAccumulator(reference);
    first.forEach(union::add);
    second.forEach(union::add);
    CategoricalAccumulator merged = new CategoricalAccumulator(reference);
    merged.merge(a.snapshot());
    merged.merge(b.snapshot());
    assertThat(merged.snapshot()).isEqualTo(union.snapshot());
    assertThat(union.snapshot().counts()).containsExactly(2, 2, 1, 2);

    CategoricalProfile other = CategoricalProfile.reference(List.of("x"), ProfileOptions.DEFAULTS);
    assertThatThrownBy(() -> merged.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same reference");
  }

  @Test
  void profilesRoundTripThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ColumnProfile reference =
        CategoricalProfile.reference(Arrays.asList("a", "b", "b", null), ProfileOptions.DEFAULTS);
    String text = json.writeValueAsString(reference);
    assertThat(text)
        .isEqualTo(
            "{\"kind\":\"categorical\",\"categories\":[\"b\",\"a\"],\"counts\":[2,1,0],\"missing\":1}");
    assertThat(json.readValue(text, ColumnProfile.class)).isEqualTo(reference);
  }
}
