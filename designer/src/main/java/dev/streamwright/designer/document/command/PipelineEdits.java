package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Bulk edits of an immutable pipeline in one pass, so that deleting or moving hundreds of nodes
 * costs one copy of the node list rather than one per node.
 */
final class PipelineEdits {

  private PipelineEdits() {}

  /** The node with this id, or a refusal saying it is gone. */
  static Node require(Pipeline pipeline, String nodeId) throws CommandRefused {
    return pipeline
        .node(nodeId)
        .orElseThrow(() -> new CommandRefused("node '" + nodeId + "' no longer exists"));
  }

  /** Refuses unless every id names a node of the pipeline. */
  static void requireAll(Pipeline pipeline, Collection<String> nodeIds) throws CommandRefused {
    Set<String> present = ids(pipeline);
    for (String id : nodeIds) {
      if (!present.contains(id)) {
        throw new CommandRefused("node '" + id + "' no longer exists");
      }
    }
  }

  /** The ids of the pipeline's nodes. */
  static Set<String> ids(Pipeline pipeline) {
    Set<String> ids = new HashSet<>();
    pipeline.nodes().forEach(n -> ids.add(n.id()));
    return ids;
  }

  /**
   * The pipeline without these nodes, the edges touching them, these edges, and the drift settings
   * naming the nodes' columns.
   */
  static Pipeline without(Pipeline p, Set<String> nodeIds, Set<Edge> edges) {
    List<Node> nodes = new ArrayList<>(p.nodes().size());
    for (Node n : p.nodes()) {
      if (!nodeIds.contains(n.id())) {
        nodes.add(n);
      }
    }
    List<Edge> kept = new ArrayList<>(p.edges().size());
    for (Edge e : p.edges()) {
      if (!nodeIds.contains(e.from()) && !nodeIds.contains(e.to()) && !edges.contains(e)) {
        kept.add(e);
      }
    }
    return withContent(p, nodes, kept).withDrift(driftWithout(p.drift(), nodeIds));
  }

  /** The drift settings without the columns of these nodes, which go with them. */
  private static DriftSettings driftWithout(DriftSettings d, Set<String> nodeIds) {
    if (d.add().isEmpty() && d.remove().isEmpty()) {
      return d;
    }
    return d.withColumns(
        d.add().stream().filter(c -> !nodeIds.contains(c.node())).toList(),
        d.remove().stream().filter(c -> !nodeIds.contains(c.node())).toList());
  }

  /** The pipeline with the given nodes changed by {@code change}, keeping their order. */
  static Pipeline mapNodes(Pipeline p, Map<String, ?> which, UnaryOperator<Node> change) {
    List<Node> nodes = new ArrayList<>(p.nodes().size());
    for (Node n : p.nodes()) {
      nodes.add(which.containsKey(n.id()) ? change.apply(n) : n);
    }
    return withContent(p, nodes, p.edges());
  }

  /** The pipeline with other nodes and edges, keeping its descriptive fields. */
  static Pipeline withContent(Pipeline p, List<Node> nodes, List<Edge> edges) {
    return new Pipeline(
        p.id(), p.name(), p.description(), p.version(), p.tags(), nodes, edges, p.drift());
  }
}
