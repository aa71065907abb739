package dev.streamwright.monitor.drift;

/**
 * How profiles are built: bins of a numeric reference, categories kept of a categorical one, and
 * the bounds of the samples kept for the tests that need raw values.
 *
 * @param bins quantile bins of a numeric reference (before equal edges are merged), at least 1
 * @param topCategories categories a categorical reference keeps by count; the rest count as other
 * @param referenceSample values a numeric reference keeps in its reservoir sample
 * @param windowSample values a current (window) profile keeps in its reservoir sample
 * @param seed seed of the reservoir sampling, so that a profile is reproducible from its input
 */
public record ProfileOptions(
    int bins, int topCategories, int referenceSample, int windowSample, long seed) {

  /**
   * The defaults: 10 bins, top 50 categories, samples of 10,000 reference and 2,000 window values
   * (with those, the normalised Wasserstein distance between two samples of one normal distribution
   * stays under 0.1; with 1,000 and 1,000 it exceeds it in ~4 % of windows), seed 42.
   */
  public static final ProfileOptions DEFAULTS = new ProfileOptions(10, 50, 10_000, 2_000, 42L);

  public ProfileOptions {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, got " + bins);
    }
    if (topCategories < 1) {
      throw new IllegalArgumentException("topCategories must be at least 1, got " + topCategories);
    }
    if (referenceSample < 1 || windowSample < 1) {
      throw new IllegalArgumentException(
          "sample sizes must be at least 1, got " + referenceSample + " and " + windowSample);
    }
  }
}
