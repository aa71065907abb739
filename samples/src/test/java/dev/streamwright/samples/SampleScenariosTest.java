package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's scenario.json is the default scenario of the generator the sandbox picks for it
 * (by the topic its kafka-source reads), so the script users read is the one the code documents.
 */
class SampleScenariosTest {

  static Stream<Path> scenarios() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("."), 2)) {
      files =
          walk.filter(p -> p.getFileName().toString().equals("scenario.json"))
              .filter(p -> !p.toString().contains("target"))
              .sorted()
              .toList();
    }
    assertThat(files).as("sample scenarios under samples/").hasSizeGreaterThanOrEqualTo(3);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void scenarioIsTheGeneratorsDefault(Path file) throws Exception {
    Pipeline pipeline = new PipelineCodec().read(file.resolveSibling("pipeline.json"));
    List<String> topics =
        pipeline.nodes().stream()
            .filter(n -> n.type().equals("kafka-source"))
            .map(n -> String.valueOf(n.properties().get("topic")))
            .toList();
    Generators.Entry generator =
        Generators.forAnyOf(topics)
            .orElseThrow(() -> new AssertionError("no generator writes any of " + topics));
    assertThat(Scenario.parse(Files.readString(file))).isEqualTo(generator.scenario());
  }
}
