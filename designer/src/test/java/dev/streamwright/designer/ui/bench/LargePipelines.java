package dev.streamwright.designer.ui.bench;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated pipelines of the built-in node types, as large as the benchmarks need: parallel chains
 * of a data generator, filters and a print sink, laid out in rows like auto-layout would.
 */
public final class LargePipelines {

  /** Nodes per chain: one source, eight filters, one sink. */
  public static final int CHAIN_LENGTH = 10;

  private LargePipelines() {}

  /** A valid pipeline of {@code chains} chains of {@value #CHAIN_LENGTH} nodes each. */
  public static Pipeline chains(int chains) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      double y = 80 + c * 120;
      String previous = "source_" + c;
      nodes.add(new Node(previous, "datagen", null, source(), new Position(80, y)));
      for (int f = 1; f < CHAIN_LENGTH - 1; f++) {
        String id = "filter_" + c + "_" + f;
        nodes.add(
            new Node(
                id,
                "filter",
                null,
                Map.of("condition", "amount > " + f),
                new Position(80 + f * 240, y)));
        edges.add(Edge.of(previous, id));
        previous = id;
      }
      String sink = "sink_" + c;
      nodes.add(
          new Node(
              sink, "print-sink", null, Map.of(), new Position(80 + (CHAIN_LENGTH - 1) * 240, y)));
      edges.add(Edge.of(previous, sink));
    }
    return new Pipeline("large", "Generated", "", 1, List.of(), nodes, edges);
  }

  private static Map<String, Object> source() {
    return Map.of(
        "columns",
        List.of(
            Map.of("name", "user_id", "type", "STRING", "kind", "random", "length", 8L),
            Map.of("name", "amount", "type", "DOUBLE", "kind", "random", "min", 0L, "max", 100L),
            Map.of("name", "event_time", "type", "TIMESTAMP(3)", "kind", "random")),
        "eventTime",
        "event_time",
        "rowsPerSecond",
        10L);
  }
}
