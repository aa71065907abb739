package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.plugin.api.Durations;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes the pipeline's drift settings: the tap's window, whether taps are on, or whether one
 * column is monitored. A column the node type monitors by default is unmonitored by recording a
 * removal; any other column is monitored by recording an addition; undoing either leaves the
 * settings as they were, so a file never holds both an addition and a removal of one column.
 */
public final class SetDrift implements Command {

  /** The shortest window the drift tap accepts. */
  public static final Duration SHORTEST_WINDOW = Duration.ofSeconds(1);

  private enum What {
    WINDOW,
    ENABLED,
    COLUMN
  }

  private final What what;
  private final String window;
  private final boolean on;
  private final DriftColumn column;
  private final boolean byDefault;

  private SetDrift(What what, String window, boolean on, DriftColumn column, boolean byDefault) {
    this.what = what;
    this.window = window;
    this.on = on;
    this.column = column;
    this.byDefault = byDefault;
  }

  /** Sets the drift tap's window, e.g. {@code 1m}; refuses text that is not 1s or longer. */
  public static SetDrift window(String window) {
    return new SetDrift(What.WINDOW, window == null ? "" : window.strip(), false, null, false);
  }

  /** Turns the pipeline's drift taps on or off. */
  public static SetDrift enabled(boolean on) {
    return new SetDrift(What.ENABLED, null, on, null, false);
  }

  /**
   * Monitors a column or stops monitoring it.
   *
   * @param byDefault whether the node type monitors the column when the settings say nothing (a
   *     Model score node's input and score columns)
   */
  public static SetDrift column(DriftColumn column, boolean monitored, boolean byDefault) {
    return new SetDrift(
        What.COLUMN, null, monitored, Objects.requireNonNull(column, "column"), byDefault);
  }

  /** Why the text is not a drift window, in the user's words; null when it is one. */
  public static String whyNotWindow(String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      return "the drift window " + e.getMessage();
    }
    if (d.compareTo(SHORTEST_WINDOW) < 0) {
      return "the drift window '"
          + text.strip()
          + "' is shorter than 1s; use 1s or more (the default is "
          + DriftSettings.DEFAULT_WINDOW
          + ")";
    }
    return null;
  }

  @Override
  public String description() {
    return switch (what) {
      case WINDOW -> "Set the drift window to " + Words.quote(window);
      case ENABLED -> on ? "Turn drift monitoring on" : "Turn drift monitoring off";
      case COLUMN ->
          (on ? "Monitor drift of " : "Stop monitoring drift of ") + Words.quote(column.toString());
    };
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    DriftSettings d = before.drift();
    return before.withDrift(
        switch (what) {
          case WINDOW -> {
            String why = whyNotWindow(window);
            if (why != null) {
              throw new CommandRefused(why);
            }
            yield d.withWindow(window);
          }
          case ENABLED -> d.withEnabled(on);
          case COLUMN -> column(d);
        });
  }

  private DriftSettings column(DriftSettings d) throws CommandRefused {
    if (!on && !byDefault && !d.add().contains(column)) {
      throw new CommandRefused(column + " is not monitored");
    }
    List<DriftColumn> add = new ArrayList<>(d.add());
    List<DriftColumn> remove = new ArrayList<>(d.remove());
    add.remove(column);
    remove.remove(column);
    if (on && !byDefault) {
      add.add(column);
    } else if (!on && byDefault) {
      remove.add(column);
    }
    add.sort(null);
    remove.sort(null);
    return d.withColumns(add, remove);
  }
}
