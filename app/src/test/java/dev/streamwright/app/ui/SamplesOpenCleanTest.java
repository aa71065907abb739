package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.compile.CompiledRevision;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first impression: every sample opens in a new studio with nothing in Problems, neither an error
 * nor a warning, compiled where the studio compiles (its workspace's models and data folder).
 */
class SamplesOpenCleanTest {

  /** Compiling a model-scoring sample starts ONNX Runtime the first time: allow for a cold JVM. */
  private static final Duration COMPILED = Duration.ofSeconds(60);

  @TempDir Path workspace;

  @Test
  void everySampleOpensWithoutProblems() throws Exception {
    List<String> ids = sampleIds();
    assertThat(ids).contains("quickstart", "fraud-detection");
    try (StudioDriver studio = StudioDriver.launch(workspace).awaitReady()) {
      List<String> problems = new ArrayList<>();
      for (String id : ids) {
        studio.fx(() -> studio.model().workspace().open(id)).get();
        StudioDriver.waitFor(
            COMPILED,
            () -> {
              CompiledRevision compiled =
                  studio.model().designer().outputs().compiledProperty().get();
              return studio.model().designer().pipeline().id().equals(id)
                  && !studio.model().designer().outputs().compilingProperty().get()
                  && compiled != null
                  && compiled.revision() == studio.model().designer().document().revision();
            });
        studio
            .fx(() -> List.copyOf(studio.model().designer().outputs().problems()))
            .forEach((Problem p) -> problems.add(id + ": " + p));
      }
      assertThat(problems).as("Problems of the samples as the studio opens them").isEmpty();
    }
  }

  private static String idOf(Path file) {
    try {
      return new PipelineCodec().read(file).id();
    } catch (PipelineFileException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ids of the sample pipelines a new workspace is filled from. */
  private static List<String> sampleIds() throws IOException {
    try (Stream<Path> walk = Files.walk(StudioDriver.SAMPLES, 2)) {
      return walk.filter(p -> p.getFileName().toString().equals("pipeline.json"))
          .sorted()
          .map(SamplesOpenCleanTest::idOf)
          .toList();
    }
  }
}
