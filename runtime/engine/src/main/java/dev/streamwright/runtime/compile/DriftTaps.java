package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.onnx.tap.DriftTap;
import dev.streamwright.plugin.onnx.tap.TapKind;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plans and renders a pipeline's drift taps ({@link DriftSettings}): by default the output of every
 * node whose type is a {@link DriftColumnSource} (the Model score node: the columns bound to the
 * model's inputs and its score columns) is tapped; settings add columns of any node (tapping that
 * node's output) and remove default ones. A tap is a {@code WHERE SW_DRIFT_TAP(...)} on the node's
 * output relation, which the planner puts into the calculation that produces its rows (or, after a
 * model, one chained to the model's operator): no exchange, no branch, no state.
 */
final class DriftTaps {

  /** The setting names problems point at. */
  static final String WINDOW = "drift.window";

  static final String ADD = "drift.add";
  static final String REMOVE = "drift.remove";

  private static final Duration SHORTEST = Duration.ofSeconds(1);

  private DriftTaps() {}

  /** The taps of a pipeline whose nodes derived, by node id; problems for bad settings. */
  static Map<String, DriftTapSpec> plan(
      Pipeline pipeline,
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      Map<String, Map<String, Edge>> inbound,
      Map<String, Map<String, Schema>> schemas,
      Map<String, String> environment,
      List<Problem> problems) {
    DriftSettings settings = pipeline.drift();
    Duration window = window(settings.window(), problems);
    Map<String, LinkedHashSet<String>> columns = new TreeMap<>();
    for (Node node : nodes.values()) {
      NodeType type = types.get(node.id());
      if (type instanceof DriftColumnSource source && schemas.containsKey(node.id())) {
        Map<String, Schema> inputs = new LinkedHashMap<>();
        inbound
            .getOrDefault(node.id(), Map.of())
            .forEach((port, e) -> inputs.put(port, schemas.get(e.from()).get(e.fromPort())));
        List<String> monitored = DriftDefaults.of(node, source, type, inputs, environment);
        if (!monitored.isEmpty()) {
          columns.put(node.id(), new LinkedHashSet<>(monitored));
        }
      }
    }
    for (DriftColumn c : settings.add()) {
      Optional<Schema> out = output(c, ADD, nodes, types, schemas, problems);
      if (out.isEmpty()) {
        continue;
      }
      if (out.get().column(c.column()).isEmpty()) {
        problems.add(
            Problem.error(
                c.node(),
                ADD,
                "drift setting adds column '"
                    + c.column()
                    + "', which node '"
                    + c.node()
                    + "' does not give"
                    + suggestion(c.column(), out.get().names())
                    + "; its columns: "
                    + String.join(", ", out.get().names())));
        continue;
      }
      columns.computeIfAbsent(c.node(), k -> new LinkedHashSet<>()).add(c.column());
    }
    for (DriftColumn c : settings.remove()) {
      Set<String> monitored = columns.get(c.node());
      if (monitored == null || !monitored.remove(c.column())) {
        boolean known = nodes.containsKey(c.node());
        problems.add(
            Problem.warning(
                known ? c.node() : null,
                REMOVE,
                "drift setting removes '"
                    + c
                    + "', which is not monitored"
                    + (known
                        ? suggestion(
                            c.column(), columns.getOrDefault(c.node(), new LinkedHashSet<>()))
                        : suggestion(c.node(), nodes.keySet()))
                    + "; delete that entry"));
      }
    }
    if (!settings.enabled() || window == null) {
      return Map.of();
    }
    Map<String, DriftTapSpec> taps = new TreeMap<>();
    columns.forEach(
        (id, names) -> {
          if (names.isEmpty()) {
            return;
          }
          String port = port(types.get(id));
          Schema schema = schemas.get(id).get(port);
          List<DriftTapSpec.Column> specs = new ArrayList<>();
          for (String name : names) {
            String type = schema.column(name).orElseThrow().type();
            Optional<TapKind> kind = TapKind.ofSqlType(type);
            if (kind.isEmpty()) {
              problems.add(
                  Problem.error(
                      id,
                      ADD,
                      "column '"
                          + name
                          + "' is "
                          + type
                          + ", which the drift tap cannot profile (numbers, text and booleans"
                          + " only); remove it from the drift settings"));
              return;
            }
            specs.add(new DriftTapSpec.Column(name, type, kind.get()));
          }
          taps.put(id, new DriftTapSpec(id, port, window, specs));
        });
    return taps;
  }

  private static Duration window(String text, List<Problem> problems) {
    Duration window;
    try {
      window = dev.streamwright.plugin.api.Durations.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.error(null, WINDOW, "drift window: " + e.getMessage()));
      return null;
    }
    if (window.compareTo(SHORTEST) < 0) {
      problems.add(
          Problem.error(
              null,
              WINDOW,
              "drift window '"
                  + text
                  + "' is shorter than 1s; use 1s or more (the default is 1m)"));
      return null;
    }
    return window;
  }

  /** The output rows of the node an added column names, or empty after reporting why none. */
  private static Optional<Schema> output(
      DriftColumn c,
      String setting,
      Map<String, Node> nodes,
      Map<String, NodeType> types,
      Map<String, Map<String, Schema>> schemas,
      List<Problem> problems) {
    if (!nodes.containsKey(c.node())) {
      problems.add(
          Problem.error(
              null,
              setting,
              "drift setting adds column '"
                  + c.column()
                  + "' of node '"
                  + c.node()
                  + "', which does not exist"
                  + suggestion(c.node(), nodes.keySet())
                  + "; name a node of this pipeline"));
      return Optional.empty();
    }
    NodeType type = types.get(c.node());
    if (type == null || !schemas.containsKey(c.node())) {
      return Optional.empty(); // the node's own problem is reported already
    }
    if (type.outputs().isEmpty()) {
      problems.add(
          Problem.error(
              c.node(),
              setting,
              "drift setting adds column '"
                  + c.column()
                  + "' of node '"
                  + c.node()
                  + "', a sink without output rows; add the column of the node that feeds it"));
      return Optional.empty();
    }
    Schema out = schemas.get(c.node()).get(port(type));
    if (out == null) {
      problems.add(
          Problem.error(
              c.node(),
              setting,
              "node '"
                  + c.node()
                  + "' gives no rows as it is set up, so column '"
                  + c.column()
                  + "' cannot be profiled; remove it from the drift settings"));
    }
    return Optional.ofNullable(out);
  }

  private static String port(NodeType type) {
    for (PortSpec p : type.outputs()) {
      if (PortSpec.OUT.equals(p.id())) {
        return p.id();
      }
    }
    return type.outputs().get(0).id();
  }

  private static String suggestion(String typed, java.util.Collection<String> known) {
    return NameSuggestions.closest(typed, known)
        .map(s -> " (did you mean '" + s + "'?)")
        .orElse("");
  }

  /** The statement that makes the tap callable in the session, before the first tap. */
  static SqlStatement function(String nodeId) {
    return new SqlStatement(
        nodeId,
        SqlStatement.Kind.DDL,
        "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS "
            + DriftTap.NAME
            + " AS "
            + Sql.literal(DriftTap.class.getName())
            + " LANGUAGE JAVA");
  }

  /** The tap's filter condition. */
  static String condition(DriftTapSpec tap) {
    List<String> args = new ArrayList<>();
    args.add(Sql.literal(tap.nodeId()));
    args.add(String.valueOf(tap.window().toMillis()));
    args.add(
        Sql.literal(
            String.join(",", tap.columns().stream().map(DriftTapSpec.Column::name).toList())));
    tap.columns().forEach(c -> args.add(Sql.identifier(c.name())));
    return DriftTap.NAME + "(" + String.join(", ", args) + ")";
  }

  /**
   * Puts the tap on the node's output: wraps the view the node rendered for the port (so the
   * relation keeps its name), or, when the port is a table, adds a view over it and returns its
   * name for the nodes downstream.
   *
   * @param statements every statement so far; the node's are at {@code from} and after
   * @param first whether no tap came before, so the function is registered here
   * @return the relation downstream nodes read instead, if it changed
   */
  static Optional<String> apply(
      DriftTapSpec tap,
      List<SqlStatement> statements,
      int from,
      boolean first,
      Function<String, String> relation) {
    String name = relation.apply(tap.port());
    String head = "CREATE TEMPORARY VIEW " + name + " AS\n";
    String where = "\nWHERE " + condition(tap);
    for (int i = from; i < statements.size(); i++) {
      SqlStatement s = statements.get(i);
      if (s.kind() == SqlStatement.Kind.VIEW && s.sql().startsWith(head)) {
        String query = s.sql().substring(head.length());
        statements.set(
            i,
            new SqlStatement(
                s.nodeId(), s.kind(), head + "SELECT *\nFROM (\n" + query + "\n)" + where));
        if (first) {
          // Right before its first use, after the node's own tables and model.
          statements.add(i, function(tap.nodeId()));
        }
        return Optional.empty();
      }
    }
    if (first) {
      statements.add(function(tap.nodeId()));
    }
    String tapped = Relations.table(tap.nodeId(), "drift");
    statements.add(
        new SqlStatement(
            tap.nodeId(),
            SqlStatement.Kind.VIEW,
            "CREATE TEMPORARY VIEW " + tapped + " AS\nSELECT *\nFROM " + name + where));
    return Optional.of(tapped);
  }
}
