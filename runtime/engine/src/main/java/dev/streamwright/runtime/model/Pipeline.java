package dev.streamwright.runtime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming pipeline as the user designed it: nodes, the edges between their ports, and
 * descriptive fields. Immutable; every edit makes a new value, which is what undo history and the
 * compiler rely on.
 *
 * @param id stable id, also used for job names
 * @param name display name
 * @param description free text
 * @param version the user's version number of this pipeline, starting at 1
 * @param tags free labels
 * @param nodes the nodes, ids unique
 * @param edges the connections
 * @param drift how the pipeline's jobs profile columns for drift
 */
public record Pipeline(
    String id,
    String name,
    String description,
    long version,
    List<String> tags,
    List<Node> nodes,
    List<Edge> edges,
    DriftSettings drift) {

  public Pipeline {
    Objects.requireNonNull(id, "id");
    name = name == null || name.isBlank() ? id : name;
    description = description == null ? "" : description;
    tags = List.copyOf(tags == null ? List.of() : tags);
    nodes = List.copyOf(nodes == null ? List.of() : nodes);
    edges = List.copyOf(edges == null ? List.of() : edges);
    drift = drift == null ? DriftSettings.DEFAULTS : drift;
  }

  /** A pipeline with the default drift settings. */
  public Pipeline(
      String id,
      String name,
      String description,
      long version,
      List<String> tags,
      List<Node> nodes,
      List<Edge> edges) {
    this(id, name, description, version, tags, nodes, edges, DriftSettings.DEFAULTS);
  }

  /** An empty pipeline at version 1. */
  public static Pipeline empty(String id) {
    return new Pipeline(id, id, "", 1, List.of(), List.of(), List.of());
  }

  /** The node with this id. */
  public Optional<Node> node(String nodeId) {
    for (Node n : nodes) {
      if (n.id().equals(nodeId)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** This pipeline with a node added, or replaced when one with the same id exists. */
  public Pipeline withNode(Node node) {
    List<Node> next = new ArrayList<>(nodes);
    boolean replaced = false;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).id().equals(node.id())) {
        next.set(i, node);
        replaced = true;
      }
    }
    if (!replaced) {
      next.add(node);
    }
    return new Pipeline(id, name, description, version, tags, next, edges, drift);
  }

  /** This pipeline without the node and the edges touching it. */
  public Pipeline withoutNode(String nodeId) {
    List<Node> next = new ArrayList<>(nodes);
    next.removeIf(n -> n.id().equals(nodeId));
    List<Edge> nextEdges = new ArrayList<>(edges);
    nextEdges.removeIf(e -> e.from().equals(nodeId) || e.to().equals(nodeId));
    return new Pipeline(id, name, description, version, tags, next, nextEdges, drift);
  }

  /** This pipeline with an edge added. */
  public Pipeline withEdge(Edge edge) {
    List<Edge> next = new ArrayList<>(edges);
    next.add(edge);
    return new Pipeline(id, name, description, version, tags, nodes, next, drift);
  }

  /** This pipeline without the edge. */
  public Pipeline withoutEdge(Edge edge) {
    List<Edge> next = new ArrayList<>(edges);
    next.remove(edge);
    return new Pipeline(id, name, description, version, tags, nodes, next, drift);
  }

  /** This pipeline with other drift settings. */
  public Pipeline withDrift(DriftSettings settings) {
    return new Pipeline(id, name, description, version, tags, nodes, edges, settings);
  }

  /** This pipeline with another version number. */
  public Pipeline withVersion(long v) {
    return new Pipeline(id, name, description, v, tags, nodes, edges, drift);
  }
}
