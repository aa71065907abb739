package dev.streamwright.runtime.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link DevCluster} for every test class of a test JVM that asks for it: started on first use,
 * kept in JUnit's root store, closed when the test run ends (and, since its JVMs watch this one,
 * gone even if the test JVM dies). Its folder is under {@code target/dev-cluster/}.
 *
 * <pre>{@code
 * @ExtendWith(DevClusterExtension.class)
 * class SomeIT {
 *   @Test
 *   void deploys(DevCluster cluster) { ... cluster.gatewayUrl() ... }
 * }
 * }</pre>
 */
public final class DevClusterExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DevClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  /** The test JVM's shared cluster, started on the first call. */
  public static DevCluster cluster(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            DevCluster.class, k -> DevCluster.in(newFolder("shared")).start(), DevCluster.class);
  }

  /** A fresh, not yet existing folder under {@code target/dev-cluster/}. */
  public static Path newFolder(String name) {
    try {
      Path base = Files.createDirectories(Path.of("target", "dev-cluster"));
      Path dir = Files.createTempDirectory(base, name + "-").toAbsolutePath();
      Files.delete(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == DevCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return cluster(extension);
  }
}
