package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a pipeline into Flink SQL in four passes: structural checks (node types, ids, property
 * values, edges, cycles), schema propagation in topological order, then rendering, which only runs
 * when nothing is in error. The same pipeline always gives byte-identical SQL: nodes are visited in
 * topological order with ties broken by id.
 */
public final class PipelineCompiler {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private final NodeTypeRegistry registry;

  public PipelineCompiler(NodeTypeRegistry registry) {
    this.registry = registry;
  }

  /** The node types this compiler knows. */
  public NodeTypeRegistry registry() {
    return registry;
  }

  /** Compiles for an environment that sets nothing. */
  public Compilation compile(Pipeline pipeline) {
    return compile(pipeline, Map.of());
  }

  /**
   * Compiles the pipeline.
   *
   * @param environment settings of the target environment, e.g. {@code kafka.bootstrap.servers}
   */
  public Compilation compile(Pipeline pipeline, Map<String, String> environment) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Node> nodes = new TreeMap<>();
    Map<String, NodeType> types = new HashMap<>();
    checkNodes(pipeline, nodes, types, problems);
    Map<String, Map<String, Edge>> inbound = checkEdges(pipeline, nodes, types, problems);
    if (types.values().stream().noneMatch(t -> t.category() == NodeCategory.SINK)) {
      problems.add(
          Problem.error(
              null,
              null,
              "the pipeline has no sink, so its rows go nowhere; add a preview, print, file or"
                  + " Kafka sink"));
    }
    List<String> order = topologicalOrder(nodes.keySet(), pipeline.edges(), problems);

    Map<String, Map<String, Schema>> schemas = new TreeMap<>();
    Set<String> failed = new HashSet<>();
    for (Problem p : problems) {
      if (p.isError() && p.nodeId() != null) {
        failed.add(p.nodeId());
      }
    }
    for (String id : order) {
      NodeType type = types.get(id);
      if (type == null || failed.contains(id)) {
        continue;
      }
      derive(
          nodes.get(id),
          type,
          inbound.getOrDefault(id, Map.of()),
          environment,
          schemas,
          failed,
          problems);
    }
    warnAboutUnusedOutputs(nodes, types, pipeline.edges(), failed, schemas, problems);
    Map<String, DriftTapSpec> taps =
        DriftTaps.plan(pipeline, nodes, types, inbound, schemas, environment, problems);

