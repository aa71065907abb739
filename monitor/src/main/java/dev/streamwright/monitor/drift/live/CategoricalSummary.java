package dev.streamwright.monitor.drift.live;

import dev.streamwright.plugin.onnx.tap.CategoricalWindow;
import dev.streamwright.plugin.onnx.tap.TapWindow;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Categorical tap windows merged: counts per category add up; past a limit of categories (the
 * subtasks of a job may each keep different ones) a new category's count goes to other.
 */
public final class CategoricalSummary implements ColumnSummary {

  /** Categories kept at most: five subtasks' worth of a tap's 200. */
  static final int DEFAULT_LIMIT = 1_000;

  private final int limit;
  private final Map<String, Long> counts = new TreeMap<>();
  private long other;
  private long count;
  private long missing;

  /**
   * @param limit categories kept at most
   */
  public CategoricalSummary(int limit) {
    this.limit = limit;
  }

  @Override
  public void add(TapWindow window) {
    CategoricalWindow w = (CategoricalWindow) window;
    add(w.counts(), w.other(), w.count(), w.missing());
  }

  @Override
  public void add(ColumnSummary other) {
    CategoricalSummary o = (CategoricalSummary) other;
    add(o.counts, o.other, o.count, o.missing);
  }

  private void add(Map<String, Long> theirs, long theirOther, long n, long absent) {
    theirs.forEach(
        (category, c) -> {
          if (counts.containsKey(category) || counts.size() < limit) {
            counts.merge(category, c, Long::sum);
          } else {
            other += c;
          }
        });
    other += theirOther;
    count += n;
    missing += absent;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long missing() {
    return missing;
  }

  /** Counts per category kept (read-only view, sorted by category). */
  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  /** Values of categories not kept. */
  public long other() {
    return other;
  }
}
