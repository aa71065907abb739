package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON tree of a pipeline file into a {@link Pipeline}, refusing anything of the wrong
 * shape with the place and the path of the value: "line 4, column 5: nodes[0]: a node must be an
 * object, not null". Every list item and field is checked before it is used, so no shape of input
 * gets further than a {@link PipelineFileException}.
 */
final class PipelineReader {

  private static final List<String> PIPELINE_FIELDS =
      List.of(
          "formatVersion",
          "id",
          "name",
          "description",
          "version",
          "tags",
          "nodes",
          "edges",
          "drift");
  private static final List<String> DRIFT_FIELDS = List.of("window", "enabled", "add", "remove");
  private static final List<String> DRIFT_COLUMN_FIELDS = List.of("node", "column");
  private static final List<String> NODE_FIELDS =
      List.of("id", "type", "name", "position", "properties");
  private static final List<String> POSITION_FIELDS = List.of("x", "y");
  private static final List<String> EDGE_FIELDS = List.of("from", "fromPort", "to", "toPort");

  private final JsonDocument doc;

  PipelineReader(JsonDocument doc) {
    this.doc = doc;
  }

  Pipeline read() throws PipelineFileException {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw error(
          "",
          "a pipeline file is a JSON object with id, nodes and edges; this one is "
              + JsonDocument.describe(root));
    }
    checkFormatVersion(root.get("formatVersion"));
    allow(root, "", "the pipeline", PIPELINE_FIELDS);
    String id = text(root, "", "id", true);
    String name = text(root, "", "name", false);
    String description = text(root, "", "description", false);
    JsonNode version = root.get("version");
    long v = version == null || version.isNull() ? 1 : wholeNumber(version, "version");
    List<String> tags = new ArrayList<>();
    for (Item item : items(root, "tags")) {
      if (!item.value().isTextual()) {
        throw error(item.path(), item.path() + ": a tag must be text, not " + kind(item));
      }
      tags.add(item.value().asText());
    }
    List<Node> nodes = new ArrayList<>();
    for (Item item : items(root, "nodes")) {
      nodes.add(node(item));
    }
    List<Edge> edges = new ArrayList<>();
    for (Item item : items(root, "edges")) {
      edges.add(edge(item));
    }
    return new Pipeline(id, name, description, v, tags, nodes, edges, drift(root.get("drift")));
  }

  /** The drift settings; absent or null is the defaults, a missing field its default. */
  private DriftSettings drift(JsonNode d) throws PipelineFileException {
    if (d == null || d.isNull()) {
      return DriftSettings.DEFAULTS;
    }
    if (!d.isObject()) {
      throw error(
          "drift",
          "drift must be an object such as {\"window\": \"1m\"}, not " + JsonDocument.describe(d));
    }
    allow(d, "drift", "drift", DRIFT_FIELDS);
    String window = text(d, "drift", "window", false);
    JsonNode enabled = d.get("enabled");
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      throw error(
          "drift.enabled",
          "drift.enabled must be true or false, not " + JsonDocument.describe(enabled));
    }
    boolean on = enabled == null || enabled.isNull() || enabled.asBoolean();
    return new DriftSettings(window, on, driftColumns(d, "add"), driftColumns(d, "remove"));
  }

  private List<DriftColumn> driftColumns(JsonNode d, String field) throws PipelineFileException {
    String path = JsonDocument.field("drift", field);
    JsonNode list = d.get(field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw error(path, path + " must be a list [...], not " + JsonDocument.describe(list));
    }
    List<DriftColumn> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = JsonDocument.item(path, i);
      JsonNode c = list.get(i);
      if (!c.isObject()) {
        throw error(
            at,
            at
                + ": a column must be an object such as {\"node\": \"score\", \"column\":"
                + " \"amount\"}, not "
                + JsonDocument.describe(c));
      }
      allow(c, at, at, DRIFT_COLUMN_FIELDS);
      out.add(new DriftColumn(text(c, at, "node", true), text(c, at, "column", true)));
    }
    return out;
  }

  private void checkFormatVersion(JsonNode format) throws PipelineFileException {
    if (format == null || format.isNull()) {
      return;
    }
    if (!format.isIntegralNumber()) {
      throw error(
          "formatVersion",
          "formatVersion must be a whole number such as "
              + PipelineCodec.FORMAT_VERSION
              + ", not "
              + JsonDocument.describe(format));
    }
    if (!format.canConvertToInt() || format.asInt() > PipelineCodec.FORMAT_VERSION) {
      throw error(
          "formatVersion",
          "the file has format version "
              + format.asText()
              + " but this Streamwright reads up to "
              + PipelineCodec.FORMAT_VERSION
              + "; it was written by a newer Streamwright, so update Streamwright to open it");
    }
  }

  private Node node(Item item) throws PipelineFileException {
    String path = item.path();
    JsonNode n = item.value();
    if (!n.isObject()) {
      throw error(path, path + ": a node must be an object, not " + kind(item));
    }
    allow(n, path, path, NODE_FIELDS);
    String id = text(n, path, "id", true);
    String type = text(n, path, "type", true);
    String name = text(n, path, "name", false);
    Position position = position(n.get("position"), JsonDocument.field(path, "position"));
    JsonNode props = n.get("properties");
    String propsPath = JsonDocument.field(path, "properties");
    Map<String, Object> properties = new LinkedHashMap<>();
    if (props != null && !props.isNull()) {
      if (!props.isObject()) {
        throw error(
            propsPath,
            propsPath
                + " must be an object of property names and values, not "
                + JsonDocument.describe(props));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        properties.put(e.getKey(), plain(e.getValue(), JsonDocument.field(propsPath, e.getKey())));
      }
    }
    return new Node(id, type, name, properties, position);
  }

  private Position position(JsonNode p, String path) throws PipelineFileException {
    if (p == null || p.isNull()) {
      return Position.ORIGIN;
    }
    if (!p.isObject()) {
      throw error(
          path, path + " must be an object such as {\"x\": 10, \"y\": 20}, not " + describe(p));
    }
    allow(p, path, path, POSITION_FIELDS);
    return new Position(coordinate(p, path, "x"), coordinate(p, path, "y"));
  }

  private double coordinate(JsonNode p, String path, String field) throws PipelineFileException {
    JsonNode v = p.get(field);
    if (v == null) {
      return 0;
    }
    if (!v.isNumber()) {
      String at = JsonDocument.field(path, field);
      throw error(at, at + " must be a number, not " + JsonDocument.describe(v));
    }
    return v.asDouble();
  }

  private Edge edge(Item item) throws PipelineFileException {
    String path = item.path();
    JsonNode e = item.value();
    if (!e.isObject()) {
      throw error(
          path,
          path
              + ": an edge must be an object such as {\"from\": \"a\", \"to\": \"b\"}, not "
              + kind(item));
    }
    allow(e, path, path, EDGE_FIELDS);
    return new Edge(
        text(e, path, "from", true),
        text(e, path, "fromPort", false),
        text(e, path, "to", true),
        text(e, path, "toPort", false));
  }

  /** A property value as the model holds it: String, Long, Double, Boolean, List, Map, null. */
  private Object plain(JsonNode v, String path) throws PipelineFileException {
    if (v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber()) {
      return wholeNumber(v, path);
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        out.add(plain(v.get(i), JsonDocument.item(path, i)));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), plain(e.getValue(), JsonDocument.field(path, e.getKey())));
    }
    return out;
  }

  private long wholeNumber(JsonNode v, String path) throws PipelineFileException {
    if (!v.isIntegralNumber()) {
      throw error(path, path + " must be a whole number, not " + JsonDocument.describe(v));
    }
    if (!v.canConvertToLong()) {
      throw error(
          path,
          path
              + " is "
              + v.asText()
              + ", too large for a whole number (they go from "
              + Long.MIN_VALUE
              + " to "
              + Long.MAX_VALUE
              + ")");
    }
    return v.asLong();
  }

  /** A text field: absent or null is allowed unless required. */
  private String text(JsonNode o, String path, String field, boolean required)
      throws PipelineFileException {
    JsonNode v = o.get(field);
    String at = JsonDocument.field(path, field);
    if (v == null || (v.isNull() && !required)) {
      if (required) {
        throw error(
            path,
            (path.isEmpty() ? "the pipeline" : path) + " lacks the required field '" + field + "'");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw error(at, at + " must be text, not " + JsonDocument.describe(v));
    }
    return v.asText();
  }

  private void allow(JsonNode o, String path, String what, List<String> fields)
      throws PipelineFileException {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw new PipelineFileException(
            doc.nameAt(JsonDocument.field(path, f)).prefix()
                + what
                + " has an unknown field '"
                + f
                + "'; known fields: "
                + String.join(", ", fields),
            doc.nameAt(JsonDocument.field(path, f)).line(),
            doc.nameAt(JsonDocument.field(path, f)).column(),
            null);
      }
    }
  }

  /** One item of a list field, with its path. */
  private record Item(String path, JsonNode value) {}

  private List<Item> items(JsonNode o, String field) throws PipelineFileException {
    JsonNode list = o.get(field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw error(field, field + " must be a list [...], not " + JsonDocument.describe(list));
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(new Item(JsonDocument.item(field, i), list.get(i)));
    }
    return out;
  }

  private static String kind(Item item) {
    return JsonDocument.describe(item.value());
  }

  private static String describe(JsonNode v) {
    return JsonDocument.describe(v);
  }

  private PipelineFileException error(String path, String message) {
    JsonDocument.Place place = doc.valueAt(path);
    String prefix = place.line() > 0 ? place.prefix() : "";
    return new PipelineFileException(prefix + message, place.line(), place.column(), null);
  }
}
