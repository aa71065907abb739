package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Moves nodes to new positions. The canvas makes one of these when a drag ends, however many nodes
 * were dragged, so one undo puts the whole drag back.
 */
public final class MoveNodes implements Command {

  private final SortedMap<String, Position> positions;

  /** Moves each node named in the map to its position. */
  public MoveNodes(Map<String, Position> positions) {
    if (positions.isEmpty()) {
      throw new IllegalArgumentException("name at least one node to move");
    }
    this.positions = new TreeMap<>(positions);
  }

  /** The new position of each moved node. */
  public Map<String, Position> positions() {
    return Collections.unmodifiableSortedMap(positions);
  }

  @Override
  public String description() {
    return "Move " + Words.nodes(positions.keySet());
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    PipelineEdits.requireAll(before, positions.keySet());
    return PipelineEdits.mapNodes(before, positions, n -> n.withPosition(positions.get(n.id())));
  }
}
