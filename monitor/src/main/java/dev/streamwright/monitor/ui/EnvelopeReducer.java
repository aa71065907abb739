package dev.streamwright.monitor.ui;

import io.fair_acc.chartfx.renderer.RendererDataReducer;

/**
 * A ChartFX point reducer for line charts that keeps what a line looks like: per column of a few
 * pixels it keeps the column's lowest and highest point (in time order), so every peak and dip
 * stays on screen, and it always keeps the range's first and newest point, every gap (a NaN) and
 * the points on either side of it. ChartFX's default reducer averages points closer than six pixels
 * instead, which flattens spikes in fifteen minutes of one-second values.
 *
 * <p>It works in place on the screen coordinates ChartFX hands it, sorted by x, like ChartFX's own
 * reducers, and is used on the FX thread only.
 */
final class EnvelopeReducer implements RendererDataReducer {

  private final double columnWidth;

  /** A reducer with columns of the given width in pixels. */
  EnvelopeReducer(double columnWidth) {
    if (!(columnWidth > 0)) {
      throw new IllegalArgumentException("column width must be positive: " + columnWidth);
    }
    this.columnWidth = columnWidth;
  }

  @Override
  public int reducePoints(
      double[] xs,
      double[] ys,
      double[] xErrorsPos,
      double[] xErrorsNeg,
      double[] yErrorsPos,
      double[] yErrorsNeg,
      String[] styles,
      boolean[] selected,
      int indexMin,
      int indexMax) {
    Arrays arrays =
        new Arrays(xs, ys, xErrorsPos, xErrorsNeg, yErrorsPos, yErrorsNeg, styles, selected);
    int count = 0;
    int i = indexMin;
    boolean afterGap = true; // the range's first point is kept like the first after a gap
    while (i < indexMax) {
      if (!finite(xs, ys, i)) {
        arrays.move(i, count++); // a gap stays a gap
        afterGap = true;
        i++;
        continue;
      }
      double column = Math.floor(xs[i] / columnWidth);
      int low = i;
      int high = i;
      int j = i + 1;
      while (j < indexMax && finite(xs, ys, j) && Math.floor(xs[j] / columnWidth) == column) {
        if (ys[j] < ys[low]) {
          low = j;
        }
        if (ys[j] > ys[high]) {
          high = j;
        }
        j++;
      }
      // A line's ends stay where the data's are: at the range's ends and on both sides of a gap.
      // (Indices from i on are not written yet: the points kept so far sit below them.)
      int first = afterGap ? i : -1;
      int last = j == indexMax || !finite(xs, ys, j) ? j - 1 : -1;
      // Up to four distinct indices, in time order.
      int previous = -1;
      for (int k : new int[] {first, Math.min(low, high), Math.max(low, high), last}) {
        if (k >= 0 && k != previous) {
          arrays.move(k, count++);
          previous = k;
        }
      }
      afterGap = false;
      i = j;
    }
    return count;
  }

  private static boolean finite(double[] xs, double[] ys, int i) {
    return Double.isFinite(xs[i]) && Double.isFinite(ys[i]);
  }

  /** The arrays ChartFX reduces together; the error, style and selection ones may be null. */
  private record Arrays(
      double[] xs,
      double[] ys,
      double[] xErrorsPos,
      double[] xErrorsNeg,
      double[] yErrorsPos,
      double[] yErrorsNeg,
      String[] styles,
      boolean[] selected) {

    void move(int from, int to) {
      if (from == to) {
        return;
      }
      xs[to] = xs[from];
      ys[to] = ys[from];
      copy(xErrorsPos, from, to);
      copy(xErrorsNeg, from, to);
      copy(yErrorsPos, from, to);
      copy(yErrorsNeg, from, to);
      if (styles != null) {
        styles[to] = styles[from];
      }
      if (selected != null) {
        selected[to] = selected[from];
      }
    }

    private static void copy(double[] values, int from, int to) {
      if (values != null) {
        values[to] = values[from];
      }
    }
  }
}
