package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Deletes nodes together with every edge touching them; undo brings all of it back. */
public final class RemoveNodes implements Command {

  private final SortedSet<String> ids;

  public RemoveNodes(Collection<String> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("name at least one node to remove");
    }
    this.ids = new TreeSet<>(ids);
  }

  /** The ids of the nodes removed. */
  public Set<String> ids() {
    return Collections.unmodifiableSortedSet(ids);
  }

  @Override
  public String description() {
    return "Delete " + Words.nodes(ids);
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    PipelineEdits.requireAll(before, ids);
    return PipelineEdits.without(before, ids, Set.of());
  }
}
