package dev.streamwright.designer.document.clipboard;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.NodeIds;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds copied nodes and the edges among them under new ids, moved by an offset. The ids are chosen
 * when the command is made, so the view model can select the pasted nodes afterwards.
 */
public final class Paste implements Command {

  private final List<Node> nodes;
  private final List<Edge> edges;

  private Paste(List<Node> nodes, List<Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
  }

  /**
   * Pastes the snippet's nodes into {@code current} with ids new to it (after their types, e.g.
   * {@code filter_4}), moved by (dx, dy). Edges leading outside the snippet are dropped.
   */
  public static Paste of(Pipeline current, Pipeline snippet, double dx, double dy) {
    NodeIds ids = new NodeIds(current);
    Map<String, String> renamed = new HashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (Node n : snippet.nodes()) {
      String id = ids.next(n.type());
      renamed.put(n.id(), id);
      // A node that showed its id shows its new id; a name the user chose is kept.
      String name = n.name().equals(n.id()) ? null : n.name();
      Position at = new Position(n.position().x() + dx, n.position().y() + dy);
      nodes.add(new Node(id, n.type(), name, n.properties(), at));
    }
    List<Edge> edges = new ArrayList<>();
    for (Edge e : snippet.edges()) {
      String from = renamed.get(e.from());
      String to = renamed.get(e.to());
      if (from != null && to != null) {
        edges.add(new Edge(from, e.fromPort(), to, e.toPort()));
      }
    }
    return new Paste(nodes, edges);
  }

  /** The ids of the pasted nodes, in the snippet's order. */
  public List<String> nodeIds() {
    return nodes.stream().map(Node::id).toList();
  }

  /** The nodes this command adds. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The edges this command adds. */
  public List<Edge> edges() {
    return edges;
  }

  @Override
  public String description() {
    return nodes.size() == 1
        ? "Paste '" + nodes.get(0).id() + "'"
        : "Paste " + nodes.size() + " nodes";
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Set<String> taken = new HashSet<>();
    before.nodes().forEach(n -> taken.add(n.id()));
    for (Node n : nodes) {
      if (taken.contains(n.id())) {
        throw new CommandRefused(
            "a node with id '" + n.id() + "' appeared since the paste was prepared; paste again");
      }
    }
    List<Node> allNodes = new ArrayList<>(before.nodes());
    allNodes.addAll(nodes);
    List<Edge> allEdges = new ArrayList<>(before.edges());
    allEdges.addAll(edges);
    return new Pipeline(
        before.id(),
        before.name(),
        before.description(),
        before.version(),
        before.tags(),
        allNodes,
        allEdges,
        before.drift());
  }
}
