package dev.streamwright.monitor.drift;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The drift measures on plain arrays: a reference's and a current window's counts over the same
 * bins, or their samples. Each returns NaN when a side has nothing to compare (an empty window).
 */
public final class DriftMeasures {

  /** The share an empty bin counts with in PSI. */
  public static final double PSI_EMPTY_SHARE = 0.0001;

  /** Below this product of the sample sizes the KS p-value is exact, as Commons Math chooses. */
  static final long KS_EXACT_BELOW = 10_000;

  /** The floor of the reference's standard deviation when normalising Wasserstein. */
  public static final double WASSERSTEIN_STD_FLOOR = 0.001;

  private DriftMeasures() {}

  /**
   * Population stability index: {@code sum over bins (cur% - ref%) * ln(cur% / ref%)}, where {@code
   * ref%} and {@code cur%} are each side's count in the bin divided by that side's total, as
   * fractions. Smoothing: a share that is exactly 0 (an empty bin) is replaced by {@value
   * #PSI_EMPTY_SHARE} on that side only, in that bin only; the other shares are not renormalised.
   * So a bin empty on both sides adds 0, and a bin empty on one side adds a large but finite term.
   *
   * @param reference counts per bin of the reference
   * @param current counts per bin of the window, same bins
   * @return the PSI (0 for identical shares), NaN when a side has no value
   */
  public static double psi(long[] reference, long[] current) {
    checkSameBins(reference, current);
    double refTotal = total(reference);
    double curTotal = total(current);
    if (refTotal == 0 || curTotal == 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int i = 0; i < reference.length; i++) {
      double r = reference[i] == 0 ? PSI_EMPTY_SHARE : reference[i] / refTotal;
      double c = current[i] == 0 ? PSI_EMPTY_SHARE : current[i] / curTotal;
      psi += (c - r) * Math.log(c / r);
    }
    return psi;
  }

  /**
   * Jensen-Shannon distance in base 2: with {@code p} and {@code q} the two sides' shares per bin
   * and {@code m = (p + q) / 2}, {@code sqrt((KL(p || m) + KL(q || m)) / 2)} with {@code KL(a || b)
   * = sum a * log2(a / b)} over bins where {@code a > 0}. No smoothing is needed (m is positive
   * wherever p or q is); the result is in [0, 1], 0 for identical shares and 1 for disjoint ones.
   *
   * @param reference counts per bin of the reference
   * @param current counts per bin of the window, same bins
   * @return the distance, NaN when a side has no value
   */
  public static double jensenShannon(long[] reference, long[] current) {
    checkSameBins(reference, current);
    double refTotal = total(reference);
    double curTotal = total(current);
    if (refTotal == 0 || curTotal == 0) {
      return Double.NaN;
    }
    double divergence = 0;
    for (int i = 0; i < reference.length; i++) {
      double p = reference[i] / refTotal;
      double q = current[i] / curTotal;
      double m = (p + q) / 2;
      if (p > 0) {
        divergence += p * Math.log(p / m);
      }
      if (q > 0) {
        divergence += q * Math.log(q / m);
      }
    }
    double distance = Math.sqrt(Math.max(0, divergence / (2 * Math.log(2))));
    return Math.min(1, distance);
  }

  /**
   * Two-sided two-sample Kolmogorov-Smirnov p-value, {@code P(D >= d)} under the hypothesis that
   * both samples come from one continuous distribution, {@code d} being the largest distance
   * between their empirical distribution functions (ties handled). Commons Math computes it: the
   * exact distribution when the product of the sample sizes is below 10,000, the asymptotic
   * Kolmogorov distribution of {@code d * sqrt(n * m / (n + m))} above (scipy's {@code ks_2samp}
   * gives the same numbers with {@code method="exact"} and {@code kstwobign.sf} respectively). The
   * asymptotic p-value is {@code 1 - cdf} in double precision, so p-values under about 1e-15 come
   * out as 0. Commons Math needs at least two values in each sample.
   *
   * @param reference the reference's sample
   * @param current the window's sample
   * @return the p-value (1 for identical samples), NaN when a sample has fewer than two values
   */
  public static double ksPValue(double[] reference, double[] current) {
    if (reference.length < 2 || current.length < 2) {
      return Double.NaN;
    }
    KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
    double d = test.kolmogorovSmirnovStatistic(reference, current);
    int n = reference.length;
    int m = current.length;
    return (long) n * m < KS_EXACT_BELOW ? test.exactP(d, n, m, false) : test.approximateP(d, n, m);
  }

