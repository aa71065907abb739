package dev.streamwright.runtime.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link EmbeddedRuntime} shared by the tests of a class, with its work directory under {@code
 * target/}, closed after the last test. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();
 * }</pre>
 *
 * <p>then use {@link #runtime()}, or declare an {@code EmbeddedRuntime} test parameter. Sharing
 * matters: the cluster and the planner take ~2 s to warm up, later jobs ~0.2 s.
 */
public final class EmbeddedRuntimeExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** Two slots: enough for a test job and its preview on a 2-core build machine. */
  public static final int TEST_SLOTS = 2;

  private final int slots;
  private Path workDir;
  private EmbeddedRuntime runtime;

  /** A runtime with {@link #TEST_SLOTS} task slots. */
  public EmbeddedRuntimeExtension() {
    this(TEST_SLOTS);
  }

  /** A runtime with the given number of task slots. */
  public EmbeddedRuntimeExtension(int slots) {
    this.slots = slots;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    workDir = newWorkDir(context.getRequiredTestClass().getSimpleName());
    runtime = new EmbeddedRuntime(workDir, slots);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
    // What tests wrote there (sink files, savepoints) is of no use once the class is done.
    if (workDir != null && Files.exists(workDir)) {
      try (Stream<Path> walk = Files.walk(workDir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The shared runtime; its cluster starts on the first deploy. */
  public EmbeddedRuntime runtime() {
    if (runtime == null) {
      throw new IllegalStateException("EmbeddedRuntimeExtension must be a static field");
    }
    return runtime;
  }

  /** The runtime's work directory. */
  public Path workDir() {
    return workDir;
  }

  /**
   * A fresh folder under {@code target/embedded-flink/}, also making sure the JVM's temp folder
   * (surefire points {@code java.io.tmpdir} at {@code target/tmp}) exists before Flink uses it.
   */
  public static Path newWorkDir(String name) {
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
      Path base = Files.createDirectories(Path.of("target", "embedded-flink"));
      return Files.createTempDirectory(base, name + "-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == EmbeddedRuntime.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return runtime();
  }
}
