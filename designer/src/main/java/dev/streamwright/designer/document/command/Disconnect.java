package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Removes edges, leaving their nodes in place. */
public final class Disconnect implements Command {

  private final SortedSet<Edge> edges;

  public Disconnect(Collection<Edge> edges) {
    if (edges.isEmpty()) {
      throw new IllegalArgumentException("name at least one edge to remove");
    }
    this.edges = new TreeSet<>(edges);
  }

  /** Removes one edge. */
  public static Disconnect of(Edge edge) {
    return new Disconnect(List.of(edge));
  }

  @Override
  public String description() {
    if (edges.size() == 1) {
      Edge e = edges.first();
      return "Disconnect " + Words.quote(e.from()) + " from " + Words.quote(e.to());
    }
    return "Remove " + Words.count(edges.size(), "edge");
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Set<Edge> present = new HashSet<>(before.edges());
    for (Edge e : edges) {
      if (!present.contains(e)) {
        throw new CommandRefused("the edge " + e + " no longer exists");
      }
    }
    return PipelineEdits.without(before, Set.of(), edges);
  }
}
