package dev.streamwright.runtime.generate;

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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario file that is not JSON, or holds null or a value of the wrong kind anywhere, is refused
 * with a {@link ScenarioException} that says where (line, column, step) and what to change, in
 * words; nothing else escapes.
 */
class ScenarioFileTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments(
            "{\"steps\": [null]}", "line 1, column 12: step 1: must be a JSON object, not null"),
        arguments(
            "{\"steps\": [{\"at\": \"1min\", \"kind\": \"malformed\", \"count\": null}]}",
            "line 1, column 57: step 1 (malformed): missing \"count\""),
        arguments(
            "{\"steps\": [{\"at\": \"1min\", \"kind\": \"malformed\", \"count\":"
                + " 18446744073709551621}]}",
            "line 1, column 57: step 1 (malformed): \"count\" must be a positive whole number up"
                + " to 2147483647, not the number 18446744073709551621"),
        arguments(
            "{\"steps\": [{\"at\": 60, \"kind\": \"malformed\", \"count\": 5}]}",
            "line 1, column 19: step 1 (malformed): \"at\" must be a duration such as \"20s\","
                + " not the number 60"),
        arguments(
            "{\"steps\": [{\"at\": \"1min\", \"kind\": \"burst\", \"users\": 1, \"duration\":"
                + " \"1min\", \"factor\": 2, \"userIds\": [null]}]}",
            "line 1, column 100: step 1 (burst): \"userIds\" must be a list of text, not one"
                + " holding null"),
        arguments(
            "{\"steps\": [], \"stpes\": []}",
            "line 1, column 15: a scenario has one field, \"steps\"; remove the unknown field"
                + " \"stpes\""),
        arguments(
            "{\"steps\": {}}",
            "line 1, column 11: a scenario must have a \"steps\" array, not an empty object"),
        arguments(
            "[]",
            "line 1, column 1: a scenario is a JSON object with a \"steps\" array, not"
                + " an empty list"),
        arguments(
            "{\"steps\": [], \"steps\": []}",
            "line 1, column 15: \"steps\" appears twice in the top-level object (first at line 1,"
                + " column 2); remove one of them"),
        arguments(
            "{\"steps\": [{\"at\": \"1min\" \"kind\": \"malformed\"}]}",
            "line 1, column 26: expected , or } after the value of \"at\" in the object at"
                + " steps[0], but found \"kind\"; a comma is probably missing"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void aBadScenarioIsRefusedWithItsPlaceAndWhatToChange(String json, String message) {
    assertThatThrownBy(() -> Scenario.parse(json))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-detection", "fleet-telemetry", "call-center"})
  void noValueOfAnyKindInASampleScenarioGivesAnythingButAScenarioError(String sample)
      throws Exception {
    JsonNode original =
        JSON.readTree(Files.readString(Path.of("../../samples", sample, "scenario.json")));
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (List<Object> path : JsonTrees.paths(original)) {
      for (JsonNode value :
          List.of(
              F.nullNode(),
              F.numberNode(7),
              F.numberNode(-1.5),
              F.textNode("x"),
              F.arrayNode(),
              F.arrayNode().add(F.nullNode()),
              F.objectNode())) {
        String text = JSON.writeValueAsString(JsonTrees.replaced(original, path, value));
        variants++;
        try {
          Scenario.parse(text);
        } catch (ScenarioException e) {
          if (!e.getMessage().matches("line \\d+, column \\d+: .+")
              || e.getMessage().contains("Exception")) {
            failures.add(path + " = " + value + ": " + e.getMessage());
          }
        } catch (RuntimeException e) {
          failures.add(path + " = " + value + ": threw " + e);
        }
      }
      String cut = original.toString().substring(0, variants % original.toString().length());
      try {
        Scenario.parse(cut);
      } catch (ScenarioException e) {
        if (!e.getMessage().startsWith("line ") && !e.getMessage().equals("the file is empty")) {
          failures.add("cut " + cut + ": " + e.getMessage());
        }
      }
    }
    assertThat(variants).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }
}
