package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.plugin.onnx.tap.CategoricalWindow;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging tap windows over subtasks and over the last windows. */
class ColumnHistoryTest {

  private static final long MINUTE = 60_000;

  static NumericWindow numeric(long start, long missing, double... values) {
    double sum = Arrays.stream(values).sum();
    double sq = Arrays.stream(values).map(v -> v * v).sum();
    double min = Arrays.stream(values).min().orElse(Double.POSITIVE_INFINITY);
    double max = Arrays.stream(values).max().orElse(Double.NEGATIVE_INFINITY);
    return new NumericWindow(start, MINUTE, values.length, missing, sum, sq, min, max, values);
  }

  @Test
  void twoSubtasksOfOneWindowMergeExactly() {
    ColumnHistory h = new ColumnHistory(1);
    h.add("0", numeric(0, 1, 1, 2, 3));
    assertThat(h.lastWindow()).as("one subtask has not reported yet").isPresent();
    h.add("1", numeric(0, 0, 4, 5));

    NumericSummary s = (NumericSummary) h.lastWindow().orElseThrow().summary();
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.missing()).isEqualTo(1);
    // numpy: np.mean([1,2,3,4,5]) = 3.0, np.std([1,2,3,4,5]) = 1.4142135623730951
    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.std()).isCloseTo(1.4142135623730951, within(1e-12));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(5);
    double[] sample = s.sample();
    Arrays.sort(sample);
    assertThat(sample).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aWindowReadTwiceIsMergedOnce() {
    ColumnHistory h = new ColumnHistory(1);
    assertThat(h.add("0", numeric(0, 0, 1, 2))).isTrue();
    assertThat(h.add("0", numeric(0, 0, 1, 2))).isFalse();
    assertThat(h.lastWindow().orElseThrow().summary().count()).isEqualTo(2);
  }

  @Test
  void theLastCompleteWindowWaitsForTheSlowestSubtask() {
    ColumnHistory h = new ColumnHistory(1);
    h.add("0", numeric(0, 0, 1));
    h.add("1", numeric(0, 0, 2));
    h.add("0", numeric(MINUTE, 0, 10));
    assertThat(h.lastComplete()).isEqualTo(0);
    assertThat(h.lastWindow().orElseThrow().summary().count()).isEqualTo(2);
    h.add("1", numeric(MINUTE, 0, 20, 30));
    assertThat(h.lastComplete()).isEqualTo(MINUTE);
    assertThat(((NumericSummary) h.lastWindow().orElseThrow().summary()).sum()).isEqualTo(60);
    ColumnHistory.Window view = h.view().orElseThrow();
    assertThat(view.windows()).isEqualTo(2);
    assertThat(view.summary().count()).isEqualTo(5);
    assertThat(view.start()).isEqualTo(0);
    assertThat(view.length()).isEqualTo(2 * MINUTE);
  }

  @Test
  void theViewKeepsFifteenWindowsAndTheHourTheBlocksBefore() {
    ColumnHistory h = new ColumnHistory(1);
    // 70 windows of one value each: window i holds the value i.
    for (int i = 0; i < 70; i++) {
      h.add("0", numeric(i * MINUTE, 0, i));
    }
    ColumnHistory.Window view = h.view().orElseThrow();
    assertThat(view.windows()).isEqualTo(15);
    assertThat(view.start()).isEqualTo(55 * MINUTE);
    // sum(range(55, 70)) = 930
    assertThat(((NumericSummary) view.summary()).sum()).isEqualTo(930);
    // Windows 0..54 left the view: blocks 0-14, 15-29, 30-44 are full, 45-54 fills the next.
    // The hour: the view, the filling block and the two newest full blocks = 15 + 10 + 30.
    ColumnHistory.Window hour = h.lastHour().orElseThrow();
    assertThat(hour.windows()).isEqualTo(55);
    assertThat(hour.start()).isEqualTo(15 * MINUTE);
    assertThat(hour.summary().count()).isEqualTo(55);
    // sum(range(15, 70)) = 2310
    assertThat(((NumericSummary) hour.summary()).sum()).isEqualTo(2310);
    assertThat(((NumericSummary) hour.summary()).min()).isEqualTo(15);
  }

  @Test
  void categoricalWindowsAddTheirCounts() {
    ColumnHistory h = new ColumnHistory(1);
    h.add("0", new CategoricalWindow(0, MINUTE, 5, 1, 1, Map.of("a", 3L, "b", 1L)));
    h.add("1", new CategoricalWindow(0, MINUTE, 4, 0, 0, Map.of("b", 2L, "c", 2L)));
    CategoricalSummary s = (CategoricalSummary) h.lastWindow().orElseThrow().summary();
    assertThat(s.counts())
        .containsExactly(Map.entry("a", 3L), Map.entry("b", 3L), Map.entry("c", 2L));
    assertThat(s.other()).isEqualTo(1);
    assertThat(s.count()).isEqualTo(9);
    assertThat(s.missing()).isEqualTo(1);
  }

  @Test
  void aWindowOfTheOtherKindIsAProblemNotAMerge() {
    ColumnHistory h = new ColumnHistory(1);
    h.add("0", numeric(0, 0, 1));
    assertThat(h.add("1", new CategoricalWindow(0, MINUTE, 1, 0, 0, Map.of("a", 1L)))).isFalse();
    assertThat(h.problem()).contains("categorical window for a numeric column");
    assertThat(h.lastWindow().orElseThrow().summary().count()).isEqualTo(1);
  }

  @Test
  void mergedSamplesStayBoundedAndUniform() {
    // Two subtasks with 1,000,000 values each, 2,000 sampled: values 0..1999 and 10000..11999.
    double[] low = new double[2000];
    double[] high = new double[2000];
    for (int i = 0; i < 2000; i++) {
      low[i] = i;
      high[i] = 10_000 + i;
    }
    NumericSummary s = new NumericSummary(2000, 7);
    s.add(new NumericWindow(0, MINUTE, 1_000_000, 0, 0, 0, 0, 1999, low));
    s.add(new NumericWindow(0, MINUTE, 3_000_000, 0, 0, 0, 10_000, 11_999, high));
    double[] sample = s.sample();
    assertThat(sample).hasSize(2000);
    long fromHigh = Arrays.stream(sample).filter(v -> v >= 10_000).count();
    // Hypergeometric: 2000 draws, 3/4 from the larger side; std = sqrt(2000 * .75 * .25) ~ 19.4.
    assertThat(fromHigh).isBetween(1500L - 100, 1500L + 100);
  }
}
