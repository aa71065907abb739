package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.layout.LayeredLayout;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.Map;

/** Arranges every node with {@link LayeredLayout}, as one undoable edit. */
public final class AutoLayout implements Command {

  private final LayeredLayout layout;

  /** Lays out with the default spacing. */
  public AutoLayout() {
    this(new LayeredLayout());
  }

  public AutoLayout(LayeredLayout layout) {
    this.layout = layout;
  }

  @Override
  public String description() {
    return "Auto-layout";
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    if (before.nodes().isEmpty()) {
      return before;
    }
    Map<String, Position> positions = layout.positions(before);
    return new MoveNodes(positions).apply(before);
  }
}
