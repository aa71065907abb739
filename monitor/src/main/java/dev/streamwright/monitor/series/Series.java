package dev.streamwright.monitor.series;

import java.util.ArrayList;
import java.util.List;

/**
 * One series' bounded storage: a ring of raw points over the raw span and a ring of downsampled
 * buckets over the history span, both in primitive arrays that grow by doubling up to their bound.
 * Every method is synchronized: pollers write while the FX thread reads.
 */
final class Series {

  private static final int INITIAL_CAPACITY = 16;

  private final long rawMs;
  private final long historyMs;
  private final long bucketMs;
  private final int maxRaw;
  private final int maxBuckets;

  // Raw points, a ring: index (rawStart + i) % rawTimes.length for i in [0, rawSize).
  private long[] rawTimes = new long[INITIAL_CAPACITY];
  private double[] rawValues = new double[INITIAL_CAPACITY];
  private int rawStart;
  private int rawSize;

  // Buckets, a ring in the same way, ordered by start.
  private long[] starts = new long[INITIAL_CAPACITY];
  private double[] mins = new double[INITIAL_CAPACITY];
  private double[] maxs = new double[INITIAL_CAPACITY];
  private double[] avgs = new double[INITIAL_CAPACITY];
  private long[] counts = new long[INITIAL_CAPACITY];
  private int bStart;
  private int bSize;

