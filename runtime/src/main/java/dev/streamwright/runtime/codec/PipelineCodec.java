package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and writes pipeline files. Output is stable: fixed field order, nodes sorted by id, edges
 * sorted, property keys sorted, two-space indent, so pipeline files diff well in git. Input is
 * strict: unknown fields, duplicate keys and newer format versions are reported with line and
 * column instead of being dropped.
 */
public final class PipelineCodec {

  /** The newest file format this build reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final ObjectMapper mapper;
  private final DefaultPrettyPrinter printer;

  public PipelineCodec() {
    this.mapper =
        JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    this.printer = new StablePrettyPrinter();
  }

  /** Reads a pipeline file, with errors that name the file. */
  public Pipeline read(Path file) throws PipelineFileException {
    if (!Files.exists(file)) {
      throw new PipelineFileException(
          "No pipeline file at " + file + "; check the path (it is relative to " + cwd() + ")");
    }
    if (Files.isDirectory(file)) {
      Path inside = file.resolve("pipeline.json");
      throw new PipelineFileException(
          file
              + " is a folder, not a pipeline file"
              + (Files.isRegularFile(inside)
                  ? "; did you mean " + inside + "?"
                  : "; give the" + " path of a pipeline .json file"));
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PipelineFileException(
          "Cannot read " + file + ": " + e.getMessage() + "; check its permissions", -1, -1, e);
    }
    try {
      return parse(text);
    } catch (PipelineFileException e) {
      throw new PipelineFileException(file + ": " + e.getMessage(), e.line(), e.column(), e);
    }
  }

  /** Parses pipeline JSON text. */
  public Pipeline parse(String json) throws PipelineFileException {
    if (json == null || json.isBlank()) {
      throw new PipelineFileException("the file is empty; a pipeline file is a JSON object");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw located("is not valid JSON", e);
    }
    if (!tree.isObject()) {
      throw new PipelineFileException(
          "a pipeline file is a JSON object with id, nodes and edges; this one is a "
              + tree.getNodeType().name().toLowerCase());
    }
    JsonNode format = tree.get("formatVersion");
    if (format != null && (!format.canConvertToInt() || format.asInt() > FORMAT_VERSION)) {
      throw new PipelineFileException(
          "the file has format version "
              + format.asText()
              + " but this Streamwright reads up to "
              + FORMAT_VERSION
              + "; it was written by a newer Streamwright, so update Streamwright to open it");
    }
    FileModel model;
    try {
      model = mapper.readValue(json, FileModel.class);
    } catch (UnrecognizedPropertyException e) {
      throw located(
          "has an unknown field '"
              + e.getPropertyName()
              + "'"
              + where(e.getPath())
              + "; known fields: "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")),
          e);
    } catch (MismatchedInputException e) {
      String missing = missingField(e.getOriginalMessage());
      if (missing != null) {
        String at = where(e.getPath());
        throw located("lacks the required field '" + missing + "'" + at, e);
      }
      throw located("has a value of the wrong kind" + where(e.getPath()), e);
    } catch (JsonProcessingException e) {
      throw located("is not a valid pipeline", e);
    }
    return model.toPipeline();
  }

