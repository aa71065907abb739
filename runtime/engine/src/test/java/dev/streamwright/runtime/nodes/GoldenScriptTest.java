package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.nodes.GoldenPipelines.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each golden pipeline compiles without problems to exactly the script in {@code
 * src/test/resources/golden/<name>.sql}. Run with {@code -Dgolden.update=true} to rewrite the files
 * after a deliberate change, then review the diff.
 */
class GoldenScriptTest {

  /** Where the golden files live, relative to the module (Maven runs tests from there). */
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  /** The repository's sample models, the {@code models.dir} of goldens that score with a model. */
  static final Path SAMPLE_MODELS =
      Path.of("..", "..", "samples", "models").toAbsolutePath().normalize();

  /** Stands in the golden files for the machine-dependent {@code models.dir}. */
  static final String MODELS_DIR_PLACEHOLDER = "${models.dir}";

  static List<Golden> goldens() {
    return GoldenPipelines.all();
  }

  /** Compiles a golden pipeline, asserting it has no problems at all. */
  static Compilation compile(Golden golden) {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(golden.pipeline(), golden.environment());
    assertThat(c.problems()).as("problems of " + golden.name()).isEmpty();
    return c;
  }

  /**
   * The compiled script as the golden file holds it: an environment's {@code models.dir} (an
   * absolute path of this checkout) replaced by {@value #MODELS_DIR_PLACEHOLDER}.
   */
  static String script(Golden golden, Compilation compilation) {
    String script = compilation.result().orElseThrow().script();
    String modelsDir = golden.environment().get("models.dir");
    return modelsDir == null ? script : script.replace(modelsDir, MODELS_DIR_PLACEHOLDER);
  }

  /** The golden file's text. */
  static String expected(Golden golden) throws IOException {
    return Files.readString(GOLDEN.resolve(golden.name() + ".sql"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void compilesToTheGoldenScript(Golden golden) throws IOException {
    String script = script(golden, compile(golden));
    Path file = GOLDEN.resolve(golden.name() + ".sql");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, script, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file; run with -Dgolden.update=true to create it").exists();
    assertThat(script).isEqualTo(expected(golden));
  }
}
