package dev.streamwright.app.workspace;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Pipelines made for workspace tests and the benchmark. */
final class TestPipelines {

  private TestPipelines() {}

  private static final PipelineCodec CODEC = new PipelineCodec();

  /**
   * The pipeline as loading it back gives it: nodes sorted by id, edges sorted (the canonical file
   * order), so tests can compare with equals.
   */
  static Pipeline canonical(Pipeline p) {
    try {
      return CODEC.parse(CODEC.write(p));
    } catch (PipelineFileException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Generated orders, filtered on amount, printed. */
  static Pipeline orders(String id) {
    Node source =
        new Node(
            "orders",
            "datagen",
            "Orders",
            Map.of(
                "rowsPerSecond",
                5L,
                "columns",
                List.of(
                    Map.of("name", "order_id", "type", "BIGINT", "kind", "sequence"),
                    Map.of("name", "amount", "type", "DOUBLE", "kind", "random"))),
            new Position(80, 160));
    Node filter =
        new Node(
            "big",
            "filter",
            "Big orders",
            Map.of("condition", "amount > 10"),
            new Position(320, 160));
    Node sink = new Node("out", "print", null, Map.of(), new Position(560, 160));
    return canonical(
        new Pipeline(
            id,
            "Orders " + id,
            "Orders above ten",
            1,
            List.of("test"),
            List.of(source, filter, sink),
            List.of(new Edge("orders", "out", "big", "in"), new Edge("big", "out", "out", "in"))));
  }

  /** The pipeline with the filter's condition replaced. */
  static Pipeline withCondition(Pipeline p, String condition) {
    Node filter = p.node("big").orElseThrow();
    return p.withNode(filter.withProperty("condition", condition));
  }

  /**
   * A chain of {@code nodes} nodes with a few properties each, about 300 bytes of JSON per node:
   * the size of the pipelines people draw.
   */
  static Pipeline generated(String id, int nodes, long seed) {
    Random random = new Random(seed);
    List<Node> list = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String nodeId = "n" + i;
      String type = i == 0 ? "datagen" : i == nodes - 1 ? "print" : "sql";
      list.add(
          new Node(
              nodeId,
              type,
              "Step " + i,
              Map.of(
                  "query",
                  "SELECT user_id, COUNT(*) AS c FROM input WHERE amount > "
                      + random.nextInt(1000)
                      + " GROUP BY user_id",
                  "parallelism",
                  (long) (1 + random.nextInt(4)),
                  "enabled",
                  true),
              new Position(100 + 220 * i, 120 + random.nextInt(200))));
      if (i > 0) {
        edges.add(new Edge("n" + (i - 1), "out", nodeId, "in"));
      }
    }
    return new Pipeline(id, "Pipeline " + id, "Generated", 1, List.of("bench"), list, edges);
  }

  /** The pipeline with one property of one node changed, as one edit in the studio would. */
  static Pipeline edited(Pipeline p, int edit) {
    Node n = p.nodes().get(edit % p.nodes().size());
    return p.withNode(n.withProperty("query", "SELECT * FROM input -- edit " + edit));
  }
}
