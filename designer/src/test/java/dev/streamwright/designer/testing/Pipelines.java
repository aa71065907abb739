package dev.streamwright.designer.testing;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terse construction of test pipelines over {@link TestNodeTypes}. */
public final class Pipelines {

  private final List<Node> nodes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();

  private Pipelines() {}

  /** Starts an empty pipeline. */
  public static Pipelines pipeline() {
    return new Pipelines();
  }

  /** {@code src -> f1 (pass) -> out (sink)}, the smallest valid pipeline. */
  public static Pipeline chain() {
    return pipeline()
        .node("src", "src", 0, 0)
        .node("f1", "pass", 240, 0)
        .node("out", "sink", 480, 0)
        .edge("src", "f1")
        .edge("f1", "out")
        .build();
  }

  /** Adds a node at a position. */
  public Pipelines node(String id, String type, double x, double y) {
    nodes.add(new Node(id, type, null, Map.of(), new Position(x, y)));
    return this;
  }

  /** Adds a node at the origin. */
  public Pipelines node(String id, String type) {
    return node(id, type, 0, 0);
  }

  /** Adds a node with properties. */
  public Pipelines node(String id, String type, Map<String, Object> properties) {
    nodes.add(Node.of(id, type, properties));
    return this;
  }

  /** Adds an {@code out -> in} edge. */
  public Pipelines edge(String from, String to) {
    edges.add(Edge.of(from, to));
    return this;
  }

  /** Adds an edge between named ports. */
  public Pipelines edge(String from, String fromPort, String to, String toPort) {
    edges.add(new Edge(from, fromPort, to, toPort));
    return this;
  }

  /** The pipeline, with id {@code test}. */
  public Pipeline build() {
    return new Pipeline("test", "Test", "", 1, List.of(), nodes, edges);
  }

  /** The quickstart sample shipped in samples/. */
  public static Pipeline quickstart() throws Exception {
    return new PipelineCodec().read(quickstartFile());
  }

  /** Where the quickstart sample lives, seen from the designer module. */
  public static Path quickstartFile() {
    Path file = Path.of("../samples/quickstart/pipeline.json");
    if (!Files.exists(file)) {
      throw new IllegalStateException("run the tests from the designer module folder");
    }
    return file;
  }
}
