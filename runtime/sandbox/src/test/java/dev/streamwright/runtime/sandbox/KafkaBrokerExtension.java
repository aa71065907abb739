package dev.streamwright.runtime.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link KafkaBroker} shared by the tests of a class, its data under {@code
 * target/embedded-kafka/}, closed (and its data deleted) after the last test. Register it as a
 * static field:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * }</pre>
 *
 * <p>then use {@link #broker()}, or declare a {@code KafkaBroker} test parameter.
 */
public final class KafkaBrokerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = KafkaBroker.start(newDataDir(context.getRequiredTestClass().getSimpleName()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  /** The shared broker. */
  public KafkaBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("KafkaBrokerExtension must be a static field");
    }
    return broker;
  }

  /** {@code 127.0.0.1:port} of the shared broker. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** A fresh, not yet existing folder path under {@code target/embedded-kafka/}. */
  public static Path newDataDir(String name) {
    try {
      Path base = Files.createDirectories(Path.of("target", "embedded-kafka"));
      Path dir = Files.createTempDirectory(base, name + "-").toAbsolutePath();
      Files.delete(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return broker();
  }
}
