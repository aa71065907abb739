package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import dev.streamwright.runtime.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @ParameterizedTest
  @MethodSource("samples")
  void sampleCompilesWithoutErrors(Path file) throws Exception {
    Pipeline pipeline = CODEC.read(file);
    Compilation c =
        COMPILER.compile(
            pipeline,
            ModelRegistry.near(file)
                .map(d -> java.util.Map.of(ModelRegistry.ENVIRONMENT_KEY, d.toString()))
                .orElse(java.util.Map.of()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
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
