package dev.streamwright.monitor.drift;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * A bounded uniform sample of a stream of doubles (reservoir sampling, Li's "Algorithm L"): after
 * {@code n} values it holds a uniform sample without replacement of {@code min(n, capacity)} of
 * them. Offering a value allocates nothing and, once the reservoir is full, mostly just counts: the
 * random generator is drawn only at the values that enter the sample (about {@code capacity * ln(n
 * / capacity)} of them). Two reservoirs merge into a uniform sample of the union. Seeded, so the
 * same input gives the same sample. Not thread-safe.
 */
final class Reservoir {

  private final double[] values;
  private final SplittableRandom random;
  private long seen;

  /** Index (0-based, among all values seen) of the next value that enters a full reservoir. */
  private long next;

  /** Algorithm L's W: the largest of the random keys the kept values would have. */
  private double w;

  Reservoir(int capacity, long seed) {
    this.values = new double[capacity];
    this.random = new SplittableRandom(seed);
  }

  int capacity() {
    return values.length;
  }

  long seen() {
    return seen;
  }

  void offer(double value) {
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
  double[] sample() {
    return java.util.Arrays.copyOf(values, (int) Math.min(seen, values.length));
  }

  void clear() {
    seen = 0;
  }

  /**
   * Replaces this reservoir by a uniform sample of the union of what it holds and another sample,
   * drawn from {@code otherSeen} values. How many of the merged values come from each side follows
   * the hypergeometric distribution of drawing {@code min(capacity, seen + otherSeen)} values
   * without replacement from the union; each side's share is then a uniform subset of its sample. A
   * side whose sample is smaller than its share (a profile built with a smaller capacity) gives all
   * it has.
   */
  void merge(double[] otherSample, long otherSeen) {
    if (otherSeen == 0) {
      return;
    }
    double[] mine = sample();
    long total = seen + otherSeen;
    int target = (int) Math.min(values.length, total);
    int fromMine = 0;
    long mineLeft = seen;
    long left = total;
    for (int d = 0; d < target; d++, left--) {
      if (random.nextDouble() * left < mineLeft) {
        fromMine++;
        mineLeft--;
      }
    }
    fromMine = Math.min(fromMine, mine.length);
    int fromOther = Math.min(target - fromMine, otherSample.length);
    double[] others = otherSample.clone();
    partialShuffle(mine, fromMine);
    partialShuffle(others, fromOther);
    System.arraycopy(mine, 0, values, 0, fromMine);
    System.arraycopy(others, 0, values, fromMine, fromOther);
    int size = fromMine + fromOther;
    seen = total;
    if (size < values.length) {
      // Fewer values than the capacity: the reservoir keeps filling in order from here.
      seen = size;
    } else {
      // A full reservoir after `total` values: W is the k-th smallest of `total` uniform keys,
      // Beta(k, total - k + 1), and the skip to the next entering value is drawn afresh.
      int k = values.length;
      w = new BetaDistribution(new Well19937c(random.nextLong()), k, total - k + 1.0).sample();
      next = total + skip();
    }
  }

  /** Moves a uniform random subset of {@code count} entries to the front (partial Fisher-Yates). */
  private void partialShuffle(double[] array, int count) {
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(array.length - i);
      double t = array[i];
      array[i] = array[j];
      array[j] = t;
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