  Series(long rawMs, long historyMs, long bucketMs, int maxRaw) {
    this.rawMs = rawMs;
    this.historyMs = historyMs;
    this.bucketMs = bucketMs;
    this.maxRaw = maxRaw;
    this.maxBuckets =
        (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, (historyMs + bucketMs - 1) / bucketMs));
  }

  synchronized void record(long epochMs, double value) {
    addRaw(epochMs, value);
    addToBucket(Math.floorDiv(epochMs, bucketMs) * bucketMs, value, value, value, 1);
  }

  synchronized List<SeriesPoint> raw() {
    List<SeriesPoint> out = new ArrayList<>(rawSize);
    for (int i = 0; i < rawSize; i++) {
      int slot = (rawStart + i) % rawTimes.length;
      out.add(new SeriesPoint(rawTimes[slot], rawValues[slot]));
    }
    return out;
  }

  synchronized List<SeriesBucket> history() {
    List<SeriesBucket> out = new ArrayList<>(bSize);
    for (int i = 0; i < bSize; i++) {
      int slot = bucketSlot(i);
      out.add(new SeriesBucket(starts[slot], mins[slot], maxs[slot], avgs[slot], counts[slot]));
    }
    return out;
  }

  /** Merges buckets in, combining those that fall into an existing bucket. */
  synchronized void merge(List<SeriesBucket> buckets) {
    for (SeriesBucket b : buckets) {
      if (b.count() <= 0
          || !Double.isFinite(b.min())
          || !Double.isFinite(b.max())
          || !Double.isFinite(b.avg())) {
        continue;
      }
      addToBucket(
          Math.floorDiv(b.startMs(), bucketMs) * bucketMs, b.min(), b.max(), b.avg(), b.count());
    }
  }

  private void addRaw(long t, double value) {
    if (rawSize > 0 && t < rawTimes[(rawStart + rawSize - 1) % rawTimes.length]) {
      return; // out of order: kept in its history bucket only
    }
    if (rawSize == rawTimes.length) {
      if (rawSize < maxRaw) {
        int capacity = Math.min(maxRaw, rawSize * 2);
        rawTimes = linear(rawTimes, rawStart, rawSize, capacity);
        rawValues = linear(rawValues, rawStart, rawSize, capacity);
        rawStart = 0;
      } else {
        rawStart = (rawStart + 1) % rawTimes.length;
        rawSize--;
      }
    }
    int slot = (rawStart + rawSize) % rawTimes.length;
    rawTimes[slot] = t;
    rawValues[slot] = value;
    rawSize++;
    long oldest = t - rawMs;
    while (rawTimes[rawStart] < oldest) {
      rawStart = (rawStart + 1) % rawTimes.length;
      rawSize--;
    }
  }

  private void addToBucket(long start, double min, double max, double avg, long count) {
    int at = bSize; // where the bucket is, or goes
    if (bSize > 0 && start <= starts[bucketSlot(bSize - 1)]) {
      at = findBucket(start);
      if (at < bSize && starts[bucketSlot(at)] == start) {
        int slot = bucketSlot(at);
        long total = counts[slot] + count;
        avgs[slot] =
            count == 1 && counts[slot] > 0
                ? avgs[slot] + (avg - avgs[slot]) / total
                : (avgs[slot] * counts[slot] + avg * count) / total;
        mins[slot] = Math.min(mins[slot], min);
        maxs[slot] = Math.max(maxs[slot], max);
        counts[slot] = total;
        return;
      }
      if (at == 0 && bSize == maxBuckets) {
        return; // older than the history the ring holds
      }
      if (starts[bucketSlot(bSize - 1)] - start >= historyMs) {
        return; // older than the history span
      }
    }
    insertBucket(at, start, min, max, avg, count);
    long newest = starts[bucketSlot(bSize - 1)];
    while (bSize > 0 && starts[bStart] <= newest - historyMs) {
      bStart = (bStart + 1) % starts.length;
      bSize--;
    }
  }

  private void insertBucket(int at, long start, double min, double max, double avg, long count) {
    if (at == bSize) {
      if (bSize == starts.length) {
        if (bSize < maxBuckets) {
          resizeBuckets(Math.min(maxBuckets, bSize * 2));
        } else {
          bStart = (bStart + 1) % starts.length; // at the bound: the newest replaces the oldest
          bSize--;
          at = bSize;
        }
      }
    } else {
      // Out of order, rare: make the ring linear (growing it if full) and shift the newer buckets.
      int capacity = starts.length;
      if (bSize == capacity) {
        if (bSize < maxBuckets) {
          capacity = Math.min(maxBuckets, bSize * 2);
        } else {
          bStart = (bStart + 1) % starts.length;
          bSize--;
          if (--at < 0) {
            return;
          }
        }
      }
      resizeBuckets(capacity);
      int moved = bSize - at;
      System.arraycopy(starts, at, starts, at + 1, moved);
      System.arraycopy(mins, at, mins, at + 1, moved);
      System.arraycopy(maxs, at, maxs, at + 1, moved);
      System.arraycopy(avgs, at, avgs, at + 1, moved);
      System.arraycopy(counts, at, counts, at + 1, moved);
    }
    int slot = bucketSlot(at);
    starts[slot] = start;
    mins[slot] = min;
    maxs[slot] = max;
    avgs[slot] = avg;
    counts[slot] = count;
    bSize++;
  }

  private void resizeBuckets(int capacity) {
    starts = linear(starts, bStart, bSize, capacity);
    mins = linear(mins, bStart, bSize, capacity);
    maxs = linear(maxs, bStart, bSize, capacity);
    avgs = linear(avgs, bStart, bSize, capacity);
    counts = linear(counts, bStart, bSize, capacity);
    bStart = 0;
  }

  /** The index of the first bucket whose start is not before {@code start}. */
  private int findBucket(long start) {
    int lo = 0;
    int hi = bSize;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[bucketSlot(mid)] < start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int bucketSlot(int i) {
    return (bStart + i) % starts.length;
  }

  private static long[] linear(long[] ring, int start, int size, int capacity) {
    long[] out = new long[capacity];
    int first = Math.min(size, ring.length - start);
    System.arraycopy(ring, start, out, 0, first);
    System.arraycopy(ring, 0, out, first, size - first);
    return out;
  }

  private static double[] linear(double[] ring, int start, int size, int capacity) {
    double[] out = new double[capacity];
    int first = Math.min(size, ring.length - start);
    System.arraycopy(ring, start, out, 0, first);
    System.arraycopy(ring, 0, out, first, size - first);
    return out;
  }
}
