package dev.streamwright.monitor.drift;

import java.util.Arrays;

/**
 * Builds the profile of a numeric column one value at a time, against a reference's bin edges: for
 * a tumbling window, {@link #add(double)} each value, take a {@link #snapshot()} when the window
 * closes and {@link #reset()} for the next. One pass, bounded memory (the counts, four numbers and
 * the reservoir), nothing allocated per value. Snapshots of several windows merge into one
 * accumulator ({@link #merge(NumericProfile)}) to give the profile of their union, e.g. fifteen
 * 1-minute windows into a sliding 15-minute view. Not thread-safe: one per column and task.
 *
 * <p>A value is counted in the bins, the moments and the reservoir when it is finite; NaN and the
 * infinities, and {@link #addMissing()} for a null, only count as missing.
 */
public final class NumericAccumulator {

  /** Up to this many edges a bin is found by counting, above by binary search. */
  private static final int LINEAR_SEARCH_EDGES = 16;

  private final double[] edges;
  private final int lastEdge;
  private final long[] counts;

  /** Moments are kept as sums of {@code v - shift}, which merge by adding and cancel little. */
  private final double shift;

  private final Reservoir reservoir;
  private long count;
  private long missing;
  private double sum;
  private double sumSquares;

  /**
   * An accumulator against a reference profile's bins, its moments shifted by the reference's mean.
   *
   * @param reference the reference whose bin edges this window uses
   * @param sampleCapacity values kept in the window's reservoir sample
   * @param seed seed of the reservoir sampling
   */
  public NumericAccumulator(NumericProfile reference, int sampleCapacity, long seed) {
    this(reference.edgesView(), reference.mean(), sampleCapacity, seed);
  }

  /**
   * An accumulator against a reference with the default window sample ({@link
   * ProfileOptions#DEFAULTS}).
   *
   * @param reference the reference whose bin edges this window uses
   * @param seed seed of the reservoir sampling
   */
  public NumericAccumulator(NumericProfile reference, long seed) {
    this(reference, ProfileOptions.DEFAULTS.windowSample(), seed);
  }

  NumericAccumulator(double[] edges, double shift, int sampleCapacity, long seed) {
    if (sampleCapacity < 1) {
      throw new IllegalArgumentException(
          "sample capacity must be at least 1, got " + sampleCapacity);
    }
    this.edges = edges.clone();
    this.lastEdge = edges.length - 1;
    this.counts = new long[NumericProfile.binCount(edges)];
    this.shift = shift;
    this.reservoir = new Reservoir(sampleCapacity, seed);
  }

  /**
   * Counts one value.
   *
   * @param value the value; NaN and infinities count as missing
   */
  public void add(double value) {
    if (!Double.isFinite(value)) {
      missing++;
      return;
    }
    counts[bin(value)]++;
    count++;
    double d = value - shift;
    sum += d;
    sumSquares += d * d;
    reservoir.offer(value);
  }

  /**
   * Counts {@code values[from]} to {@code values[to - 1]}.
   *
   * @param values the values
   * @param from first index, inclusive
   * @param to last index, exclusive
   */
  public void addAll(double[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      add(values[i]);
    }
  }

  /** Counts a null value as missing. */
  public void addMissing() {
    missing++;
  }

  /**
   * Adds a profile built against the same bins (another window's snapshot): counts and moments add
   * up, and the samples merge into a uniform sample of the union (see {@link Reservoir}).
   *
   * @param other the profile to add
   * @throws IllegalArgumentException when its bin edges differ from this accumulator's
   */
  public void merge(NumericProfile other) {
    if (!Arrays.equals(edges, other.edgesView())) {
      throw new IllegalArgumentException(
          "cannot merge a profile with bin edges "
              + Arrays.toString(other.edgesView())
              + " into one with "
              + Arrays.toString(edges)
              + ": windows merge only when built against the same reference");
    }
    long[] theirs = other.countsView();
    for (int i = 0; i < counts.length; i++) {
      counts[i] += theirs[i];
    }
    long n = other.count();
    double d = other.mean() - shift;
    sum += n * d;
    sumSquares += n * (other.std() * other.std() + d * d);
    count += n;
    missing += other.missing();
    reservoir.merge(other.sampleView(), n);
  }

  /** Forgets every value, for the next window; allocates nothing. */
  public void reset() {
    Arrays.fill(counts, 0);
    count = 0;
    missing = 0;
    sum = 0;
    sumSquares = 0;
    reservoir.clear();
  }

  /**
   * Values counted so far (finite ones).
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * An immutable profile of what was counted so far.
   *
   * @return the profile
   */
  public NumericProfile snapshot() {
    double mean = 0;
    double std = 0;
    if (count > 0) {
      double m = sum / count;
      mean = shift + m;
      std = Math.sqrt(Math.max(0, sumSquares / count - m * m));
    }
    return new NumericProfile(edges, counts, missing, mean, std, reservoir.sample());
  }

  /** The bin of a finite value, as {@link NumericProfile} defines the bins. */
  int bin(double v) {
    if (v < edges[0]) {
      return 0;
    }
    if (v > edges[lastEdge]) {
      return counts.length - 1;
    }
    // 1 + the number of inner edges e[1..last-1] that are <= v.
    if (lastEdge <= LINEAR_SEARCH_EDGES) {
      // Few edges (the default 10 bins): count without branches, which random data would
      // mispredict in a binary search.
      int bin = 1;
      for (int j = 1; j < lastEdge; j++) {
        bin += v >= edges[j] ? 1 : 0;
      }
      return bin;
    }
    int lo = 1;
    int hi = lastEdge; // exclusive
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
