package dev.streamwright.monitor.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of a categorical column: counts per category of the reference, plus "other".
 *
 * <p>A reference keeps its {@link ProfileOptions#topCategories()} most frequent categories (ties in
 * count by name), most frequent first; the rest of its values count as other. A window counts
 * against the reference's categories: any other value, whether in the reference's tail or never
 * seen in the reference, counts as other. When the reference had no more categories than it keeps
 * (its other count is 0), every value a window counts as other is a category the reference never
 * had. Null values count as missing only.
 *
 * @param categories the categories, at most {@link ProfileOptions#topCategories()}
 * @param counts counts per category, in the order of {@code categories}, then other (one more entry
 *     than categories)
 * @param missing null values
 */
public record CategoricalProfile(List<String> categories, long[] counts, long missing)
    implements ColumnProfile {

  /** The label of the other bin in displays. */
  public static final String OTHER = "(other)";

  public CategoricalProfile {
    categories = List.copyOf(categories);
    counts = counts.clone();
    if (counts.length != categories.size() + 1) {
      throw new IllegalArgumentException(
          categories.size()
              + " categories need "
              + (categories.size() + 1)
              + " counts (other last), got "
              + counts.length);
    }
    if (categories.stream().distinct().count() != categories.size()) {
      throw new IllegalArgumentException("categories must be distinct: " + categories);
    }
  }

  /**
   * The reference profile of the given values.
   *
   * @param values the reference values; null counts as missing
   * @param options how many categories to keep
   * @return the profile
   */
  public static CategoricalProfile reference(Iterable<String> values, ProfileOptions options) {
    Map<String, long[]> byCategory = new HashMap<>();
    long missing = 0;
    for (String value : values) {
      if (value == null) {
        missing++;
      } else {
        byCategory.computeIfAbsent(value, v -> new long[1])[0]++;
      }
    }
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(byCategory.entrySet());
    entries.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    int kept = Math.min(options.topCategories(), entries.size());
    List<String> categories = new ArrayList<>(kept);
    long[] counts = new long[kept + 1];
    for (int i = 0; i < entries.size(); i++) {
      long c = entries.get(i).getValue()[0];
      if (i < kept) {
        categories.add(entries.get(i).getKey());
        counts[i] = c;
      } else {
        counts[kept] += c;
      }
    }
    return new CategoricalProfile(categories, counts, missing);
  }

  @Override
  public long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * Counts per category, other last.
   *
   * @return a copy
   */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** The counts without a copy, for the accumulators and measures of this package. */
  long[] countsView() {
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalProfile p
        && categories.equals(p.categories)
        && Arrays.equals(counts, p.counts)
        && missing == p.missing;
  }

  @Override
  public int hashCode() {
    return (31 * categories.hashCode() + Arrays.hashCode(counts)) * 31 + Long.hashCode(missing);
  }

  @Override
  public String toString() {
    return "CategoricalProfile[categories="
        + categories
        + ", counts="
        + Arrays.toString(counts)
        + ", missing="
        + missing
        + "]";
  }
}