    boolean hasErrors = problems.stream().anyMatch(Problem::isError);
    CompiledPipeline compiled = null;
    if (!hasErrors) {
      compiled = render(pipeline, order, nodes, types, inbound, schemas, environment, taps);
    }
    return new Compilation(pipeline, problems, schemas, compiled);
  }

  private void checkNodes(
      Pipeline pipeline,
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      List<Problem> problems) {
    for (Node node : pipeline.nodes()) {
      if (nodes.containsKey(node.id())) {
        problems.add(
            Problem.error(
                node.id(), null, "the id is used by another node too; give each node its own id"));
        continue;
      }
      nodes.put(node.id(), node);
      if (!NODE_ID.matcher(node.id()).matches()) {
        problems.add(
            Problem.error(
                node.id(),
                null,
                "the id must start with a letter and hold only letters, digits, '_' and '-'"
                    + " (at most 64)"));
      }
      NodeType type = registry.find(node.type()).orElse(null);
      if (type == null) {
        problems.add(
            Problem.error(
                node.id(),
                null,
                "unknown node type '"
                    + node.type()
                    + "'; "
                    + NameSuggestions.closest(
                            node.type(), registry.all().stream().map(NodeType::id).toList())
                        .map(t -> "did you mean '" + t + "'? ")
                        .orElse("")
                    + "known types: "
                    + String.join(", ", registry.all().stream().map(NodeType::id).toList())
                    + " (a plugin may be missing)"));
        continue;
      }
      types.put(node.id(), type);
      PropertyChecks.check(node.id(), type.id(), node.properties(), type.properties(), problems);
    }
  }

  /** Checks every edge and returns, per node, the edge feeding each of its input ports. */
  private Map<String, Map<String, Edge>> checkEdges(
      Pipeline pipeline,
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      List<Problem> problems) {
    Map<String, Map<String, Edge>> inbound = new HashMap<>();
    Set<Edge> seen = new HashSet<>();
    for (Edge e : pipeline.edges()) {
      if (!seen.add(e)) {
        problems.add(
            Problem.error(e.to(), null, "edge " + e + " is listed twice; remove one of them"));
        continue;
      }
      if (!nodes.containsKey(e.from()) || !nodes.containsKey(e.to())) {
        String missing = nodes.containsKey(e.from()) ? e.to() : e.from();
        String owner = nodes.containsKey(e.from()) ? e.from() : e.to();
        problems.add(
            Problem.error(
                nodes.containsKey(owner) ? owner : null,
                null,
                "edge " + e + " refers to node '" + missing + "', which does not exist"));
        continue;
      }
      NodeType fromType = types.get(e.from());
      NodeType toType = types.get(e.to());
      if (fromType != null && port(fromType.outputs(), e.fromPort()) == null) {
        problems.add(
            Problem.error(
                e.from(),
                null,
                "edge "
                    + e
                    + " starts at output port '"
                    + e.fromPort()
                    + "', which a "
                    + fromType.id()
                    + " node does not have; its outputs: "
                    + portNames(fromType.outputs())));
        continue;
      }
      if (toType != null && port(toType.inputs(), e.toPort()) == null) {
        problems.add(
            Problem.error(
                e.to(),
                null,
                "edge "
                    + e
                    + " ends at input port '"
                    + e.toPort()
                    + "', which a "
                    + toType.id()
                    + " node does not have; its inputs: "
                    + portNames(toType.inputs())));
        continue;
      }
      Map<String, Edge> ports = inbound.computeIfAbsent(e.to(), k -> new TreeMap<>());
      if (ports.containsKey(e.toPort())) {
        problems.add(
            Problem.error(
                e.to(),
                null,
                "input port '"
                    + e.toPort()
                    + "' has two edges ("
                    + ports.get(e.toPort())
                    + " and "
                    + e
                    + "); a port takes one, so remove one edge"));
        continue;
      }
      ports.put(e.toPort(), e);
    }
    for (Map.Entry<String, NodeType> entry : new TreeMap<>(types).entrySet()) {
      for (PortSpec in : entry.getValue().inputs()) {
        if (!inbound.getOrDefault(entry.getKey(), Map.of()).containsKey(in.id())) {
          problems.add(
              Problem.error(
                  entry.getKey(),
                  null,
                  "input port '" + in.id() + "' is not connected; connect an upstream node to it"));
        }
      }
    }
    return inbound;
  }

  /** Kahn's algorithm with ties broken by node id; nodes left over sit on a cycle. */
  private static List<String> topologicalOrder(
      Set<String> ids, List<Edge> edges, List<Problem> problems) {
    Map<String, Integer> indegree = new TreeMap<>();
    Map<String, List<String>> next = new HashMap<>();
    ids.forEach(id -> indegree.put(id, 0));
    Set<String> pairs = new HashSet<>();
    for (Edge e : edges) {
      if (ids.contains(e.from()) && ids.contains(e.to()) && pairs.add(e.from() + "\0" + e.to())) {
        indegree.merge(e.to(), 1, Integer::sum);
        next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
      }
    }
    PriorityQueue<String> ready = new PriorityQueue<>();
    indegree.forEach(
        (id, d) -> {
          if (d == 0) {
            ready.add(id);
          }
        });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String to : next.getOrDefault(id, List.of())) {
        if (indegree.merge(to, -1, Integer::sum) == 0) {
          ready.add(to);
        }
      }
    }
    if (order.size() < ids.size()) {
      List<String> cyclic = new ArrayList<>();
      indegree.forEach(
          (id, d) -> {
            if (d > 0) {
              cyclic.add(id);
            }
          });
      for (String id : cyclic) {
        problems.add(
            Problem.error(
                id,
                null,
                "is part of a cycle among nodes "
                    + String.join(", ", cyclic)
                    + "; rows must flow one way, so remove an edge that leads back"));
      }
    }
    return order;
  }

  private void derive(
      Node node,
      NodeType type,
      Map<String, Edge> inbound,
      Map<String, String> environment,
      Map<String, Map<String, Schema>> schemas,
      Set<String> failed,
      List<Problem> problems) {
    Map<String, Schema> inputs = new LinkedHashMap<>();
    for (PortSpec in : type.inputs()) {
      Edge e = inbound.get(in.id());
      Schema upstream =
          e == null ? null : schemas.getOrDefault(e.from(), Map.of()).get(e.fromPort());
      if (upstream == null) {
        if (e != null && schemas.containsKey(e.from())) {
          // The upstream node is fine but gives no rows on that port as it is set up.
          problems.add(
              Problem.error(
                  node.id(),
                  null,
                  "input '"
                      + in.id()
                      + "' is connected to output '"
                      + e.fromPort()
                      + "' of '"
                      + e.from()
                      + "', which gives no rows with that node's current properties (a Kafka"
                      + " source's 'malformed' output needs Malformed records = dead-letter, a"
                      + " model score's 'invalid' output On invalid input = dead-letter);"
                      + " change them or remove the connection"));
          failed.add(node.id());
        }
        return; // otherwise an upstream problem is already reported; no follow-on errors
      }
      if (upstream.updating() && !in.acceptsUpdates()) {
        problems.add(
            Problem.error(
                node.id(),
                null,
                "input '"
                    + in.id()
                    + "' takes append-only rows, but '"
                    + e.from()
                    + "' produces updates to earlier rows; feed it from a window aggregate or"
                    + " use a preview or print sink"));
        failed.add(node.id());
        return;
      }
      inputs.put(in.id(), upstream);
    }
    NodeProperties props = new NodeProperties(node.properties(), type.properties());
    List<Problem> own = new ArrayList<>();
    Map<String, Schema> out;
    try {
      out = type.deriveSchema(new DeriveContext(node.id(), props, inputs, environment, own));
    } catch (RuntimeException ex) {
      own.add(
          Problem.error(
              node.id(),
              null,
              "node type '" + type.id() + "' failed to derive its schema: " + ex.getMessage()));
      out = Map.of();
    }
    problems.addAll(own);
    if (own.stream().anyMatch(Problem::isError)) {
      failed.add(node.id());
      return;
    }
    schemas.put(node.id(), Map.copyOf(out == null ? Map.of() : out));
  }

  private static void warnAboutUnusedOutputs(
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      List<Edge> edges,
      Set<String> failed,
      Map<String, Map<String, Schema>> schemas,
      List<Problem> problems) {
    Set<String> used = new HashSet<>();
    for (Edge e : edges) {
      used.add(e.from() + "\0" + e.fromPort());
    }
    for (String id : nodes.keySet()) {
      NodeType type = types.get(id);
      if (type == null || failed.contains(id)) {
        continue;
      }
      Map<String, Schema> given = schemas.getOrDefault(id, Map.of());
      for (PortSpec out : type.outputs()) {
        // A node with several outputs only warns about outputs that give rows as it is set up
        // (a dead-letter output does in dead-letter mode), so unused optional ports stay quiet.
        boolean givesRows = type.outputs().size() == 1 || given.containsKey(out.id());
        if (!used.contains(id + "\0" + out.id()) && givesRows) {
          problems.add(
              Problem.warning(
                  id, null, "output '" + out.id() + "' is not connected; its rows are dropped"));
        }
      }
    }
  }

  private static CompiledPipeline render(
      Pipeline pipeline,
      List<String> order,
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      Map<String, Map<String, Edge>> inbound,
      Map<String, Map<String, Schema>> schemas,
      Map<String, String> environment,
      Map<String, DriftTapSpec> taps) {
    List<SqlStatement> statements = new ArrayList<>();
    Map<String, String> tapped = new HashMap<>();
    List<SqlStatement> inserts = new ArrayList<>();
    List<SqlStatement> previews = new ArrayList<>();
    for (String id : order) {
      Node node = nodes.get(id);
      NodeType type = types.get(id);
      Map<String, Schema> inputs = new LinkedHashMap<>();
      Map<String, String> inputRelations = new LinkedHashMap<>();
      inbound
          .getOrDefault(id, Map.of())
          .forEach(
              (port, e) -> {
                inputs.put(port, schemas.get(e.from()).get(e.fromPort()));
                inputRelations.put(
                    port,
                    tapped.getOrDefault(
                        e.from() + "\0" + e.fromPort(), Relations.of(e.from(), e.fromPort())));
              });
      NodeProperties props = new NodeProperties(node.properties(), type.properties());
      int from = statements.size();
      type.render(
          new SqlRenderContext(
              id,
              props,
              inputs,
              inputRelations,
              schemas.getOrDefault(id, Map.of()),
              environment,
              statements,
              inserts,
              previews));
      DriftTapSpec tap = taps.get(id);
      if (tap != null) {
        DriftTaps.apply(
                tap, statements, from, !functionRegistered(statements), p -> Relations.of(id, p))
            .ifPresent(r -> tapped.put(id + "\0" + tap.port(), r));
      }
    }
    return new CompiledPipeline(
        pipeline.id(),
        pipeline.name(),
        pipeline.version(),
        statements,
        inserts,
        previews,
        schemas,
        List.copyOf(taps.values()));
  }

  private static boolean functionRegistered(List<SqlStatement> statements) {
    SqlStatement function = DriftTaps.function("");
    return statements.stream().anyMatch(s -> s.sql().equals(function.sql()));
  }

  private static PortSpec port(List<PortSpec> ports, String id) {
    for (PortSpec p : ports) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  private static String portNames(List<PortSpec> ports) {
    return ports.isEmpty() ? "none" : String.join(", ", ports.stream().map(PortSpec::id).toList());
  }
}
