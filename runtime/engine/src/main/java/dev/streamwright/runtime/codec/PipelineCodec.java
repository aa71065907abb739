package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * Reads and writes pipeline files. Output is stable: fixed field order, nodes sorted by id, edges
 * sorted, property keys sorted, two-space indent, so pipeline files diff well in git. Input is
 * strict ({@link StrictJson}, {@link PipelineReader}): malformed JSON, unknown fields, duplicate
 * keys, values of the wrong kind and newer format versions are reported with line and column, in
 * words, instead of being dropped or guessed.
 */
public final class PipelineCodec {

  /** The newest file format this build reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final ObjectMapper mapper;
  private final DefaultPrettyPrinter printer;

  public PipelineCodec() {
    this.mapper =
        JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
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
    } catch (CharacterCodingException e) {
      throw new PipelineFileException(
          file + " is not UTF-8 text, so it is not a pipeline file; if it is one, save it as UTF-8",
          -1,
          -1,
          e);
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

  /**
   * Parses pipeline JSON text.
   *
   * @throws PipelineFileException when the text is not JSON or not a pipeline, with the line,
   *     column and path of the first problem and what to change
   */
  public Pipeline parse(String json) throws PipelineFileException {
    if (json == null || json.isBlank()) {
      throw new PipelineFileException("the file is empty; a pipeline file is a JSON object");
    }
    JsonDocument doc;
    try {
      doc = StrictJson.parse(json);
    } catch (JsonSyntaxException e) {
      throw new PipelineFileException(e.getMessage(), e.line(), e.column(), e);
    }
    return new PipelineReader(doc).read();
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
    DriftSettings drift = p.drift();
    if (!drift.isDefault()) {
      // Only settings that differ from the defaults are written, so older files stay as they are.
      ObjectNode d = root.putObject("drift");
      d.put("window", drift.window());
      d.put("enabled", drift.enabled());
      driftColumns(d.putArray("add"), drift.add());
      driftColumns(d.putArray("remove"), drift.remove());
    }
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

  private static void driftColumns(ArrayNode array, java.util.List<DriftColumn> columns) {
    columns.stream()
        .sorted()
        .distinct()
        .forEach(
            c -> {
              ObjectNode o = array.addObject();
              o.put("node", c.node());
              o.put("column", c.column());
            });
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  private static String cwd() {
    return Path.of("").toAbsolutePath().toString();
  }
}
