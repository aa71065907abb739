package dev.streamwright.plugin.onnx.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TapWireTest {

  @Test
  void aNumericWindowReadsBackEqual() {
    NumericWindow w =
        new NumericWindow(120_000, 60_000, 3, 1, 6.5, 17.25, 1.0, 3.5, new double[] {1.0, 3.5});
    String text = TapWire.encode(w);
    assertThat(text).isEqualTo("N|120000|60000|3|1|6.5|17.25|1.0|3.5|1.0,3.5");
    assertThat(TapWire.decode(text)).contains(w);
  }

  @Test
  void sampleValuesTravelAsTheirFloat() {
    NumericWindow w = new NumericWindow(0, 1000, 1, 0, 0.1, 0.01, 0.1, 0.1, new double[] {0.1});
    NumericWindow back = (NumericWindow) TapWire.decode(TapWire.encode(w)).orElseThrow();
    assertThat(back.sample()).containsExactly((double) 0.1f);
    assertThat(back.sum()).isEqualTo(0.1);
  }

  @Test
  void anEmptyWindowHasNoSampleAndInfiniteExtremes() {
    NumericWindow w =
        new NumericWindow(
            0, 1000, 0, 4, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new double[0]);
    assertThat(TapWire.decode(TapWire.encode(w))).contains(w);
  }

  @Test
  void categoriesWithSeparatorsSurvive() {
    CategoricalWindow w =
        new CategoricalWindow(5000, 5000, 6, 0, 1, Map.of("a|b", 2L, "x=1,y", 1L, "é ü", 2L));
    String text = TapWire.encode(w);
    assertThat(text.split("\\|")).hasSize(7);
    assertThat(TapWire.decode(text)).contains(w);
  }

  @Test
  void noWindowYetIsEmpty() {
    assertThat(TapWire.decode(TapWire.NONE)).isEmpty();
    assertThat(TapWire.decode(null)).isEmpty();
  }

  @Test
  void foreignTextIsRefusedWithWhatWasWrong() {
    assertThatThrownBy(() -> TapWire.decode("X|1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown kind 'X'");
    assertThatThrownBy(() -> TapWire.decode("N|0|1000|1|0|1"))
        .hasMessageContaining("10 fields expected, found 6");
    assertThatThrownBy(() -> TapWire.decode("C|0|1000|3|0|0|a=1"))
        .hasMessageContaining("do not add up to 3");
    assertThatThrownBy(() -> TapWire.decode("N|7|1000|0|0|0|0|0|0|"))
        .hasMessageContaining("cannot start at 7");
  }
}
