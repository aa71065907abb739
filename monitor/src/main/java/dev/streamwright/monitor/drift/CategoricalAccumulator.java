package dev.streamwright.monitor.drift;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the profile of a categorical column one value at a time against a reference's categories
 * (see {@link CategoricalProfile} for what counts as other); snapshots of several windows merge
 * into one. Counting a value looks it up in a hash map and allocates nothing. Not thread-safe.
 */
public final class CategoricalAccumulator {

  private final List<String> categories;
  private final Map<String, Integer> index;
  private final long[] counts;
  private long missing;

  /**
   * An accumulator against a reference's categories.
   *
   * @param reference the reference
   */
  public CategoricalAccumulator(CategoricalProfile reference) {
    this.categories = reference.categories();
    this.index = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      index.put(categories.get(i), i);
    }
    this.counts = new long[categories.size() + 1];
  }

  /**
   * Counts one value.
   *
   * @param value the category; null counts as missing
   */
  public void add(String value) {
    if (value == null) {
      missing++;
      return;
    }
    Integer i = index.get(value);
    counts[i == null ? counts.length - 1 : i]++;
  }

  /**
   * Adds a profile built against the same categories (another window's snapshot).
   *
   * @param other the profile to add
   * @throws IllegalArgumentException when its categories differ from this accumulator's
   */
  public void merge(CategoricalProfile other) {
    if (!categories.equals(other.categories())) {
      throw new IllegalArgumentException(
          "cannot merge a profile of categories "
              + other.categories()
              + " into one of "
              + categories
              + ": windows merge only when built against the same reference");
    }
    long[] theirs = other.countsView();
    for (int i = 0; i < counts.length; i++) {
      counts[i] += theirs[i];
    }
    missing += other.missing();
  }

  /** Forgets every value, for the next window. */
  public void reset() {
    Arrays.fill(counts, 0);
    missing = 0;
  }

  /**
   * An immutable profile of what was counted so far.
   *
   * @return the profile
   */
  public CategoricalProfile snapshot() {
    return new CategoricalProfile(categories, counts, missing);
  }
}
