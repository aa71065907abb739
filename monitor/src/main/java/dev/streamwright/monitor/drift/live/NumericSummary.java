package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.NumericAccumulator;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import dev.streamwright.plugin.onnx.tap.TapWindow;

/**
 * Numeric tap windows merged: count, missing, sum, sum of squares, min and max add up exactly; the
 * samples merge into a uniform sample of the union of at most a given size (the drift core's
 * reservoir merge: how many values come from each side is drawn from the hypergeometric
 * distribution).
 */
public final class NumericSummary implements ColumnSummary {

  /** One edge: the accumulator is used only for its counts and its reservoir merge. */
  private static final double[] ONE_EDGE = {0};

  private final NumericAccumulator sampler;
  private long count;
  private long missing;
  private double sum;
  private double sumOfSquares;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /**
   * @param sample values kept at most
   * @param seed seed of the sample merges
   */
  public NumericSummary(int sample, long seed) {
    NumericProfile none = new NumericProfile(ONE_EDGE, new long[3], 0, 0, 0, new double[0]);
    this.sampler = new NumericAccumulator(none, sample, seed);
  }

  @Override
  public void add(TapWindow window) {
    NumericWindow w = (NumericWindow) window;
    add(w.count(), w.missing(), w.sum(), w.sumOfSquares(), w.min(), w.max(), w.sample());
  }

  @Override
  public void add(ColumnSummary other) {
    NumericSummary o = (NumericSummary) other;
    add(o.count, o.missing, o.sum, o.sumOfSquares, o.min, o.max, o.sample());
  }

  private void add(
      long n, long absent, double s, double s2, double lo, double hi, double[] sample) {
    // The sample stands for all n values: the reservoir merge weighs it by n.
    sampler.merge(new NumericProfile(ONE_EDGE, new long[] {n, 0, 0}, 0, 0, 0, sample));
    count += n;
    missing += absent;
    sum += s;
    sumOfSquares += s2;
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long missing() {
    return missing;
  }

  /** The sum of the values. */
  public double sum() {
    return sum;
  }

  /** The sum of their squares. */
  public double sumOfSquares() {
    return sumOfSquares;
  }

  /** The smallest value, {@code +Infinity} when none. */
  public double min() {
    return min;
  }

  /** The largest value, {@code -Infinity} when none. */
  public double max() {
    return max;
  }

  /** The mean, 0 when there were no values. */
  public double mean() {
    return count == 0 ? 0 : sum / count;
  }

  /** The population standard deviation, 0 when there were no values. */
  public double std() {
    if (count == 0) {
      return 0;
    }
    double m = sum / count;
    return Math.sqrt(Math.max(0, sumOfSquares / count - m * m));
  }

  /** A uniform sample of the values (a copy). */
  public double[] sample() {
    return sampler.snapshot().sample();
  }
}
