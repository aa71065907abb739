package dev.streamwright.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks and edits Jackson trees for the fuzz tests of every file Streamwright reads (pipelines,
 * scenarios, model cards): each value's path, and a copy with one value replaced or removed.
 */
public final class JsonTrees {

  private JsonTrees() {}

  /** The paths of every value below the root, as field names and list indexes, depth first. */
  public static List<List<Object>> paths(JsonNode root) {
    return paths(root, new ArrayList<>(), new ArrayList<>());
  }

  private static List<List<Object>> paths(JsonNode node, List<Object> at, List<List<Object>> out) {
    if (!at.isEmpty()) {
      out.add(List.copyOf(at));
    }
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                at.add(name);
                paths(node.get(name), at, out);
                at.remove(at.size() - 1);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        at.add(i);
        paths(node.get(i), at, out);
        at.remove(at.size() - 1);
      }
    }
    return out;
  }

  /**
   * A copy of the tree with the value at the path replaced, or removed when {@code value} is null.
   */
  public static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      if (value == null) {
        ((ArrayNode) parent).remove(i);
      } else {
        ((ArrayNode) parent).set(i, value);
      }
    } else if (value == null) {
      ((ObjectNode) parent).remove((String) last);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return copy;
  }
}
