package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Large, valid pipelines made of the built-in node types, for benchmarks and scale tests: branches
 * of a datagen source, alternating filters and projections, a tumbling window and a preview sink,
 * 20 nodes each.
 */
public final class GeneratedPipelines {

  /** Nodes per branch. */
  public static final int BRANCH = 20;

  private GeneratedPipelines() {}

  /** A pipeline of {@code branches * 20} nodes. */
  public static Pipeline branches(int branches) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int b = 0; b < branches; b++) {
      String prev = "src_" + b;
      nodes.add(
          new Node(
              prev,
              "datagen",
              null,
              Map.of(
                  "columns",
                  List.of(
                      Map.of("name", "user_num", "type", "INT", "min", 1, "max", 100),
                      Map.of("name", "amount", "type", "DOUBLE", "min", 0, "max", 1000),
                      Map.of("name", "ts", "type", "TIMESTAMP(3)")),
                  "eventTime",
                  "ts"),
              new Position(0, b * 120.0)));
      for (int i = 1; i <= BRANCH - 3; i++) {
        String id = "n_" + b + "_" + i;
        Map<String, Object> props =
            i % 2 == 1
                ? Map.of("condition", "amount > " + i)
                : Map.of(
                    "keepInput",
                    true,
                    "columns",
                    List.of(Map.of("name", "f" + i, "expression", "amount * " + i)));
        nodes.add(
            new Node(
                id,
                i % 2 == 1 ? "filter" : "project",
                null,
                props,
                new Position(i * 200.0, b * 120.0)));
        edges.add(Edge.of(prev, id));
        prev = id;
      }
      String window = "win_" + b;
      nodes.add(
          new Node(
              window,
              "window-aggregate",
              null,
              Map.of(
                  "window",
                  "tumble",
                  "size",
                  "10s",
                  "keys",
                  List.of("user_num"),
                  "aggregates",
                  List.of(Map.of("function", "SUM", "column", "amount", "as", "total"))),
              new Position((BRANCH - 2) * 200.0, b * 120.0)));
      edges.add(Edge.of(prev, window));
      String sink = "out_" + b;
      nodes.add(
          new Node(
              sink, "preview-sink", null, Map.of(), new Position((BRANCH - 1) * 200.0, b * 120.0)));
      edges.add(Edge.of(window, sink));
    }
    return new Pipeline(
        "generated", "Generated " + nodes.size() + " nodes", "", 1, List.of(), nodes, edges);
  }
}
