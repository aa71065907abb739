package dev.streamwright.monitor.flink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.flink.JobPlan.Kind;
import dev.streamwright.monitor.flink.JobPlan.Operator;
import dev.streamwright.monitor.flink.JobPlan.Vertex;
import dev.streamwright.runtime.connectors.ConnectorTable;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which Flink job vertices run which pipeline nodes, read from the job's plan ({@code GET
 * /jobs/{jid}/plan}) and the pipeline the job was compiled from. No node is found by guessing from
 * an operator's name; the rules, from exact to structural:
 *
 * <ul>
 *   <li><b>Sources</b>: the compiler names every source table after its node ({@link
 *       ConnectorTables}); a vertex runs a source node when one of its operators is a {@code
 *       TableSourceScan} of that table. The planner scans a table once per statement, so a source
 *       read by the inserts and by a preview runs in several vertices.
 *   <li><b>Sinks</b>: likewise by table, from a {@code Sink(table=[...])} operator or a sink's
 *       {@code <table>[n]: Writer}/{@code Committer}. On a remote cluster previews are print tables
 *       named after their node, found the same way.
 *   <li><b>Previews on the embedded runtime</b> are DataStream collect sinks, all named alike. They
 *       are told apart by translation order: the runtime translates the previews one after another
 *       in the compiled order, after the inserts, and the planner numbers its operators ({@code
 *       [n]:} in the plan) in translation order, so sorting the collect sinks by the newest
 *       operator number upstream of each gives the previews' order. When the number of collect
 *       sinks differs from the number of previews, previews stay unmapped rather than guessed.
 *   <li><b>File sinks</b>: Flink's filesystem sink names no table ({@code StreamingFileWriter},
 *       then a terminal {@code end} sink). A writer vertex is given to a file sink only when that
 *       is the only file sink of the pipeline fed by the sources whose scans reach the vertex;
 *       otherwise the file sinks stay unmapped.
 *   <li><b>Transforms</b> (views the planner inlines into its own operators): a node runs in the
 *       vertices that lie on a path of the job graph from a vertex of one of its upstream source
 *       nodes to a vertex of one of its downstream sink nodes, leaving out vertices that only scan
 *       or only write (no transform's work runs there).
 * </ul>
 *
 * <p>Limits: Flink chains operators of several nodes into one task and the planner fuses transforms
 * (a filter and a projection become one {@code Calc}), so a vertex cannot be split by node: a
 * vertex that runs several nodes reports the same figures on each, and {@link #shared} says so. A
 * transform with no sink downstream (or no source upstream) runs nowhere observable and is not
 * mapped. A vertex on the path of several transforms belongs to all of them, even when the planner
 * pruned one's work from that branch.
 */
public final class VertexMap {

  private static final String PREVIEW_TYPE = "preview-sink";

  private final Map<String, List<String>> byNode;
  private final Map<String, Set<String>> byVertex;

  private VertexMap(Map<String, List<String>> byNode) {
    this.byNode = byNode;
    Map<String, Set<String>> v = new LinkedHashMap<>();
    byNode.forEach(
        (node, vertices) ->
            vertices.forEach(x -> v.computeIfAbsent(x, k -> new LinkedHashSet<>()).add(node)));
    this.byVertex = v;
  }

  /** The map of a job none of whose nodes is known, e.g. while its plan cannot be read. */
  static final VertexMap NONE = new VertexMap(Map.of());

  /**
   * The map of a job, its previews taken in the compiler's order (topological, ties by node id).
   *
   * @param pipeline the pipeline the job runs
   * @param tables the compiled pipeline's connector tables
   * @param jobPlan {@code GET /jobs/{jid}/plan}'s {@code plan} (or the whole answer)
   */
  public static VertexMap of(Pipeline pipeline, ConnectorTables tables, JsonNode jobPlan) {
    return of(pipeline, tables, previewOrder(pipeline), jobPlan);
  }

  /**
   * The map of a job whose previews were compiled in the given order (a deployment's {@code
   * previewSinks()}).
   */
  public static VertexMap of(
      Pipeline pipeline, ConnectorTables tables, List<String> previewSinks, JsonNode jobPlan) {
    return new Builder(pipeline, tables, JobPlan.parse(jobPlan)).build(previewSinks);
  }

  /** The vertices that run the node, in plan order; empty when none does (observably). */
  public List<String> vertices(String nodeId) {
    return byNode.getOrDefault(nodeId, List.of());
  }

  /** Whether one of the node's vertices also runs another node. */
  public boolean shared(String nodeId) {
    return vertices(nodeId).stream().anyMatch(v -> byVertex.get(v).size() > 1);
  }

  /** The nodes a vertex runs. */
  public Set<String> nodes(String vertexId) {
    return byVertex.getOrDefault(vertexId, Set.of());
  }

  /**
   * Whether no node is mapped: the plan had no vertices yet (a job still initializing) or shares
   * nothing with the pipeline. Ask for the plan again.
   */
  public boolean isEmpty() {
    return byNode.isEmpty();
  }

  /** Every mapped node with its vertices. */
  public Map<String, List<String>> all() {
    return byNode;
  }

  @Override
  public String toString() {
    return "VertexMap" + byNode;
  }

  /** The compiler's order of the preview sinks: Kahn's topological order, ties by node id. */
  static List<String> previewOrder(Pipeline pipeline) {
    Map<String, Integer> indegree = new TreeMap<>();
    Map<String, List<String>> next = new HashMap<>();
    pipeline.nodes().forEach(n -> indegree.put(n.id(), 0));
    Set<String> pairs = new LinkedHashSet<>();
    for (Edge e : pipeline.edges()) {
      if (indegree.containsKey(e.from())
          && indegree.containsKey(e.to())
          && pairs.add(e.from() + "\0" + e.to())) {
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
    List<String> previews = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      if (pipeline.node(id).map(n -> n.type().equals(PREVIEW_TYPE)).orElse(false)) {
        previews.add(id);
      }
      for (String to : next.getOrDefault(id, List.of())) {
        if (indegree.merge(to, -1, Integer::sum) == 0) {
          ready.add(to);
        }
      }
    }
    return previews;
  }

  /** One mapping's working state. */
  private static final class Builder {
    final Pipeline pipeline;
    final JobPlan plan;
    final Map<String, String> sourceTables = new HashMap<>(); // table -> node
    final Map<String, String> sinkTables = new HashMap<>();
    final Set<String> fileSinks = new LinkedHashSet<>();
    final Map<String, List<String>> up = new HashMap<>();
    final Map<String, List<String>> down = new HashMap<>();
    final Map<String, Set<String>> endpoints = new LinkedHashMap<>();

    Builder(Pipeline pipeline, ConnectorTables tables, JobPlan plan) {
      this.pipeline = pipeline;
      this.plan = plan;
      for (ConnectorTable t : tables.all()) {
        (t.sink() ? sinkTables : sourceTables).put(unquote(t.table()), t.nodeId());
        if (t.sink() && t.isFiles()) {
          fileSinks.add(t.nodeId());
        }
      }
      // On a remote cluster previews run as print tables named after their node.
      for (Node n : pipeline.nodes()) {
        if (n.type().equals(PREVIEW_TYPE) && !sinkTables.containsValue(n.id())) {
          sinkTables.putIfAbsent(n.id(), n.id());
        }
      }
      for (Edge e : pipeline.edges()) {
        down.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        up.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      }
    }

    VertexMap build(List<String> previewSinks) {
      for (Vertex v : plan.vertices()) {
        for (Operator o : v.operators()) {
          if (o.table().isEmpty()) {
            continue;
          }
          String node = (o.kind() == Kind.SCAN ? sourceTables : sinkTables).get(o.table().get());
          if (node != null) {
            endpoints.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(v.id());
          }
        }
      }
      mapPreviews(previewSinks);
      mapFileSinks();
      Set<String> sources = new LinkedHashSet<>(sourceTables.values());
      Map<String, Set<String>> mapped = new LinkedHashMap<>();
      for (Node n : pipeline.nodes()) {
        Set<String> own = endpoints.get(n.id());
        if (own != null) {
          mapped.put(n.id(), own);
          continue;
        }
        if (sources.contains(n.id()) || isSink(n)) {
          continue;
        }
        Set<String> from = new LinkedHashSet<>();
        closure(n.id(), up).stream()
            .filter(sources::contains)
            .forEach(s -> from.addAll(endpoints.getOrDefault(s, Set.of())));
        Set<String> to = new LinkedHashSet<>();
        closure(n.id(), down).forEach(s -> to.addAll(endpoints.getOrDefault(s, Set.of())));
        Set<String> on = new LinkedHashSet<>(plan.downstream(from));
        on.retainAll(plan.upstream(to));
        on.removeIf(v -> plan.vertex(v).endpointOnly());
        if (!on.isEmpty()) {
          mapped.put(n.id(), on);
        }
      }
      List<String> order = plan.vertices().stream().map(Vertex::id).toList();
      Map<String, List<String>> byNode = new LinkedHashMap<>();
      mapped.forEach(
          (node, vs) ->
              byNode.put(
                  node, vs.stream().sorted(Comparator.comparingInt(order::indexOf)).toList()));
      return new VertexMap(java.util.Collections.unmodifiableMap(byNode));
    }

    private boolean isSink(Node n) {
      return sinkTables.containsValue(n.id()) || n.type().equals(PREVIEW_TYPE);
    }

    /** Collect sinks in translation order, given to the previews not found by table. */
    private void mapPreviews(List<String> previewSinks) {
      List<String> previews = previewSinks.stream().filter(p -> !endpoints.containsKey(p)).toList();
      List<Vertex> collects =
          plan.vertices().stream()
              .filter(v -> v.has(Kind.COLLECT))
              .sorted(Comparator.comparingInt(v -> plan.newestExecNode(v.id())))
              .toList();
      if (previews.isEmpty() || collects.size() != previews.size()) {
        return;
      }
      for (int i = 0; i < previews.size(); i++) {
        Vertex c = collects.get(i);
        Set<String> vs = new LinkedHashSet<>();
        vs.add(c.id());
        if (!c.has(Kind.TO_STREAM)) {
          c.inputs().stream()
              .filter(in -> plan.vertex(in) != null && plan.vertex(in).has(Kind.TO_STREAM))
              .forEach(vs::add);
        }
        endpoints.put(previews.get(i), vs);
      }
    }

    /** File writers given to the one file sink fed by the sources that reach them. */
    private void mapFileSinks() {
      List<String> unnamed = fileSinks.stream().filter(f -> !endpoints.containsKey(f)).toList();
      if (unnamed.isEmpty()) {
        return;
      }
      for (Vertex w : plan.vertices()) {
        if (!w.operators().stream().anyMatch(o -> o.text().equals("StreamingFileWriter"))) {
          continue;
        }
        Set<String> upstream = plan.upstream(List.of(w.id()));
        List<String> claimants = new ArrayList<>();
        for (String f : unnamed) {
          boolean fed =
              closure(f, up).stream()
                  .anyMatch(
                      s ->
                          endpoints.getOrDefault(s, Set.of()).stream()
                              .anyMatch(upstream::contains));
          if (fed) {
            claimants.add(f);
          }
        }
        if (claimants.size() == 1) {
          Set<String> vs = endpoints.computeIfAbsent(claimants.get(0), k -> new LinkedHashSet<>());
          vs.add(w.id());
          for (String d : plan.downstream(List.of(w.id()))) {
            Vertex dv = plan.vertex(d);
            if (dv.operators().stream().allMatch(o -> o.kind() == Kind.FILE_SINK)) {
              vs.add(d);
            }
          }
        }
      }
    }

    /** The nodes reachable from {@code node} along {@code edges}, itself excluded. */
    private static Set<String> closure(String node, Map<String, List<String>> edges) {
      Set<String> seen = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(node, List.of()));
      while (!todo.isEmpty()) {
        String n = todo.poll();
        if (seen.add(n)) {
          todo.addAll(edges.getOrDefault(n, List.of()));
        }
      }
      return seen;
    }

    private static String unquote(String table) {
      String t = table.strip();
      int dot = t.lastIndexOf("`.`");
      if (dot >= 0) {
        t = t.substring(dot + 2);
      }
      if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
        t = t.substring(1, t.length() - 1).replace("``", "`");
      }
      return t;
    }
  }
}
