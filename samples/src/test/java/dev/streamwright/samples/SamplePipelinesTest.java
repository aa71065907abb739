package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample pipeline shipped under samples/ is a valid, canonical pipeline file. */
class SamplePipelinesTest {

  private static final PipelineCodec CODEC = new PipelineCodec();
  private static final PipelineCompiler COMPILER = new PipelineCompiler(NodeTypeRegistry.load());

  static Stream<Path> samples() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("."), 3)) {
      files =
          walk.filter(p -> p.getFileName().toString().equals("pipeline.json"))
              .filter(p -> !p.toString().contains("target"))
              .sorted()
              .toList();
    }
    assertThat(files).as("sample pipelines under samples/").isNotEmpty();
    return files.stream();
  }

  /**
   * A sample compiles without errors or warnings where Streamwright runs it: its models in reach
   * and a data folder for {@code ${data}} (the test's own, in target/).
   */
  @ParameterizedTest
  @MethodSource("samples")
  void sampleCompilesWithoutProblems(Path file) throws Exception {
    Pipeline pipeline = CODEC.read(file);
    Map<String, String> environment = new TreeMap<>();
    ModelRegistry.near(file)
        .ifPresent(d -> environment.put(ModelRegistry.ENVIRONMENT_KEY, d.toString()));
    environment.put(
        DataFolder.ENVIRONMENT_KEY, Path.of("target", "data").toAbsolutePath().toString());
    Compilation c = COMPILER.compile(pipeline, environment);
    assertThat(c.problems().stream().map(Problem::toString)).isEmpty();
    assertThat(c.result()).isPresent();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleFileIsInCanonicalForm(Path file) throws Exception {
    String text = Files.readString(file);
    assertThat(CODEC.write(CODEC.read(file)))
        .as("%s as the studio would save it", file)
        .isEqualTo(text);
  }
}
