package dev.streamwright.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import dev.streamwright.runtime.testing.JsonTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replaces every value of every sample pipeline, one at a time, with null, a number, text, a list
 * and an object (and removes it), and checks that reading and compiling the result never fails with
 * anything but the codec's own file error or the compiler's problems, in words: no exception
 * escapes, and no problem or message speaks Java.
 */
class PipelineFuzzTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PipelineCodec CODEC = new PipelineCodec();
  private static final PipelineCompiler COMPILER = new PipelineCompiler(NodeTypeRegistry.load());
  private static final Path SAMPLES = Path.of("../../samples");

  /** Words a message to a user never holds: Java's and Jackson's, and Java's way of printing. */
  private static final List<String> JAVA_WORDS =
      List.of(
          "Exception",
          "Cannot invoke",
          "because \"",
          "java.",
          "com.fasterxml",
          "[Source",
          "marker",
          "failed to derive",
          "null pointer",
          "{k=",
          "[null]");

  private static final List<Supplier<JsonNode>> REPLACEMENTS =
      List.of(
          F::nullNode,
          () -> F.numberNode(7),
          () -> F.numberNode(-1.5),
          () -> F.textNode("x"),
          () -> F.textNode(""),
          F::arrayNode,
          () -> F.arrayNode().add(F.nullNode()),
          F::objectNode,
          () -> F.objectNode().putNull("k"));

  static Stream<Path> samples() throws Exception {
    try (Stream<Path> dirs = Files.list(SAMPLES)) {
      return dirs
          .map(d -> d.resolve("pipeline.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void noValueOfAnyKindAnywhereMakesTheCodecOrCompilerThrow(Path file) throws Exception {
    JsonNode original = JSON.readTree(Files.readString(file));
    Map<String, String> environment =
        Map.of(
            ModelRegistry.ENVIRONMENT_KEY,
            ModelRegistry.near(file).orElseThrow().toAbsolutePath().toString());
    List<String> failures = new ArrayList<>();
    int variants = 0;
    for (List<Object> path : JsonTrees.paths(original)) {
      List<JsonNode> values = new ArrayList<>();
      REPLACEMENTS.forEach(r -> values.add(r.get()));
      values.add(null); // removed
      for (JsonNode value : values) {
        String text = JSON.writeValueAsString(JsonTrees.replaced(original, path, value));
        variants++;
        String failure = check(text, environment);
        if (failure != null) {
          failures.add(path + " = " + (value == null ? "(removed)" : value) + ": " + failure);
        }
      }
    }
    assertThat(variants).isGreaterThan(100);
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyCutInsertionAndDeletionOfTheTextIsToldInWordsWithItsPlace(Path file) throws Exception {
    String text = Files.readString(file);
    List<String> failures = new ArrayList<>();
    int step = Math.max(1, text.length() / 1500);
    for (int i = 1; i < text.length(); i += step) {
      String cut = text.substring(0, i);
      String message = syntaxMessage(cut);
      char last = text.charAt(i - 1);
      boolean betweenTokens = Character.isWhitespace(last) || "{}[],:".indexOf(last) >= 0;
      if (i < text.stripTrailing().length() && (message == null || !placed(message))) {
        failures.add("cut at " + i + ": " + message);
      } else if (betweenTokens && message != null && !message.contains("the file ends inside")) {
        failures.add("cut at " + i + " does not say where the file ends: " + message);
      }
    }
    for (int i = 0; i < text.length(); i += Math.max(1, text.length() / 300)) {
      for (char c : ",:{}[]\"'/x0\\#".toCharArray()) {
        String message = syntaxMessage(text.substring(0, i) + c + text.substring(i));
        if (message != null && !placed(message)) {
          failures.add("'" + c + "' inserted at " + i + ": " + message);
        }
      }
      String message = syntaxMessage(text.substring(0, i) + text.substring(i + 1));
      if (message != null && !placed(message)) {
        failures.add("deleted at " + i + ": " + message);
      }
    }
    assertThat(failures).isEmpty();
  }

  /** The codec's message for the text, or null when it reads. */
  private static String syntaxMessage(String text) {
    try {
      CODEC.parse(text);
      return null;
    } catch (PipelineFileException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      return "the codec threw " + e;
    }
  }

  private static boolean placed(String message) {
    return message.matches("(?s)line [1-9]\\d*, column [1-9]\\d*: .+") && !speaksJava(message);
  }

  private static String check(String text, Map<String, String> environment) {
    Pipeline pipeline;
    try {
      pipeline = CODEC.parse(text);
    } catch (PipelineFileException e) {
      return placed(e.getMessage())
          ? null
          : "file error without a place or in Java's words: " + e.getMessage();
    } catch (RuntimeException e) {
      return "the codec threw " + e;
    }
    try {
      Compilation c = COMPILER.compile(pipeline, environment);
      for (Problem p : c.problems()) {
        if (speaksJava(p.message())) {
          return "problem in Java's words: " + p;
        }
      }
    } catch (RuntimeException e) {
      return "the compiler threw " + e + " at " + e.getStackTrace()[0];
    }
    return null;
  }

  private static boolean speaksJava(String message) {
    return message == null || JAVA_WORDS.stream().anyMatch(message::contains);
  }
}
