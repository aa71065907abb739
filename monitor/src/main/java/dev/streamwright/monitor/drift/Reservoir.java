package dev.streamwright.monitor.drift;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * A bounded uniform sample of a stream of doubles that two samples can merge into: the drift tap's
 * {@link dev.streamwright.plugin.onnx.tap.Reservoir} (Li's "Algorithm L", which samples in the job)
 * plus the merge of samples of several windows, which needs a Beta draw from Commons Math. Seeded,
 * so the same input gives the same sample. Not thread-safe.
 */
final class Reservoir {

  private final dev.streamwright.plugin.onnx.tap.Reservoir sampler;
  private final SplittableRandom random;

  Reservoir(int capacity, long seed) {
    this.sampler = new dev.streamwright.plugin.onnx.tap.Reservoir(capacity, seed);
    this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
  }

  int capacity() {
    return sampler.capacity();
  }

  long seen() {
    return sampler.seen();
  }

  void offer(double value) {
    sampler.offer(value);
  }

  /** A copy of the sample, {@code min(seen, capacity)} values. */
  double[] sample() {
    return sampler.sample();
  }

  void clear() {
    sampler.clear();
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
    long seen = sampler.seen();
    long total = seen + otherSeen;
    int capacity = sampler.capacity();
    int target = (int) Math.min(capacity, total);
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
    double[] merged = new double[fromMine + fromOther];
    System.arraycopy(mine, 0, merged, 0, fromMine);
    System.arraycopy(others, 0, merged, fromMine, fromOther);
    // A full reservoir after `total` values: W is the k-th smallest of `total` uniform keys,
    // Beta(k, total - k + 1), and the skip to the next entering value is drawn afresh. Fewer
    // values than the capacity: the reservoir keeps filling in order from here.
    double w =
        merged.length < capacity
            ? 0
            : new BetaDistribution(
                    new Well19937c(random.nextLong()), capacity, total - capacity + 1.0)
                .sample();
    sampler.restart(merged, total, w);
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
}
