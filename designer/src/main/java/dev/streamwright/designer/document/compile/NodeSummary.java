package dev.streamwright.designer.document.compile;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a node box on the canvas shows besides its name: the type, the number of output columns and
 * a badge counting its errors and warnings, all taken from the latest compilation.
 *
 * @param nodeId the node
 * @param label the node's name on the canvas
 * @param typeId the node type id
 * @param typeName the type's display name, or a note that the type is unknown
 * @param knownType whether the node type is installed
 * @param outputColumns the column count of the node's first output, when derived
 * @param errors how many errors the compilation reported on the node
 * @param warnings how many warnings
 */
public record NodeSummary(
    String nodeId,
    String label,
    String typeId,
    String typeName,
    boolean knownType,
    OptionalInt outputColumns,
    int errors,
    int warnings) {

  /** The summary of one node; {@code compilation} may be null before the first compile. */
  public static NodeSummary of(Node node, NodeTypeRegistry registry, Compilation compilation) {
    List<Problem> problems = compilation == null ? List.of() : compilation.problemsOf(node.id());
    return of(node, registry, compilation, problems);
  }

  /** The summaries of every node, in pipeline order, grouping the problems once. */
  public static Map<String, NodeSummary> all(
      Pipeline pipeline, NodeTypeRegistry registry, Compilation compilation) {
    Map<String, List<Problem>> byNode = new HashMap<>();
    if (compilation != null) {
      for (Problem p : compilation.problems()) {
        if (p.nodeId() != null) {
          byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
        }
      }
    }
    Map<String, NodeSummary> out = new LinkedHashMap<>();
    for (Node n : pipeline.nodes()) {
      out.put(n.id(), of(n, registry, compilation, byNode.getOrDefault(n.id(), List.of())));
    }
    return out;
  }

  private static NodeSummary of(
      Node node, NodeTypeRegistry registry, Compilation compilation, List<Problem> problems) {
    Optional<NodeType> type = registry.find(node.type());
    OptionalInt columns = OptionalInt.empty();
    if (type.isPresent() && !type.get().outputs().isEmpty() && compilation != null) {
      PortSpec main = type.get().outputs().get(0);
      columns =
          compilation
              .schema(node.id(), main.id())
              .map(s -> OptionalInt.of(s.columns().size()))
              .orElse(OptionalInt.empty());
    }
    int errors = (int) problems.stream().filter(Problem::isError).count();
    return new NodeSummary(
        node.id(),
        node.name(),
        node.type(),
        type.map(NodeType::displayName).orElse("Unknown type '" + node.type() + "'"),
        type.isPresent(),
        columns,
        errors,
        problems.size() - errors);
  }

  /** Whether the node has any problem to badge. */
  public boolean hasProblems() {
    return errors > 0 || warnings > 0;
  }

  /** {@code 5 columns}, or empty when the schema is not known. */
  public String columnsText() {
    if (outputColumns.isEmpty()) {
      return "";
    }
    int n = outputColumns.getAsInt();
    return n + (n == 1 ? " column" : " columns");
  }

  /** {@code 2 errors, 1 warning}, or empty when there is nothing to badge. */
  public String badgeText() {
    StringBuilder sb = new StringBuilder();
    if (errors > 0) {
      sb.append(errors).append(errors == 1 ? " error" : " errors");
    }
    if (warnings > 0) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(warnings)
          .append(warnings == 1 ? " warning" : " warnings");
    }
    return sb.toString();
  }
}
