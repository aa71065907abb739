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

  /** The golden file's text. */
  static String expected(Golden golden) throws IOException {
    return Files.readString(GOLDEN.resolve(golden.name() + ".sql"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void compilesToTheGoldenScript(Golden golden) throws IOException {
    String script = compile(golden).result().orElseThrow().script();
    Path file = GOLDEN.resolve(golden.name() + ".sql");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, script, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file; run with -Dgolden.update=true to create it").exists();
    assertThat(script).isEqualTo(expected(golden));
  }
}
