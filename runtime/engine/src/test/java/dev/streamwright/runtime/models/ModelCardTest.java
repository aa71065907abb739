package dev.streamwright.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.streamwright.runtime.testing.JsonTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model card that is not JSON, or holds null or a value of the wrong kind where the card's reader
 * needs something, is refused with a {@link ModelException} naming the card, the place and the
 * path; nothing else escapes.
 */
class ModelCardTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CARD = Path.of("models/m/card.json");
  private static final String MINIMAL =
      "{\"id\": \"m\", \"file\": \"m.onnx\", \"sha256\": \"ab\", \"inputs\": [%s],"
          + " \"output\": {\"name\": \"y\"}%s}";

  private static String card(String inputs, String more) {
    return String.format(MINIMAL, inputs, more);
  }

  static Stream<Arguments> refusals() {
    String prefix = "The model card " + CARD + ": ";
    String suffix = " (see samples/models/README.md).";
    return Stream.of(
        arguments(
            card("null", ""),
            prefix + "line 1, column 58: inputs[0]: an input must be an object, not null" + suffix),
        arguments(
            card("{\"name\": 5}", ""),
            prefix + "line 1, column 67: inputs[0].name must be text, not the number 5" + suffix),
        arguments(
            card("{\"name\": \"x\", \"expectedRange\": [0, \"1\"]}", ""),
            prefix
                + "line 1, column 89: inputs[0].expectedRange must be a list of two numbers,"
                + " [lowest, highest], not a list"
                + suffix),
        arguments(
            card("", ""),
            prefix
                + "line 1, column 57: the \"inputs\" list is empty; list the model's inputs"
                + suffix),
        arguments(
            card("{\"name\": \"x\"}", ", \"examples\": {\"rows\": [null]}"),
            prefix
                + "line 1, column 121: examples.rows[0]: an example row must be an object, not"
                + " null"
                + suffix),
        arguments(
            card("{\"name\": \"x\"}", ", \"examples\": {\"rows\": [{\"inputs\": {\"x\": \"1\"}}]}"),
            prefix
                + "line 1, column 138: examples.rows[0].inputs.x must be a number, not text"
                + " (\"1\")"
                + suffix),
        arguments(
            card("{\"name\": \"x\"}", ", \"version\": 0"),
            prefix
                + "line 1, column 110: version must be a whole number from 1, not the number 0"
                + suffix),
        arguments(
            "{\"id\": \"m\", \"inputs\": [",
            prefix
                + "line 1, column 24: the file ends inside the \"inputs\" list that opens at line"
                + " 1, column 23."));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void aBadCardIsRefusedWithItsPlaceAndPath(String json, String message) {
    assertThatThrownBy(() -> ModelCard.parse(json, CARD))
        .isInstanceOf(ModelException.class)
        .hasMessage(message);
  }

  @Test
  void aCardThatIsNotUtf8IsRefusedInWords(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("card.json");
    Files.write(file, new byte[] {'{', (byte) 0xFF, '}'});

    assertThatThrownBy(() -> ModelCard.read(file))
        .isInstanceOf(ModelException.class)
        .hasMessage("The model card " + file + " is not UTF-8 text; save it as UTF-8 JSON.");
  }

  @Test
  void aBrokenCardBesideAModelIsTheModelsProblemInWords(@TempDir Path dir) throws Exception {
    Path model =
        Files.copy(
            Path.of("../../samples/models/fraud-scorer/fraud-scorer.onnx"),
            dir.resolve("fraud-scorer.onnx"));
    Path card = Files.writeString(dir.resolve("card.json"), "{\"id\": \"fraud-scorer\",\n");

    // What a Model score node reports on its model property, and so the Problems view shows.
    assertThat(ModelRegistry.registrationProblem(model))
        .contains(
            "The model card "
                + card
                + ": line 2, column 1: the file ends inside the top-level object that opens at"
                + " line 1, column 1.");
  }

  @Test
  void noValueOfAnyKindInASampleCardGivesAnythingButAModelError() throws Exception {
    JsonNode original =
        JSON.readTree(Files.readString(Path.of("../../samples/models/churn-risk/card.json")));
    // The parts the reader does not interpret stay out: the drift profile is kept as it is.
    Set<String> opaque = Set.of("referenceProfile", "weights", "format");
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (List<Object> path : JsonTrees.paths(original)) {
      if (opaque.contains(path.get(0))) {
        continue;
      }
      for (JsonNode value :
          List.of(
              F.nullNode(),
              F.numberNode(7),
              F.textNode("x"),
              F.arrayNode(),
              F.arrayNode().add(F.nullNode()),
              F.objectNode())) {
        variants++;
        try {
          ModelCard.parse(JSON.writeValueAsString(JsonTrees.replaced(original, path, value)), CARD);
        } catch (ModelException e) {
          if (!e.getMessage().matches("The model card .+: line \\d+, column \\d+: .+")
              || e.getMessage().contains("Exception")) {
            failures.add(path + " = " + value + ": " + e.getMessage());
          }
        } catch (RuntimeException e) {
          failures.add(path + " = " + value + ": threw " + e);
        }
      }
    }
    assertThat(variants).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }
}
