package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The columns a pipeline monitors for drift before its settings add or remove any: for every node
 * whose type is a {@link DriftColumnSource} (the Model score node) and whose schema derived, the
 * columns that type names. Editors show them beside the settings; the compiler's taps start from
 * the same columns. May read model files, so call it off any UI thread.
 */
public final class DriftDefaults {

  private DriftDefaults() {}

  /**
   * The default monitored columns of a compiled pipeline, by node id, each list in the order the
   * tap profiles them; nodes without default columns are left out.
   *
   * @param compilation the pipeline's compilation (its derived schemas)
   * @param registry the node types it was compiled with
   * @param environment the environment it was compiled in, e.g. {@code models.dir}
   */
  public static Map<String, List<String>> of(
      Compilation compilation, NodeTypeRegistry registry, Map<String, String> environment) {
    Pipeline pipeline = compilation.pipeline();
    Map<String, List<String>> out = new TreeMap<>();
    for (Node node : pipeline.nodes()) {
      Optional<NodeType> type = registry.find(node.type());
      if (type.isEmpty()
          || !(type.get() instanceof DriftColumnSource source)
          || compilation.schemas().get(node.id()) == null) {
        continue;
      }
      Map<String, Schema> inputs = new LinkedHashMap<>();
      for (Edge e : pipeline.edges()) {
        if (e.to().equals(node.id())) {
          compilation.schema(e.from(), e.fromPort()).ifPresent(s -> inputs.put(e.toPort(), s));
        }
      }
      List<String> columns = of(node, source, type.get(), inputs, environment);
      if (!columns.isEmpty()) {
        out.put(node.id(), List.copyOf(columns));
      }
    }
    return out;
  }

  /** The default monitored columns of one node, given the schemas on its input ports. */
  static List<String> of(
      Node node,
      DriftColumnSource source,
      NodeType type,
      Map<String, Schema> inputs,
      Map<String, String> environment) {
    return source.driftColumns(
        new DeriveContext(
            node.id(),
            new NodeProperties(node.properties(), type.properties()),
            inputs,
            environment,
            new ArrayList<>()));
  }
}
