package dev.streamwright.plugin.onnx.tap;

import java.util.Map;
import java.util.TreeMap;

/**
 * A categorical column's window in one subtask: exact counts per category for the first categories
 * seen (at most the tap's category limit), and one count for the values of every category past that
 * limit.
 *
 * @param start the window's start, epoch milliseconds
 * @param length the window's length in milliseconds
 * @param count values that were not missing (the counts and {@code other} add up to it)
 * @param missing values that were null
 * @param other values of categories past the limit
 * @param counts per category kept, its count (sorted by category)
 */
public record CategoricalWindow(
    long start, long length, long count, long missing, long other, Map<String, Long> counts)
    implements TapWindow {

  public CategoricalWindow {
    TapWire.checkWindow(start, length, count, missing);
    counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    long total = other;
    for (long n : counts.values()) {
      total += n;
    }
    if (total != count || other < 0) {
      throw new IllegalArgumentException(
          "Category counts (" + total + " with other " + other + ") do not add up to " + count);
    }
  }
}
