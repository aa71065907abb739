package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A JSON text read by {@link StrictJson}: its tree, and where in the text each value and field name
 * stands, so readers of the tree can say "line 4, column 7: nodes[0].type must be text".
 *
 * <p>Places are named by paths: {@code ""} for the top-level value, {@code nodes} for a field of
 * the top-level object, {@code nodes[0]} for an item of a list, {@code nodes[0].position.x} deeper.
 */
public final class JsonDocument {

  /** A line and column in the text, both 1-based. */
  public record Place(int line, int column) {

    /** The place as a message prefix: {@code line 4, column 7: }. */
    public String prefix() {
      return "line " + line + ", column " + column + ": ";
    }
  }

  private static final Place NOWHERE = new Place(-1, -1);

  private final JsonNode root;
  private final Map<String, Integer> values;
  private final Map<String, Integer> names;
  private final TextLines lines;

  JsonDocument(
      JsonNode root, Map<String, Integer> values, Map<String, Integer> names, TextLines lines) {
    this.root = root;
    this.values = Map.copyOf(values);
    this.names = Map.copyOf(names);
    this.lines = lines;
  }

  /** The top-level value. */
  public JsonNode root() {
    return root;
  }

  /** Where the value at the path starts, or line and column -1 when the path holds no value. */
  public Place valueAt(String path) {
    Integer offset = values.get(path);
    return offset == null ? NOWHERE : lines.place(offset);
  }

  /**
   * Where the field name of the path's last field stands (for unknown fields), or else where its
   * value starts.
   */
  public Place nameAt(String path) {
    Integer offset = names.get(path);
    return offset == null ? valueAt(path) : lines.place(offset);
  }

  /** The path of a field of the value at {@code path}. */
  public static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of an item of the list at {@code path}. */
  public static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * What a value is, for messages such as "must be a number, not text ("abc")": {@code null},
   * {@code text ("abc")}, {@code the number 5}, {@code true}, {@code a list}, {@code an object}.
   */
  public static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.asText();
      return "text (\"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\")";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    if (value.isArray()) {
      return value.isEmpty() ? "an empty list" : "a list";
    }
    return value.isEmpty() ? "an empty object" : "an object";
  }
}
