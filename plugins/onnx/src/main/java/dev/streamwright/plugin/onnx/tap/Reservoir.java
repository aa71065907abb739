package dev.streamwright.plugin.onnx.tap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A bounded uniform sample of a stream of doubles (reservoir sampling, Li's "Algorithm L"): after
 * {@code n} values it holds a uniform sample without replacement of {@code min(n, capacity)} of
 * them. Offering a value allocates nothing and, once the reservoir is full, mostly just counts: the
 * random generator is drawn only at the values that enter the sample (about {@code capacity * ln(n
 * / capacity)} of them). Seeded, so the same input gives the same sample. Not thread-safe.
 *
 * <p>The drift tap samples each window's values with it; the monitor merges samples of several
 * windows and restarts a reservoir from the merged sample ({@link #restart}), which needs a draw
 * from a Beta distribution that this class leaves to its caller (so the tap needs no statistics
 * library on the cluster).
 */
public final class Reservoir {

  private final double[] values;
  private final SplittableRandom random;
  private long seen;

  /** Index (0-based, among all values seen) of the next value that enters a full reservoir. */
  private long next;

  /** Algorithm L's W: the largest of the random keys the kept values would have. */
  private double w;

  /**
   * An empty reservoir.
   *
   * @param capacity the most values it keeps, at least 1
   * @param seed seed of its random choices
   */
  public Reservoir(int capacity, long seed) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.values = new double[capacity];
    this.random = new SplittableRandom(seed);
  }

  /** The most values it keeps. */
  public int capacity() {
    return values.length;
  }

  /** Values offered since it was created, cleared or restarted (as the restart says). */
  public long seen() {
    return seen;
  }

  /** Offers one value; allocates nothing. */
  public void offer(double value) {
    long i = seen++;
    int k = values.length;
    if (i < k) {
      values[(int) i] = value;
      if (i == k - 1) {
        w = Math.exp(Math.log(uniform()) / k);
        next = i + 1 + skip();
      }
    } else if (i == next) {
      values[random.nextInt(k)] = value;
      w *= Math.exp(Math.log(uniform()) / k);
      next = i + 1 + skip();
    }
  }

  /** A copy of the sample, {@code min(seen, capacity)} values. */
  public double[] sample() {
    return Arrays.copyOf(values, size());
  }

  /** How many values the sample holds. */
  public int size() {
    return (int) Math.min(seen, values.length);
  }

  /** Forgets every value (keeps the random generator's position). */
  public void clear() {
    seen = 0;
  }

  /**
   * Restarts from a uniform sample of {@code seen} values. A sample smaller than the capacity keeps
   * filling in order (as if its values were the first offered); a full one continues Algorithm L
   * with {@code w}, which the caller draws as the {@code capacity}-th smallest of {@code seen}
   * uniform keys, i.e. from Beta({@code capacity}, {@code seen - capacity + 1}).
   *
   * @param sample the values to keep, at most the capacity
   * @param seen how many values the sample stands for (at least its length)
   * @param w Algorithm L's W for a full sample; ignored otherwise
   */
  public void restart(double[] sample, long seen, double w) {
    if (sample.length > values.length || seen < sample.length) {
      throw new IllegalArgumentException(
          "A sample of " + sample.length + " values of " + seen + " does not fit " + values.length);
    }
    System.arraycopy(sample, 0, values, 0, sample.length);
    if (sample.length < values.length) {
      this.seen = sample.length;
    } else {
      this.seen = seen;
      this.w = w;
      this.next = seen + skip();
    }
  }

  /** A uniform double in (0, 1]. */
  private double uniform() {
    return 1.0 - random.nextDouble();
  }

  /** Values to pass over before the next one enters: geometric with success probability W. */
  private long skip() {
    double s = Math.floor(Math.log(uniform()) / Math.log1p(-w));
    return s < Long.MAX_VALUE / 4 ? (long) s : Long.MAX_VALUE / 4;
  }
}
