package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns merged tap windows into the drift core's profiles.
 *
 * <p><b>Against a reference.</b> A numeric window's bin counts are its sample binned into the
 * reference's edges (as the core defines the bins), scaled to the window's exact count by largest
 * remainders, so PSI and Jensen-Shannon see the sample's shares and the rows reported are exact;
 * mean and std are the exact ones of the window. A categorical window counts its categories that
 * the reference keeps, and everything else (other categories, the tap's and the merge's other) as
 * other.
 *
 * <p><b>As a reference</b> ("use the last hour"): a numeric reference is {@link
 * NumericProfile#reference} of the merged sample (quantile edges from it), with the exact mean and
 * std of the windows; a categorical one keeps the {@link ProfileOptions#topCategories()} most
 * frequent categories (ties by name) and counts the rest as other.
 */
public final class LiveProfiles {

  private LiveProfiles() {}

  /**
   * A merged window as a profile against a reference.
   *
   * @throws IllegalArgumentException when the window and the reference are of different kinds
   */
  public static ColumnProfile against(ColumnProfile reference, ColumnSummary window) {
    if (reference instanceof NumericProfile ref && window instanceof NumericSummary w) {
      double[] edges = ref.edges();
      double[] sample = w.sample();
      long[] binned = new long[edges.length == 1 ? 3 : edges.length + 1];
      for (double v : sample) {
        binned[bin(edges, v, binned.length)]++;
      }
      return new NumericProfile(
          edges, scaled(binned, sample.length, w.count()), w.missing(), w.mean(), w.std(), sample);
    }
    if (reference instanceof CategoricalProfile ref && window instanceof CategoricalSummary w) {
      List<String> categories = ref.categories();
      long[] counts = new long[categories.size() + 1];
      long kept = 0;
      for (int i = 0; i < categories.size(); i++) {
        counts[i] = w.counts().getOrDefault(categories.get(i), 0L);
        kept += counts[i];
      }
      counts[categories.size()] = w.count() - kept;
      return new CategoricalProfile(categories, counts, w.missing());
    }
    throw new IllegalArgumentException(
        "the reference is "
            + (reference instanceof NumericProfile ? "numeric" : "categorical")
            + " but the tap sends "
            + window.kind()
            + " windows; set a "
            + window.kind()
            + " reference for this column");
  }

  /**
   * A merged window (e.g. the last hour) as a reference profile.
   *
   * @throws IllegalArgumentException when it has no value to bin
   */
  public static ColumnProfile reference(ColumnSummary window, ProfileOptions options) {
    if (window instanceof NumericSummary w) {
      NumericProfile p = NumericProfile.reference(w.sample(), options);
      double[] edges = p.edges();
      return new NumericProfile(
          edges,
          scaled(p.counts(), p.count(), w.count()),
          w.missing(),
          w.mean(),
          w.std(),
          p.sample());
    }
    CategoricalSummary w = (CategoricalSummary) window;
    List<Map.Entry<String, Long>> byCount = new ArrayList<>(w.counts().entrySet());
    byCount.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> categories = new ArrayList<>();
    long kept = 0;
    for (Map.Entry<String, Long> e : byCount) {
      if (categories.size() == options.topCategories()) {
        break;
      }
      categories.add(e.getKey());
      kept += e.getValue();
    }
    long[] counts = new long[categories.size() + 1];
    for (int i = 0; i < categories.size(); i++) {
      counts[i] = w.counts().get(categories.get(i));
    }
    counts[categories.size()] = w.count() - kept;
    return new CategoricalProfile(categories, counts, w.missing());
  }

  /** The bin of a finite value as {@link NumericProfile} defines them. */
  static int bin(double[] edges, double v, int bins) {
    if (v < edges[0]) {
      return 0;
    }
    int last = edges.length - 1;
    if (v > edges[last]) {
      return bins - 1;
    }
    int bin = 1;
    for (int j = 1; j < last; j++) {
      if (v >= edges[j]) {
        bin++;
      }
    }
    return bin;
  }

  /**
   * Counts of a sample of {@code of} values scaled to {@code total} values: floors of the shares,
   * the rest one by one to the largest remainders (ties to the lower bin).
   */
  static long[] scaled(long[] counts, long of, long total) {
    long[] out = new long[counts.length];
    if (of == 0 || total == of) {
      return of == 0 ? out : counts.clone();
    }
    double[] remainder = new double[counts.length];
    long given = 0;
    for (int i = 0; i < counts.length; i++) {
      double exact = (double) counts[i] * total / of;
      out[i] = (long) Math.floor(exact);
      remainder[i] = exact - out[i];
      given += out[i];
    }
    for (long left = total - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < counts.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      out[best]++;
      remainder[best] = -1;
    }
    return out;
  }
}
