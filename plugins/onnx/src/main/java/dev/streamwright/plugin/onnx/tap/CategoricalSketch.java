package dev.streamwright.plugin.onnx.tap;

import java.util.HashMap;
import java.util.Map;

/**
 * One categorical column's figures for the open window: exact counts of the first {@code limit}
 * categories seen, and one count for the values of any other. Counting a known category allocates
 * nothing. Not thread-safe (its {@link TapRecorder} guards it).
 */
final class CategoricalSketch {

  private final int limit;
  private final HashMap<String, long[]> counts;
  private long count;
  private long missing;
  private long other;

  CategoricalSketch(int limit) {
    this.limit = limit;
    this.counts = new HashMap<>(2 * limit);
  }

  void add(String category) {
    count++;
    long[] n = counts.get(category);
    if (n != null) {
      n[0]++;
    } else if (counts.size() < limit) {
      counts.put(category, new long[] {1});
    } else {
      other++;
    }
  }

  void addMissing() {
    missing++;
  }

  CategoricalWindow window(long start, long length) {
    Map<String, Long> kept = new HashMap<>();
    counts.forEach((k, v) -> kept.put(k, v[0]));
    return new CategoricalWindow(start, length, count, missing, other, kept);
  }

  void reset() {
    counts.clear();
    count = 0;
    missing = 0;
    other = 0;
  }
}
