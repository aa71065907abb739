package dev.streamwright.monitor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The chart's point reducer keeps every column's lowest and highest point, in time order. */
class EnvelopeReducerTest {

  private static final double WIDTH = 4;

  /** Fifteen minutes of a noisy rate with spikes, at 1.7 px per second as on a wide chart. */
  private static double[][] series(int n, long seed) {
    Random random = new Random(seed);
    double[] xs = new double[n];
    double[] ys = new double[n];
    double y = 500;
    for (int i = 0; i < n; i++) {
      xs[i] = 60 + i * 1.7;
      y += random.nextGaussian() * 20;
      ys[i] = random.nextInt(50) == 0 ? y - 300 : y; // an occasional one-second spike
    }
    return new double[][] {xs, ys};
  }

  private static int reduce(double[] xs, double[] ys) {
    boolean[] selected = new boolean[xs.length];
    String[] styles = new String[xs.length];
    return new EnvelopeReducer(WIDTH)
        .reducePoints(xs, ys, null, null, null, null, styles, selected, 0, xs.length);
  }

  @Test
  void keepsEveryColumnsLowestAndHighestPointAndDropsTheRest() {
    double[][] s = series(900, 7);
    double[] xs = s[0].clone();
    double[] ys = s[1].clone();
    // The envelope of the input: per column of WIDTH pixels, its lowest and highest value.
    TreeMap<Double, double[]> envelope = new TreeMap<>();
    for (int i = 0; i < xs.length; i++) {
      double column = Math.floor(xs[i] / WIDTH);
      double[] lh = envelope.computeIfAbsent(column, c -> new double[] {1e300, -1e300});
      lh[0] = Math.min(lh[0], ys[i]);
      lh[1] = Math.max(lh[1], ys[i]);
    }

    int n = reduce(xs, ys);

    assertThat(n).isLessThan(900).isGreaterThanOrEqualTo(envelope.size());
    TreeMap<Double, List<Double>> kept = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        assertThat(xs[i]).as("time order").isGreaterThan(xs[i - 1]);
      }
      kept.computeIfAbsent(Math.floor(xs[i] / WIDTH), c -> new ArrayList<>()).add(ys[i]);
    }
    assertThat(kept.keySet()).isEqualTo(envelope.keySet());
    envelope.forEach(
        (column, lh) -> {
          assertThat(kept.get(column)).as("column " + column).contains(lh[0], lh[1]);
          assertThat(kept.get(column).stream().mapToDouble(Double::doubleValue).min().orElseThrow())
              .isEqualTo(lh[0]);
          assertThat(kept.get(column).stream().mapToDouble(Double::doubleValue).max().orElseThrow())
              .isEqualTo(lh[1]);
        });
    // The first and the newest point stay, so the line starts and ends where the data does.
    assertThat(xs[0]).isEqualTo(s[0][0]);
    assertThat(ys[0]).isEqualTo(s[1][0]);
    assertThat(xs[n - 1]).isEqualTo(s[0][899]);
    assertThat(ys[n - 1]).isEqualTo(s[1][899]);
  }

  @Test
  void aGapStaysAGap() {
    double[][] s = series(300, 3);
    double[] xs = s[0];
    double[] ys = s[1];
    ys[150] = Double.NaN;
    double before = ys[149];
    double after = ys[151];

    int n = reduce(xs, ys);

    int gap = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(ys[i])) {
        gap = i;
      }
    }
    assertThat(gap).isPositive().isLessThan(n - 1);
    assertThat(ys[gap - 1]).as("the last point before the gap").isEqualTo(before);
    assertThat(ys[gap + 1]).as("the first point after the gap").isEqualTo(after);
  }

  @Test
  void movesStylesSelectionAndErrorsWithTheirPoints() {
    double[] xs = {0, 1, 2, 3, 10, 11};
    double[] ys = {5, 9, 1, 5, 7, 7};
    double[] errors = {0, 90, 10, 0, 70, 70};
    String[] styles = {"a", "b", "c", "d", "e", "f"};
    boolean[] selected = {false, true, false, false, false, false};

    int n =
        new EnvelopeReducer(WIDTH)
            .reducePoints(xs, ys, null, null, errors, errors.clone(), styles, selected, 0, 6);

    // Column 0 (x 0-3): first (5), highest (9 at x 1), lowest (1 at x 2); column 2: its newest.
    assertThat(n).isEqualTo(5);
    assertThat(java.util.Arrays.copyOf(ys, n)).containsExactly(5, 9, 1, 7, 7);
    assertThat(java.util.Arrays.copyOf(styles, n)).containsExactly("a", "b", "c", "e", "f");
    assertThat(java.util.Arrays.copyOf(errors, n)).containsExactly(0, 90, 10, 70, 70);
    assertThat(selected[1]).isTrue();
  }

  @Test
  void aColumnMustHaveAWidth() {
    assertThatThrownBy(() -> new EnvelopeReducer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
