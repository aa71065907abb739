package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the selected nodes (with their edges) and the selected edges as one undo step, which is
 * what the Delete key does on the canvas.
 */
public final class DeleteSelection implements Command {

  private final Selection selection;

  public DeleteSelection(Selection selection) {
    if (selection.isEmpty()) {
      throw new IllegalArgumentException("nothing is selected to delete");
    }
    this.selection = selection;
  }

  @Override
  public String description() {
    List<String> parts = new ArrayList<>();
    if (!selection.nodes().isEmpty()) {
      parts.add(Words.nodes(selection.nodes()));
    }
    if (!selection.edges().isEmpty()) {
      parts.add(Words.count(selection.edges().size(), "edge"));
    }
    return "Delete " + String.join(" and ", parts);
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Pipeline after = before;
    if (!selection.nodes().isEmpty()) {
      after = new RemoveNodes(selection.nodes()).apply(after);
    }
    // Selected edges that touched a deleted node are already gone with it.
    List<Edge> rest = new ArrayList<>();
    for (Edge e : selection.edges()) {
      if (!selection.contains(e.from()) && !selection.contains(e.to())) {
        rest.add(e);
      }
    }
    if (!rest.isEmpty()) {
      after = new Disconnect(rest).apply(after);
    }
    return after;
  }
}
