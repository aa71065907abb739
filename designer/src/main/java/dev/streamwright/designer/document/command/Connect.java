package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.ConnectionRules;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Objects;
import java.util.Optional;

/** Connects an output port to an input port, refusing what {@link ConnectionRules} refuses. */
public final class Connect implements Command {

  private final Edge edge;
  private final NodeTypeRegistry registry;
  private final Compilation lastCompilation;

  /**
   * @param edge the edge to add
   * @param registry the node types, for their ports
   * @param lastCompilation the latest compilation of the document, or null when none has finished
   */
  public Connect(Edge edge, NodeTypeRegistry registry, Compilation lastCompilation) {
    this.edge = Objects.requireNonNull(edge, "edge");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.lastCompilation = lastCompilation;
  }

  /** The edge this command adds. */
  public Edge edge() {
    return edge;
  }

  @Override
  public String description() {
    return "Connect "
        + end(edge.from(), edge.fromPort(), PortSpec.OUT)
        + " to "
        + end(edge.to(), edge.toPort(), PortSpec.IN);
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Optional<String> why = ConnectionRules.whyNot(before, lastCompilation, registry, edge);
    if (why.isPresent()) {
      throw new CommandRefused(why.get());
    }
    return before.withEdge(edge);
  }

  private static String end(String node, String port, String conventional) {
    return port.equals(conventional) ? Words.quote(node) : Words.quote(node) + " (" + port + ")";
  }
}
