package dev.streamwright.plugin.onnx.tap;

import java.util.Arrays;

/**
 * A numeric column's window in one subtask: counts, exact moments and extremes of the values that
 * were not missing, and a uniform sample of them without replacement (at most the tap's sample
 * size; all of them when fewer were seen).
 *
 * @param start the window's start, epoch milliseconds
 * @param length the window's length in milliseconds
 * @param count values that were not missing
 * @param missing values that were missing
 * @param sum the sum of the values
 * @param sumOfSquares the sum of their squares
 * @param min the smallest value ({@code +Infinity} when none)
 * @param max the largest value ({@code -Infinity} when none)
 * @param sample a uniform sample of the values, {@code min(count, sample size)} of them
 */
public record NumericWindow(
    long start,
    long length,
    long count,
    long missing,
    double sum,
    double sumOfSquares,
    double min,
    double max,
    double[] sample)
    implements TapWindow {

  public NumericWindow {
    TapWire.checkWindow(start, length, count, missing);
    if (sample.length > count) {
      throw new IllegalArgumentException(
          "A window of " + count + " values cannot hold a sample of " + sample.length);
    }
    sample = sample.clone();
  }

  /** A copy of the sample. */
  @Override
  public double[] sample() {
    return sample.clone();
  }

  /** The mean of the values, NaN when there were none. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericWindow w
        && start == w.start
        && length == w.length
        && count == w.count
        && missing == w.missing
        && Double.compare(sum, w.sum) == 0
        && Double.compare(sumOfSquares, w.sumOfSquares) == 0
        && Double.compare(min, w.min) == 0
        && Double.compare(max, w.max) == 0
        && Arrays.equals(sample, w.sample);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(start) + Arrays.hashCode(sample);
  }

  @Override
  public String toString() {
    return "NumericWindow[start="
        + start
        + ", length="
        + length
        + ", count="
        + count
        + ", missing="
        + missing
        + ", mean="
        + mean()
        + ", sample="
        + sample.length
        + " values]";
  }
}
