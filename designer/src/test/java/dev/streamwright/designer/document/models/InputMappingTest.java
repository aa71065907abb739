package dev.streamwright.designer.document.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.models.ModelDetails.Slot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping editor's picks as the Model score node's inputs value, and back. */
class InputMappingTest {

  private static final List<Slot> FRAUD =
      List.of(new Slot("amount", 0, 1), new Slot("amount_ratio", 0, 1));

  private static final List<Slot> MATRIX =
      List.of(new Slot("x", 0, 3), new Slot("x", 1, 3), new Slot("x", 2, 3));

  @Test
  void onlyPickedSingleValueSlotsAreStored() {
    assertThat(InputMapping.value(FRAUD, Arrays.asList(null, "ratio"), null))
        .isEqualTo(List.of(Map.of("input", "amount_ratio", "column", "ratio")));
    assertThat(InputMapping.value(FRAUD, Arrays.asList(null, null), null)).isNull();
  }

  @Test
  void aMatrixInputIsStoredWholeInOrderOnceAnyValueIsPicked() {
    assertThat(InputMapping.value(MATRIX, Arrays.asList(null, "b", null), null))
        .isEqualTo(
            List.of(
                Map.of("input", "x"), Map.of("input", "x", "column", "b"), Map.of("input", "x")));
  }

  @Test
  void recordsOfInputsTheModelLacksAreKept() {
    Object previous = List.of(Map.of("input", "velocity", "column", "v"));
    assertThat(InputMapping.value(FRAUD, Arrays.asList("amt", null), previous))
        .isEqualTo(
            List.of(
                Map.of("input", "amount", "column", "amt"),
                Map.of("input", "velocity", "column", "v")));
  }

  @Test
  void readsEachSlotsColumnBackFromTheValue() {
    Object value =
        List.of(
            Map.of("input", "x", "column", "c"),
            Map.of("input", "x"),
            Map.of("input", "x", "column", "a"),
            Map.of("input", "amount_ratio", "column", "ratio"));
    assertThat(InputMapping.columns(MATRIX, value)).containsExactly("c", null, "a");
    assertThat(InputMapping.columns(FRAUD, value)).containsExactly(null, "ratio");
    assertThat(InputMapping.columns(FRAUD, null)).containsExactly(null, null);
  }
}
