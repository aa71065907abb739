package dev.streamwright.designer.document;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an edge may be drawn, and if not says why in the user's words, so the canvas can
 * refuse a port drag with a tooltip instead of letting the user build a pipeline the compiler will
 * reject. The {@code Connect} command applies the same rules.
 */
public final class ConnectionRules {

  private ConnectionRules() {}

  /**
   * Why the edge from {@code fromNode.fromPort} to {@code toNode.toPort} may not be added.
   *
   * @see #whyNot(Pipeline, Compilation, NodeTypeRegistry, Edge)
   */
  public static Optional<String> whyNot(
      Pipeline pipeline,
      Compilation lastCompilation,
      NodeTypeRegistry registry,
      String fromNode,
      String fromPort,
      String toNode,
      String toPort) {
    return whyNot(
        pipeline, lastCompilation, registry, new Edge(fromNode, fromPort, toNode, toPort));
  }

  /**
   * Why the edge may not be added to the pipeline, or empty when it may.
   *
   * @param lastCompilation the latest compilation of (a recent revision of) the pipeline, or null;
   *     it tells whether the source port carries a changelog
   */
  public static Optional<String> whyNot(
      Pipeline pipeline, Compilation lastCompilation, NodeTypeRegistry registry, Edge edge) {
    Optional<Node> from = pipeline.node(edge.from());
    Optional<Node> to = pipeline.node(edge.to());
    if (from.isEmpty() || to.isEmpty()) {
      String missing = from.isEmpty() ? edge.from() : edge.to();
      return Optional.of("node '" + missing + "' no longer exists");
    }
    if (edge.from().equals(edge.to())) {
      return Optional.of(
          "a node cannot feed itself; connect '" + edge.from() + "' to another node");
    }
    Optional<NodeType> fromType = registry.find(from.get().type());
    Optional<NodeType> toType = registry.find(to.get().type());
    if (fromType.isEmpty() || toType.isEmpty()) {
      Node unknown = fromType.isEmpty() ? from.get() : to.get();
      return Optional.of(
          "'"
              + unknown.id()
              + "' has the unknown type '"
              + unknown.type()
              + "', so its ports are unknown; install the plugin that provides it");
    }
    Optional<String> portProblem = portProblem(edge, fromType.get(), toType.get());
    if (portProblem.isPresent()) {
      return portProblem;
    }
    for (Edge e : pipeline.edges()) {
      if (e.equals(edge)) {
        return Optional.of(
            "'"
                + edge.from()
                + "' is already connected to input '"
                + edge.toPort()
                + "' of '"
                + edge.to()
                + "'");
      }
      if (e.to().equals(edge.to()) && e.toPort().equals(edge.toPort())) {
        return Optional.of(
            "input '"
                + edge.toPort()
                + "' of '"
                + edge.to()
                + "' already has an edge from '"
                + e.from()
                + "'; remove it first");
      }
    }
    if (reaches(pipeline, edge.to(), edge.from())) {
      return Optional.of(
          "the edge would create a cycle: '"
              + edge.to()
              + "' already feeds '"
              + edge.from()
              + "'; rows must flow one way");
    }
    PortSpec input = port(toType.get().inputs(), edge.toPort());
    if (!input.acceptsUpdates() && lastCompilation != null) {
      Optional<Schema> upstream = lastCompilation.schema(edge.from(), edge.fromPort());
      if (upstream.isPresent() && upstream.get().updating()) {
        return Optional.of(
            "'"
                + edge.from()
                + "' produces updates to earlier rows (a changelog), but input '"
                + edge.toPort()
                + "' of '"
                + edge.to()
                + "' takes append-only rows; feed it from a window aggregate or use a preview or"
                + " print sink");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> portProblem(Edge edge, NodeType fromType, NodeType toType) {
    if (fromType.outputs().isEmpty()) {
      return Optional.of("'" + edge.from() + "' has no outputs: rows end there");
    }
    if (toType.inputs().isEmpty()) {
      return Optional.of("'" + edge.to() + "' takes no inputs: it is where rows start");
    }
    if (port(fromType.outputs(), edge.fromPort()) == null) {
      return Optional.of(
          "'"
              + edge.from()
              + "' has no output '"
              + edge.fromPort()
              + "'; its outputs: "
              + names(fromType.outputs()));
    }
    if (port(toType.inputs(), edge.toPort()) == null) {
      return Optional.of(
          "'"
              + edge.to()
              + "' has no input '"
              + edge.toPort()
              + "'; its inputs: "
              + names(toType.inputs()));
    }
    return Optional.empty();
  }

  /** Whether rows leaving {@code start} can reach {@code target} along existing edges. */
  private static boolean reaches(Pipeline pipeline, String start, String target) {
    Map<String, List<String>> next = new HashMap<>();
    for (Edge e : pipeline.edges()) {
      next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(target)) {
        return true;
      }
      if (seen.add(id)) {
        next.getOrDefault(id, List.of()).forEach(todo::push);
      }
    }
    return false;
  }

  private static PortSpec port(List<PortSpec> ports, String id) {
    for (PortSpec p : ports) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  private static String names(List<PortSpec> ports) {
    return String.join(", ", ports.stream().map(PortSpec::id).toList());
  }
}
