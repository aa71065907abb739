package dev.streamwright.monitor.drift;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;

/**
 * The profile of a numeric column: counts over fixed bins, mean, standard deviation and a bounded
 * uniform sample of the values.
 *
 * <p><b>Bins.</b> The edges {@code e[0] < e[1] < ... < e[k]} are the quantiles of a reference at
 * {@code 0, 1/b, ..., 1} for {@code b} bins (numpy's default "linear" estimator, Hyndman-Fan type
 * 7), with equal edges merged, so a column with many equal values has fewer bins and a constant one
 * has a single edge. The counts have {@code k + 2} entries (at least 3): index 0 is the underflow
 * bin ({@code v < e[0]}), index {@code i} for {@code 1 <= i <= k} is {@code [e[i-1], e[i])} with
 * the last one closed ({@code [e[k-1], e[k]]}), and the last index is the overflow bin ({@code v >
 * e[k]}). With a single edge {@code c} there is one inner bin, {@code [c, c]}. A reference's own
 * under- and overflow bins are empty by construction; a window's show values outside the
 * reference's range.
 *
 * <p><b>Moments.</b> {@code mean} and {@code std} are over the counted values; {@code std} is the
 * population standard deviation (divided by n, as {@code numpy.std} by default). Both are 0 for an
 * empty profile.
 *
 * <p><b>Sample.</b> A uniform sample without replacement of the counted values, at most the
 * capacity given when the profile was built: all of them when there were no more.
 *
 * <p><b>Missing values.</b> NaN, the infinities and nulls are counted in {@code missing} and
 * nowhere else: no bin, no moment, no sample.
 *
 * @param edges the bin edges, strictly increasing, at least one
 * @param counts counts per bin, {@code edges.length + 1} entries (3 for a single edge)
 * @param missing values left out (null, NaN, infinite)
 * @param mean mean of the counted values
 * @param std population standard deviation of the counted values
 * @param sample a uniform sample of the counted values, in no particular order
 */
public record NumericProfile(
    double[] edges, long[] counts, long missing, double mean, double std, double[] sample)
    implements ColumnProfile {

  public NumericProfile {
    edges = edges.clone();
    counts = counts.clone();
    sample = sample.clone();
    if (edges.length == 0) {
      throw new IllegalArgumentException("a numeric profile needs at least one bin edge");
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1])) {
        throw new IllegalArgumentException(
            "bin edges must be finite and strictly increasing: " + Arrays.toString(edges));
      }
    }
    if (counts.length != binCount(edges)) {
      throw new IllegalArgumentException(
          "a profile with "
              + edges.length
              + " edges has "
              + binCount(edges)
              + " bins, got "
              + counts.length
              + " counts");
    }
  }

  /**
   * The reference profile of the given values: quantile bins, moments, and a seeded reservoir
   * sample of at most {@link ProfileOptions#referenceSample()} values.
   *
   * @param values the reference values; NaN and infinities count as missing
   * @param options bins, sample size and seed
   * @return the profile
   * @throws IllegalArgumentException when no value is finite (there is nothing to bin)
   */
  public static NumericProfile reference(double[] values, ProfileOptions options) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      throw new IllegalArgumentException(
          "a numeric reference needs at least one finite value; got "
              + values.length
              + " values, none finite: choose a reference window or file with data in this column");
    }
    double[] edges = quantileEdges(finite, options.bins());
    NumericAccumulator accumulator =
        new NumericAccumulator(
            edges, finite[finite.length / 2], options.referenceSample(), options.seed());
    accumulator.addAll(values, 0, values.length);
    return accumulator.snapshot();
  }

  /**
   * The distinct quantiles of sorted values at {@code 0, 1/bins, ..., 1} (Hyndman-Fan type 7, as
   * {@code numpy.quantile}'s default), through Commons Math's {@link Percentile}.
   */
  static double[] quantileEdges(double[] sorted, int bins) {
    Percentile percentile =
        new Percentile()
            .withEstimationType(Percentile.EstimationType.R_7)
            .withNaNStrategy(NaNStrategy.FAILED);
    percentile.setData(sorted);
    double[] edges = new double[bins + 1];
    int distinct = 0;
    for (int i = 0; i <= bins; i++) {
      double q = i == 0 ? sorted[0] : percentile.evaluate(100.0 * i / bins);
      if (distinct == 0 || q > edges[distinct - 1]) {
        edges[distinct++] = q;
      }
    }
    return Arrays.copyOf(edges, distinct);
  }

  /** Bins of a profile with these edges: inner bins plus underflow and overflow. */
  static int binCount(double[] edges) {
    return Math.max(1, edges.length - 1) + 2;
  }

  @Override
  public long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The bin edges.
   *
   * @return a copy
   */
  @Override
  public double[] edges() {
    return edges.clone();
  }

  /**
   * Counts per bin: underflow, the inner bins, overflow.
   *
   * @return a copy
   */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /**
   * The sample.
   *
   * @return a copy
   */
  @Override
  public double[] sample() {
    return sample.clone();
  }

  /** The edges without a copy, for the accumulators and measures of this package. */
  double[] edgesView() {
    return edges;
  }

  /** The counts without a copy, for the accumulators and measures of this package. */
  long[] countsView() {
    return counts;
  }

  /** The sample without a copy, for the accumulators and measures of this package. */
  double[] sampleView() {
    return sample;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericProfile p
        && Arrays.equals(edges, p.edges)
        && Arrays.equals(counts, p.counts)
        && missing == p.missing
        && Double.compare(mean, p.mean) == 0
        && Double.compare(std, p.std) == 0
        && Arrays.equals(sample, p.sample);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(edges);
    h = 31 * h + Arrays.hashCode(counts);
    h = 31 * h + Long.hashCode(missing);
    h = 31 * h + Double.hashCode(mean);
    h = 31 * h + Double.hashCode(std);
    return 31 * h + Arrays.hashCode(sample);
  }

  @Override
  public String toString() {
    return "NumericProfile[edges="
        + Arrays.toString(edges)
        + ", counts="
        + Arrays.toString(counts)
        + ", missing="
        + missing
        + ", mean="
        + mean
        + ", std="
        + std
        + ", sample of "
        + sample.length
        + "]";
  }
}
