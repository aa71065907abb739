package dev.streamwright.runtime.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The folder holding the card; the model file lies next to it. */
  public static ModelCard read(Path cardFile) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(cardFile));
    } catch (NoSuchFileException e) {
      throw new ModelException("There is no model card " + cardFile + ".", e);
    } catch (IOException e) {
      throw new ModelException(
          "The model card " + cardFile + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelException("The model card " + cardFile + " must hold a JSON object.");
    }
    Reader r = new Reader(cardFile, root);
    List<Input> inputs = new ArrayList<>();
    for (JsonNode in : r.array(root, "inputs")) {
      JsonNode range = in.path("expectedRange");
      inputs.add(
          new Input(
              r.text(in, "name"),
              in.path("elementType").asText("float32"),
              range.isArray() && range.size() == 2 ? range.get(0).asDouble() : Double.NaN,
              range.isArray() && range.size() == 2 ? range.get(1).asDouble() : Double.NaN,
              in.path("description").asText("")));
    }
    if (inputs.isEmpty()) {
      throw new ModelException("The model card " + cardFile + " lists no inputs.");
    }
    JsonNode out = r.object(root, "output");
    Output output =
        new Output(
            r.text(out, "name"),
            out.path("elementType").asText("float32"),
            out.path("meaning").asText(""));
    List<Example> examples = new ArrayList<>();
    JsonNode ex = root.path("examples");
    for (JsonNode row : ex.path("rows")) {
      Map<String, Double> values = new LinkedHashMap<>();
      JsonNode given = row.path("inputs");
      for (Input in : inputs) {
        JsonNode v = given.get(in.name());
        if (v == null || !v.isNumber()) {
          throw new ModelException(
              "The model card "
                  + cardFile
                  + ": an example row has no number for input '"
                  + in.name()
                  + "'.");
        }
        values.put(in.name(), v.asDouble());
      }
      JsonNode expected = row.get(output.name());
      if (expected == null || !expected.isNumber()) {
        throw new ModelException(
            "The model card "
                + cardFile
                + ": an example row has no expected '"
                + output.name()
                + "'.");
      }
      examples.add(new Example(row.path("source").asText(""), values, expected.asDouble()));
    }
    return new ModelCard(
        r.text(root, "id"),
        root.path("version").asInt(1),
        r.text(root, "file"),
        r.text(root, "sha256"),
        root.path("description").asText(""),
        inputs,
        output,
        examples,
        ex.path("tolerance").asDouble(1e-6),
        root.path("referenceProfile"));
  }

  /** The model file this card describes, in the card's folder. */
  public Path modelFile(Path cardFile) {
    return cardFile.toAbsolutePath().getParent().resolve(file);
  }

  private record Reader(Path file, JsonNode root) {

    String text(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw new ModelException(
            "The model card " + file + " has no '" + field + "'; add it (see samples/models).");
      }
      return v.asText();
    }

    JsonNode object(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isObject()) {
        throw new ModelException(
            "The model card " + file + " has no '" + field + "' object; add it.");
      }
      return v;
    }

    Iterable<JsonNode> array(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isArray()) {
        throw new ModelException(
            "The model card " + file + " has no '" + field + "' list; add it.");
      }
      return v;
    }
  }
}
