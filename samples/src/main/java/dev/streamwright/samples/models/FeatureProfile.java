package dev.streamwright.samples.models;

import java.util.Arrays;

/**
 * The reference profile of one column, in the form the drift panel compares live windows with
 * (MONITORING.md): quantile bin edges with the reference's count and proportion in each bin, plus
 * count, mean, standard deviation, minimum and maximum.
 *
 * <p>Bins: edge {@code j} (for {@code j = 1 .. bins-1}) is the value at 0-based rank {@code floor(j
 * * n / bins)} of the sorted reference; the first edge is the minimum and the last the maximum. Bin
 * {@code i} holds {@code edges[i] <= x < edges[i+1]}, the last bin also its upper edge. Values
 * below the first or above the last edge belong to the underflow and overflow bins, empty in the
 * reference. A discrete column (a count, a ratio that is often 0) has repeated quantiles; repeated
 * edges are merged, so such a column gets fewer than {@code bins} bins and none of them is empty.
 *
 * @param count number of values
 * @param mean arithmetic mean
 * @param std population standard deviation
 * @param min smallest value
 * @param max largest value
 * @param edges strictly increasing bin edges, from min to max
 * @param counts reference values per bin ({@code edges.length - 1} bins)
 */
public record FeatureProfile(
    long count, double mean, double std, double min, double max, double[] edges, long[] counts) {

  /** The default of the drift panel's PSI: 10 quantile bins. */
  public static final int BINS = 10;

  /** The profile of {@code values} with {@link #BINS} quantile bins. */
  public static FeatureProfile of(double[] values) {
    return of(values, BINS);
  }

  public static FeatureProfile of(double[] values, int bins) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a reference profile needs at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(squares / n);

    double[] candidates = new double[bins + 1];
    candidates[0] = sorted[0];
    for (int j = 1; j < bins; j++) {
      candidates[j] = sorted[(int) ((long) j * n / bins)];
    }
    candidates[bins] = sorted[n - 1];
    double[] edges = Arrays.stream(candidates).distinct().toArray();
    if (edges.length == 1) {
      // A constant column: one bin of width zero.
      edges = new double[] {edges[0], edges[0]};
    }
    long[] counts = new long[edges.length - 1];
    int bin = 0;
    for (double v : sorted) {
      while (bin < counts.length - 1 && v >= edges[bin + 1]) {
        bin++;
      }
      counts[bin]++;
    }
    return new FeatureProfile(n, mean, std, sorted[0], sorted[n - 1], edges, counts);
  }

  /** The share of the reference in each bin; the shares sum to 1. */
  public double[] proportions() {
    return Arrays.stream(counts).mapToDouble(c -> (double) c / count).toArray();
  }
}
