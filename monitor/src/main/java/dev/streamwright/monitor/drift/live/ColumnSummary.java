package dev.streamwright.monitor.drift.live;

import dev.streamwright.plugin.onnx.tap.CategoricalWindow;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import dev.streamwright.plugin.onnx.tap.TapWindow;

/**
 * The merge of drift tap windows of one column (several subtasks' windows of one minute, or several
 * minutes): exact counts and moments, and a bounded sample or category counts. Mutable, used by one
 * thread (the monitor's).
 */
public sealed interface ColumnSummary permits NumericSummary, CategoricalSummary {

  /** Values that were not missing. */
  long count();

  /** Values that were missing. */
  long missing();

  /** Adds a subtask's window. */
  void add(TapWindow window);

  /** Adds another summary of the same kind. */
  void add(ColumnSummary other);

  /** An empty summary of the same kind as a window, keeping at most {@code sample} values. */
  static ColumnSummary of(TapWindow window, int sample, long seed) {
    return window instanceof NumericWindow
        ? new NumericSummary(sample, seed)
        : new CategoricalSummary(CategoricalSummary.DEFAULT_LIMIT);
  }

  /** Whether a window is of this summary's kind. */
  default boolean accepts(TapWindow window) {
    return this instanceof NumericSummary
        ? window instanceof NumericWindow
        : window instanceof CategoricalWindow;
  }

  /** The kind in words: numeric or categorical. */
  default String kind() {
    return this instanceof NumericSummary ? "numeric" : "categorical";
  }
}