  /** Writes the pipeline as stable, pretty JSON ending with a newline. */
  public String write(Pipeline p) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("id", p.id());
    root.put("name", p.name());
    root.put("description", p.description());
    root.put("version", p.version());
    ArrayNode tags = root.putArray("tags");
    p.tags().stream().sorted().forEach(tags::add);
    ArrayNode nodes = root.putArray("nodes");
    p.nodes().stream()
        .sorted(Comparator.comparing(Node::id))
        .forEach(
            n -> {
              ObjectNode o = nodes.addObject();
              o.put("id", n.id());
              o.put("type", n.type());
              o.put("name", n.name());
              ObjectNode pos = o.putObject("position");
              putNumber(pos, "x", n.position().x());
              putNumber(pos, "y", n.position().y());
              o.set("properties", mapper.valueToTree(new TreeMap<>(n.properties())));
            });
    ArrayNode edges = root.putArray("edges");
    p.edges().stream()
        .sorted()
        .forEach(
            e -> {
              ObjectNode o = edges.addObject();
              o.put("from", e.from());
              o.put("fromPort", e.fromPort());
              o.put("to", e.to());
              o.put("toPort", e.toPort());
            });
    try {
      return mapper.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a pipeline value could not be written as JSON", e);
    }
  }

  /** Writes the pipeline to a file, replacing it atomically where the file system allows. */
  public void write(Pipeline p, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".pipeline", ".json.tmp");
    try {
      Files.writeString(tmp, write(p), StandardCharsets.UTF_8);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  private static PipelineFileException located(String what, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? -1 : loc.getLineNr();
    int column = loc == null ? -1 : loc.getColumnNr();
    String at = line > 0 ? "line " + line + ", column " + column + ": " : "";
    String detail = e.getOriginalMessage();
    String message = at + "the file " + what;
    if (what.startsWith("is not")) {
      message += " (" + firstLine(detail) + ")";
    }
    return new PipelineFileException(message, line, column, e);
  }

  private static String where(
      List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
    if (path == null || path.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (var ref : path) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "" : " at " + sb;
  }

  private static String missingField(String message) {
    String marker = "Missing required creator property '";
    if (message == null || !message.contains(marker)) {
      return null;
    }
    int start = message.indexOf(marker) + marker.length();
    int end = message.indexOf('\'', start);
    return end < 0 ? null : message.substring(start, end);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String cwd() {
    return Path.of("").toAbsolutePath().toString();
  }

  /** The file's shape, bound strictly by Jackson. */
  record FileModel(
      Integer formatVersion,
      String id,
      String name,
      String description,
      Long version,
      List<String> tags,
      List<NodeModel> nodes,
      List<EdgeModel> edges) {

    @JsonCreator
    FileModel(
        @JsonProperty("formatVersion") Integer formatVersion,
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("version") Long version,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("nodes") List<NodeModel> nodes,
        @JsonProperty("edges") List<EdgeModel> edges) {
      this.formatVersion = formatVersion;
      this.id = id;
      this.name = name;
      this.description = description;
      this.version = version;
      this.tags = tags;
      this.nodes = nodes;
      this.edges = edges;
    }

    Pipeline toPipeline() {
      List<Node> ns = new ArrayList<>();
      for (NodeModel n : nodes == null ? List.<NodeModel>of() : nodes) {
        ns.add(n.toNode());
      }
      List<Edge> es = new ArrayList<>();
      for (EdgeModel e : edges == null ? List.<EdgeModel>of() : edges) {
        es.add(new Edge(e.from(), e.fromPort(), e.to(), e.toPort()));
      }
      return new Pipeline(id, name, description, version == null ? 1 : version, tags, ns, es);
    }
  }

  /** One node in the file. */
  record NodeModel(
      String id, String type, String name, PositionModel position, Map<String, Object> properties) {

    @JsonCreator
    NodeModel(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty("name") String name,
        @JsonProperty("position") PositionModel position,
        @JsonProperty("properties") Map<String, Object> properties) {
      this.id = id;
      this.type = type;
      this.name = name;
      this.position = position;
      this.properties = properties;
    }

    Node toNode() {
      Position p = position == null ? Position.ORIGIN : new Position(position.x(), position.y());
      return new Node(id, type, name, properties, p);
    }
  }

  /** A node position in the file. */
  record PositionModel(double x, double y) {

    @JsonCreator
    PositionModel(@JsonProperty("x") double x, @JsonProperty("y") double y) {
      this.x = x;
      this.y = y;
    }
  }

  /** One edge in the file. */
  record EdgeModel(String from, String fromPort, String to, String toPort) {

    @JsonCreator
    EdgeModel(
        @JsonProperty(value = "from", required = true) String from,
        @JsonProperty("fromPort") String fromPort,
        @JsonProperty(value = "to", required = true) String to,
        @JsonProperty("toPort") String toPort) {
      this.from = from;
      this.fromPort = fromPort;
      this.to = to;
      this.toPort = toPort;
    }
  }
}
