package dev.streamwright.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * How a pipeline profiles its columns for drift: the tumbling window of the in-job drift tap,
 * whether taps are compiled in at all, and the columns added to or removed from the default set
 * (every Model score node's input and score columns). A pipeline file without a {@code drift} field
 * has {@link #DEFAULTS}.
 *
 * @param window the window's length as the user wrote it, e.g. {@code 1m} (checked when compiling)
 * @param enabled whether the pipeline's jobs profile columns at all
 * @param add columns monitored besides the defaults
 * @param remove default columns not monitored
 */
public record DriftSettings(
    String window, boolean enabled, List<DriftColumn> add, List<DriftColumn> remove) {

  /** The default window. */
  public static final String DEFAULT_WINDOW = "1m";

  /** One-minute windows, on, the default columns. */
  public static final DriftSettings DEFAULTS =
      new DriftSettings(DEFAULT_WINDOW, true, List.of(), List.of());

  public DriftSettings {
    window = window == null ? DEFAULT_WINDOW : window;
    add = List.copyOf(Objects.requireNonNullElse(add, List.of()));
    remove = List.copyOf(Objects.requireNonNullElse(remove, List.of()));
  }

  /** Whether these are the defaults (a file then leaves the field out). */
  public boolean isDefault() {
    return equals(DEFAULTS);
  }

  /** These settings with another window. */
  public DriftSettings withWindow(String w) {
    return new DriftSettings(w, enabled, add, remove);
  }

  /** These settings on or off. */
  public DriftSettings withEnabled(boolean on) {
    return new DriftSettings(window, on, add, remove);
  }

  /** These settings with other added and removed columns. */
  public DriftSettings withColumns(List<DriftColumn> added, List<DriftColumn> removed) {
    return new DriftSettings(window, enabled, added, removed);
  }
}