  /**
   * Wasserstein-1 (earth mover's) distance between the empirical distributions of two samples:
   * {@code integral of |F_ref(x) - F_cur(x)| dx} over the real line, {@code F} being each sample's
   * empirical distribution function (as {@code scipy.stats.wasserstein_distance} with unit
   * weights). Commons Math 3 has no Wasserstein distance, so it is computed here by one merge of
   * the two sorted samples.
   *
   * @param reference the reference's sample
   * @param current the window's sample
   * @return the distance in the column's unit (0 for identical samples), NaN when a sample is empty
   */
  public static double wasserstein(double[] reference, double[] current) {
    if (reference.length == 0 || current.length == 0) {
      return Double.NaN;
    }
    double[] a = reference.clone();
    double[] b = current.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    int n = a.length;
    int m = b.length;
    int i = 0;
    int j = 0;
    double previous = Math.min(a[0], b[0]);
    double distance = 0;
    while (i < n || j < m) {
      double x = (j == m || (i < n && a[i] <= b[j])) ? a[i] : b[j];
      // Between the previous point and x each distribution function is the share passed so far.
      distance += Math.abs((double) i / n - (double) j / m) * (x - previous);
      previous = x;
      while (i < n && a[i] == x) {
        i++;
      }
      while (j < m && b[j] == x) {
        j++;
      }
    }
    return distance;
  }

  /**
   * The Wasserstein-1 distance of {@link #wasserstein(double[], double[])} divided by the
   * reference's population standard deviation, or by {@value #WASSERSTEIN_STD_FLOOR} when that is
   * smaller (a constant reference column), so the threshold does not depend on the column's unit.
   *
   * @param reference the reference's sample
   * @param current the window's sample
   * @param referenceStd the standard deviation of the whole reference
   * @return the normalised distance, NaN when a sample is empty
   */
  public static double wassersteinNormalised(
      double[] reference, double[] current, double referenceStd) {
    return wasserstein(reference, current) / Math.max(referenceStd, WASSERSTEIN_STD_FLOOR);
  }

  /**
   * Chi-squared test of homogeneity between the reference's and the window's category counts (a 2 x
   * k contingency table, no continuity correction), its p-value through Commons Math: the
   * hypothesis is that both are samples of one distribution, the reference being a sample too.
   * Categories counted on neither side are left out; a category the reference never had (the
   * window's other bin when the reference's is empty) adds its full weight to the statistic rather
   * than an infinite one, as it would in a goodness-of-fit test against the reference's shares.
   * With one category left the two sides cannot differ: p = 1.
   *
   * @param reference counts per category of the reference
   * @param current counts per category of the window, same categories
   * @return the p-value, NaN when a side has no value
   */
  public static double chiSquaredPValue(long[] reference, long[] current) {
    checkSameBins(reference, current);
    if (total(reference) == 0 || total(current) == 0) {
      return Double.NaN;
    }
    int used = 0;
    long[] r = new long[reference.length];
    long[] c = new long[current.length];
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] + current[i] > 0) {
        r[used] = reference[i];
        c[used] = current[i];
        used++;
      }
    }
    if (used < 2) {
      return 1.0;
    }
    return new ChiSquareTest()
        .chiSquareTestDataSetsComparison(Arrays.copyOf(r, used), Arrays.copyOf(c, used));
  }

  private static void checkSameBins(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException(
          "the reference has "
              + reference.length
              + " bins and the window "
              + current.length
              + ": build the window against the same reference");
    }
  }

  private static double total(long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
