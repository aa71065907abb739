package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The nodes and edges selected on the canvas, as an immutable value the view model can hold in one
 * property and commands (delete, copy, move) can take. Sorted, so descriptions and copies come out
 * the same whatever order the user clicked in.
 *
 * @param nodes ids of the selected nodes
 * @param edges the selected edges
 */
public record Selection(SortedSet<String> nodes, SortedSet<Edge> edges) {

  private static final Selection EMPTY = new Selection(new TreeSet<>(), new TreeSet<>());

  public Selection {
    nodes = frozen(new TreeSet<>(nodes));
    edges = frozen(new TreeSet<>(edges));
  }

  /** Nothing selected. */
  public static Selection empty() {
    return EMPTY;
  }

  /** These nodes selected. */
  public static Selection ofNodes(Collection<String> ids) {
    return new Selection(new TreeSet<>(ids), new TreeSet<>());
  }

  /** These nodes selected. */
  public static Selection ofNodes(String... ids) {
    return ofNodes(Arrays.asList(ids));
  }

  /** These edges selected. */
  public static Selection ofEdges(Collection<Edge> edges) {
    return new Selection(new TreeSet<>(), new TreeSet<>(edges));
  }

  /** Every node and edge of the pipeline (Select All). */
  public static Selection all(Pipeline pipeline) {
    return new Selection(
        new TreeSet<>(pipeline.nodes().stream().map(Node::id).toList()),
        new TreeSet<>(pipeline.edges()));
  }

  /** Whether nothing is selected. */
  public boolean isEmpty() {
    return nodes.isEmpty() && edges.isEmpty();
  }

  /** How many nodes and edges are selected. */
  public int size() {
    return nodes.size() + edges.size();
  }

  /** Whether the node is selected. */
  public boolean contains(String nodeId) {
    return nodes.contains(nodeId);
  }

  /** Whether the edge is selected. */
  public boolean contains(Edge edge) {
    return edges.contains(edge);
  }

  /** This selection plus the node. */
  public Selection with(String nodeId) {
    TreeSet<String> next = new TreeSet<>(nodes);
    next.add(nodeId);
    return new Selection(next, edges);
  }

  /** This selection plus the edge. */
  public Selection with(Edge edge) {
    TreeSet<Edge> next = new TreeSet<>(edges);
    next.add(edge);
    return new Selection(nodes, next);
  }

  /** This selection with the node added or removed (Ctrl+click). */
  public Selection toggle(String nodeId) {
    TreeSet<String> next = new TreeSet<>(nodes);
    if (!next.remove(nodeId)) {
      next.add(nodeId);
    }
    return new Selection(next, edges);
  }

  /** This selection with the edge added or removed (Ctrl+click). */
  public Selection toggle(Edge edge) {
    TreeSet<Edge> next = new TreeSet<>(edges);
    if (!next.remove(edge)) {
      next.add(edge);
    }
    return new Selection(nodes, next);
  }

  /**
   * This selection without what the pipeline no longer has, e.g. after an undo removed a selected
   * node.
   */
  public Selection retainExisting(Pipeline pipeline) {
    Set<String> ids = new HashSet<>();
    pipeline.nodes().forEach(n -> ids.add(n.id()));
    Set<Edge> present = new HashSet<>(pipeline.edges());
    TreeSet<String> keptNodes = new TreeSet<>(nodes);
    keptNodes.retainAll(ids);
    TreeSet<Edge> keptEdges = new TreeSet<>(edges);
    keptEdges.retainAll(present);
    if (keptNodes.size() == nodes.size() && keptEdges.size() == edges.size()) {
      return this;
    }
    return new Selection(keptNodes, keptEdges);
  }

  private static <T> SortedSet<T> frozen(TreeSet<T> set) {
    return Collections.unmodifiableSortedSet(set);
  }
}
