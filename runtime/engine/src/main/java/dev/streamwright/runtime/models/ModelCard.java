package dev.streamwright.runtime.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.codec.JsonDocument;
import dev.streamwright.runtime.codec.JsonSyntaxException;
import dev.streamwright.runtime.codec.StrictJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Streamwright knows about a model beside its file: identity, the file's SHA-256 when it was
 * registered, the inputs with their expected ranges, the output's meaning, the reference profile
 * the drift panel compares live traffic with, and example rows with the outputs they must give.
 * Read from a {@code card.json} next to the model file (the format the sample models use; see
 * samples/models/README.md).
 *
 * @param id the model id, e.g. {@code fraud-scorer}
 * @param version the registered version, from 1
 * @param file the model file's name, next to the card
 * @param sha256 the file's SHA-256 (hex) when it was registered
 * @param description what the model predicts
 * @param inputs the model's inputs, in the model's order
 * @param output the model's output
 * @param examples rows with the outputs they must give
 * @param tolerance the largest absolute error an example may show
 * @param referenceProfile the training distribution per column, as stored (for drift)
 */
public record ModelCard(
    String id,
    int version,
    String file,
    String sha256,
    String description,
    List<Input> inputs,
    Output output,
    List<Example> examples,
    double tolerance,
    JsonNode referenceProfile) {

  /** The name of the card file in a model's folder. */
  public static final String FILE_NAME = "card.json";

  /**
   * One model input.
   *
   * @param min the smallest expected value, or NaN when the card gives none
   * @param max the largest expected value, or NaN when the card gives none
   */
  public record Input(
      String name, String elementType, double min, double max, String description) {}

  /** The model's output: its name and what its value means. */
  public record Output(String name, String elementType, String meaning) {}

  /** An input row and the output the model must give for it. */
  public record Example(String source, Map<String, Double> inputs, double expected) {
    public Example {
      inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
  }

  public ModelCard {
    Objects.requireNonNull(id, "id");
    inputs = List.copyOf(inputs);
    examples = List.copyOf(examples);
  }

  /**
   * Reads a card file.
   *
   * @throws ModelException when the file is missing, not JSON, or lacks what a card must hold, with
   *     the line, column and path of the first problem
   */
  public static ModelCard read(Path cardFile) {
    String text;
    try {
      text = Files.readString(cardFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ModelException("There is no model card " + cardFile + ".", e);
    } catch (CharacterCodingException e) {
      throw new ModelException(
          "The model card " + cardFile + " is not UTF-8 text; save it as UTF-8 JSON.", e);
    } catch (IOException e) {
      throw new ModelException(
          "Cannot read the model card " + cardFile + " (" + e.getMessage() + ").", e);
    }
    return parse(text, cardFile);
  }

  /** Reads a card's text; {@code cardFile} names it in messages. */
  static ModelCard parse(String text, Path cardFile) {
    JsonDocument doc;
    try {
      doc = StrictJson.parse(text);
    } catch (JsonSyntaxException e) {
      throw new ModelException("The model card " + cardFile + ": " + e.getMessage() + ".", e);
    }
    Reader r = new Reader(cardFile, doc);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw r.error("", "a model card is a JSON object, not " + JsonDocument.describe(root));
    }
    List<Input> inputs = new ArrayList<>();
    List<String> inputPaths = r.items(root, "", "inputs", true);
    for (String path : inputPaths) {
      JsonNode in = r.object(path, "an input");
      double[] range = r.range(in, path);
      inputs.add(
          new Input(
              r.text(in, path, "name", null),
              r.text(in, path, "elementType", "float32"),
              range[0],
              range[1],
              r.text(in, path, "description", "")));
    }
    if (inputs.isEmpty()) {
      throw r.error("inputs", "the \"inputs\" list is empty; list the model's inputs");
    }
    JsonNode out = r.object(r.required(root, "", "output"), "the output");
    Output output =
        new Output(
            r.text(out, "output", "name", null),
            r.text(out, "output", "elementType", "float32"),
            r.text(out, "output", "meaning", ""));
    List<Example> examples = new ArrayList<>();
    JsonNode ex = root.get("examples");
    double tolerance = 1e-6;
    if (ex != null && !ex.isNull()) {
      r.object("examples", "\"examples\"");
      for (String path : r.items(ex, "examples", "rows", false)) {
        JsonNode row = r.object(path, "an example row");
        String inputsPath = JsonDocument.field(path, "inputs");
        JsonNode given = r.object(r.required(row, path, "inputs"), "the example's inputs");
        Map<String, Double> values = new LinkedHashMap<>();
        for (Input in : inputs) {
          values.put(in.name(), r.number(given, inputsPath, in.name(), null));
        }
        double expected = r.number(row, path, output.name(), null);
        examples.add(new Example(r.text(row, path, "source", ""), values, expected));
      }
      tolerance = r.number(ex, "examples", "tolerance", 1e-6);
      if (tolerance < 0) {
        throw r.error("examples.tolerance", "the tolerance must not be negative");
      }
    }
    return new ModelCard(
        r.text(root, "", "id", null),
        r.version(root),
        r.text(root, "", "file", null),
        r.text(root, "", "sha256", null),
        r.text(root, "", "description", ""),
        inputs,
        output,
        examples,
        tolerance,
        root.path("referenceProfile"));
  }

  /** The model file this card describes, in the card's folder. */
  public Path modelFile(Path cardFile) {
    return cardFile.toAbsolutePath().getParent().resolve(file);
  }

  /** Typed access to the card's tree, with errors that name the file, the place and the path. */
  private record Reader(Path file, JsonDocument doc) {

    ModelException error(String path, String what) {
      JsonDocument.Place place = doc.valueAt(path);
      return new ModelException(
          "The model card "
              + file
              + ": "
              + (place.line() > 0 ? place.prefix() : "")
              + what
              + " (see samples/models/README.md).");
    }

    /** The value at the path, which the caller found present. */
    JsonNode at(String path) {
      JsonNode node = doc.root();
      for (String part : path.split("\\.|(?=\\[)")) {
        if (part.isEmpty()) {
          continue;
        }
        node =
            part.startsWith("[")
                ? node.get(Integer.parseInt(part.substring(1, part.length() - 1)))
                : node.get(part);
      }
      return node;
    }

    /** The path of a field that must be there. */
    String required(JsonNode node, String path, String field) {
      String at = JsonDocument.field(path, field);
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw error(
            path,
            (path.isEmpty() ? "the card" : path) + " lacks the field '" + field + "'; add it");
      }
      return at;
    }

    JsonNode object(String path, String what) {
      JsonNode v = at(path);
      if (!v.isObject()) {
        throw error(
            path, path + ": " + what + " must be an object, not " + JsonDocument.describe(v));
      }
      return v;
    }

    /** Text, or {@code fallback} when absent; a null fallback makes the field required. */
    String text(JsonNode node, String path, String field, String fallback) {
      JsonNode v = node.get(field);
      if ((v == null || v.isNull()) && fallback != null) {
        return fallback;
      }
      String at = required(node, path, field);
      if (!v.isTextual() || (fallback == null && v.asText().isBlank())) {
        throw error(at, at + " must be text, not " + JsonDocument.describe(v));
      }
      return v.asText();
    }

    /** A number, or {@code fallback} when absent; a null fallback makes the field required. */
    double number(JsonNode node, String path, String field, Double fallback) {
      JsonNode v = node.get(field);
      if ((v == null || v.isNull()) && fallback != null) {
        return fallback;
      }
      String at = required(node, path, field);
      if (!v.isNumber()) {
        throw error(at, at + " must be a number, not " + JsonDocument.describe(v));
      }
      return v.asDouble();
    }

    int version(JsonNode root) {
      JsonNode v = root.get("version");
      if (v == null || v.isNull()) {
        return 1;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
        throw error(
            "version", "version must be a whole number from 1, not " + JsonDocument.describe(v));
      }
      return v.asInt();
    }

    /** The expected range of an input: two numbers, or NaN when the card gives none. */
    double[] range(JsonNode in, String path) {
      JsonNode v = in.get("expectedRange");
      if (v == null || v.isNull()) {
        return new double[] {Double.NaN, Double.NaN};
      }
      String at = JsonDocument.field(path, "expectedRange");
      if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
        throw error(
            at,
            at
                + " must be a list of two numbers, [lowest, highest], not "
                + JsonDocument.describe(v));
      }
      return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
    }

    /** The paths of a list's items. */
    List<String> items(JsonNode node, String path, String field, boolean required) {
      JsonNode v = node.get(field);
      String at = JsonDocument.field(path, field);
      if (v == null || v.isNull()) {
        if (required) {
          required(node, path, field);
        }
        return List.of();
      }
      if (!v.isArray()) {
        throw error(at, at + " must be a list, not " + JsonDocument.describe(v));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(JsonDocument.item(at, i));
      }
      return out;
    }
  }
}
