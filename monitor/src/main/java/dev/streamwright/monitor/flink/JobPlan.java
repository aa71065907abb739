package dev.streamwright.monitor.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink job graph as {@code GET /jobs/{jid}/plan} describes it: job vertices, the operators each
 * one chains (read from its description, one operator per line), and the edges between vertices.
 */
final class JobPlan {

  /** One operator of a vertex's chain, as its description line names it. */
  record Operator(String text, Kind kind, Optional<String> table, int execNodeId) {}

  /** What an operator does, as far as mapping nodes goes. */
  enum Kind {
    /** A table source scan; {@code table} names the table. */
    SCAN,
    /** A table sink (or a sink's writer or committer); {@code table} names the table. */
    SINK,
    /** The DataStream collect sink that streams a preview's rows back to the client. */
    COLLECT,
    /** The conversion of a table into a DataStream that feeds a collect sink. */
    TO_STREAM,
    /** The filesystem sink's writer, committer or terminal discarding sink: they name no table. */
    FILE_SINK,
    /** A planner-generated check of a sink's NOT NULL columns. */
    SINK_CHECK,
    /** Any other operator: the work of the pipeline's transforms. */
    OTHER
  }

  /** One job vertex. */
  record Vertex(String id, int parallelism, List<Operator> operators, List<String> inputs) {

    boolean has(Kind kind) {
      return operators.stream().anyMatch(o -> o.kind() == kind);
    }

    /** Whether every operator is a scan or a sink's own (no transform's work runs here). */
    boolean endpointOnly() {
      return operators.stream().allMatch(o -> o.kind() != Kind.OTHER);
    }
  }

  private static final Pattern EXEC_ID = Pattern.compile("^\\[(\\d+)\\]:");
  private static final Pattern SCAN = Pattern.compile("^TableSourceScan\\(table=\\[\\[([^\\]]*)");
  private static final Pattern SINK = Pattern.compile("^Sink\\(table=\\[([^\\]]*)\\]");
  private static final Pattern SINK_V2 = Pattern.compile("^(.+)\\[\\d+\\]: (?:Writer|Committer)$");
  private static final Pattern FILE =
      Pattern.compile(
          "^(?:StreamingFileWriter|PartitionCommitter|compact-coordinator|compact-operator"
              + "|end: (?:Writer|Committer)|Sink: end)$");

  private final Map<String, Vertex> vertices;
  private final Map<String, List<String>> outputs = new LinkedHashMap<>();

  private JobPlan(Map<String, Vertex> vertices) {
    this.vertices = vertices;
    vertices.keySet().forEach(v -> outputs.put(v, new ArrayList<>()));
    vertices
        .values()
        .forEach(
            v ->
                v.inputs().stream()
                    .filter(outputs::containsKey)
                    .forEach(in -> outputs.get(in).add(v.id())));
  }

  /** Reads the plan: {@code /jobs/{jid}/plan}'s answer or its {@code plan} member. */
  static JobPlan parse(JsonNode plan) {
    JsonNode p = plan.has("plan") ? plan.get("plan") : plan;
    Map<String, Vertex> vertices = new LinkedHashMap<>();
    for (JsonNode n : p.path("nodes")) {
      List<Operator> ops = new ArrayList<>();
      for (String line : n.path("description").asText("").split("<br/>|\n")) {
        String op = stripTree(unescape(line));
        if (!op.isEmpty()) {
          ops.add(operator(op));
        }
      }
      List<String> inputs = new ArrayList<>();
      for (JsonNode in : n.path("inputs")) {
        inputs.add(in.path("id").asText());
      }
      String id = n.path("id").asText();
      vertices.put(id, new Vertex(id, n.path("parallelism").asInt(1), ops, inputs));
    }
    return new JobPlan(vertices);
  }

  static Operator operator(String line) {
    int execId = -1;
    String text = line;
    Matcher id = EXEC_ID.matcher(line);
    if (id.find()) {
      execId = Integer.parseInt(id.group(1));
      text = line.substring(id.end());
    }
    Matcher m = SCAN.matcher(text);
    if (m.find()) {
      String[] path = m.group(1).split(", ");
      return new Operator(line, Kind.SCAN, Optional.of(path[Math.min(2, path.length - 1)]), execId);
    }
    m = SINK.matcher(text);
    if (m.find()) {
      return new Operator(line, Kind.SINK, Optional.of(lastSegment(m.group(1))), execId);
    }
    m = SINK_V2.matcher(text);
    if (m.find() && !FILE.matcher(text).matches()) {
      return new Operator(line, Kind.SINK, Optional.of(lastSegment(m.group(1))), execId);
    }
    if (text.equals("Sink: Data stream collect sink")) {
      return new Operator(line, Kind.COLLECT, Optional.empty(), execId);
    }
    if (text.startsWith("TableToDataStream")) {
      return new Operator(line, Kind.TO_STREAM, Optional.empty(), execId);
    }
    if (FILE.matcher(text).matches()) {
      return new Operator(line, Kind.FILE_SINK, Optional.empty(), execId);
    }
    if (text.startsWith("ConstraintEnforcer")) {
      return new Operator(line, Kind.SINK_CHECK, Optional.empty(), execId);
    }
    return new Operator(line, Kind.OTHER, Optional.empty(), execId);
  }

  private static String lastSegment(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  private static String stripTree(String line) {
    int i = 0;
    while (i < line.length() && " :+-|".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return line.substring(i).strip();
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  Collection<Vertex> vertices() {
    return vertices.values();
  }

  Vertex vertex(String id) {
    return vertices.get(id);
  }

  List<String> outputs(String id) {
    return outputs.getOrDefault(id, List.of());
  }

  /** The vertices reachable from {@code from} along the edges, {@code from} included. */
  Set<String> downstream(Collection<String> from) {
    return walk(from, this::outputs);
  }

  /** The vertices from which {@code to} is reachable, {@code to} included. */
  Set<String> upstream(Collection<String> to) {
    return walk(to, v -> vertices.get(v).inputs());
  }

  private Set<String> walk(
      Collection<String> start, java.util.function.Function<String, List<String>> next) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    start.stream().filter(vertices::containsKey).forEach(todo::add);
    while (!todo.isEmpty()) {
      String v = todo.poll();
      if (seen.add(v)) {
        next.apply(v).stream().filter(vertices::containsKey).forEach(todo::add);
      }
    }
    return seen;
  }

  /** The largest planner node id among the operators of the vertex and everything upstream. */
  int newestExecNode(String vertex) {
    int max = -1;
    for (String v : upstream(List.of(vertex))) {
      for (Operator o : vertices.get(v).operators()) {
        max = Math.max(max, o.execNodeId());
      }
    }
    return max;
  }
}
