package dev.streamwright.runtime.devcluster;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev cluster's class path, Flink's {@code lib/} folder in a distribution: picked from the
 * current JVM's class path (Maven's in tests, {@code app/target/lib} in the app), so the cluster
 * runs exactly the Flink jars Streamwright was built with.
 *
 * <p>Picked are the Flink jars (every {@code flink-*} jar: runtime, clients, table planner loader
 * and runtime, SQL Gateway, connector base, datagen, files, JSON and the Kafka SQL connector), the
 * libraries Flink's own jars need, logging, ONNX Runtime and the onnx model provider; everything
 * else the host JVM carries (JavaFX, the Kafka broker, test frameworks, Streamwright itself) stays
 * out.
 */
public final class ClusterClasspath {

  /** The onnx model provider's factory: its jar (or classes folder) goes on the class path. */
  static final String ONNX_PROVIDER_CLASS = "dev.streamwright.plugin.onnx.OnnxModelProviderFactory";

  /**
   * Libraries, by artifact id, besides the {@code flink-*} jars: what flink-core, flink-runtime,
   * flink-clients and the table jars depend on, slf4j with its log4j2 binding, and ONNX Runtime.
   */
  static final Set<String> LIBRARIES =
      Set.of(
          "async-profiler",
          "commons-cli",
          "commons-collections",
          "commons-compress",
          "commons-io",
          "commons-lang3",
          "commons-math3",
          "commons-text",
          "icu4j",
          "javassist",
          "jsr305",
          "kryo",
          "log4j-api",
          "log4j-core",
          "log4j-slf4j-impl",
          "lz4-java",
          "minlog",
          "objenesis",
          "onnxruntime",
          "reflectasm",
          "slf4j-api",
          "snakeyaml-engine");

  /** Parts a dev cluster can be started without, as a user's cluster may lack them. */
  public enum Part {
    /** The Kafka SQL connector ({@code flink-sql-connector-kafka}). */
    KAFKA_CONNECTOR(Set.of("flink-sql-connector-kafka", "flink-connector-kafka")),
    /** The onnx model provider and ONNX Runtime. */
    ONNX_PROVIDER(Set.of("streamwright-onnx-provider", "onnxruntime"));

    private final Set<String> artifacts;

    Part(Set<String> artifacts) {
      this.artifacts = artifacts;
    }
  }

  /** The artifact id of a Maven jar file name: everything before {@code -<digit>...}. */
  private static final Pattern ARTIFACT = Pattern.compile("^(.+?)-\\d[^/]*\\.jar$");

  private ClusterClasspath() {}

  /**
   * The cluster's class path taken from this JVM's.
   *
   * @throws DevClusterException if a part the cluster cannot run without is missing
   */
  public static List<Path> ofCurrentJvm() {
    return ofCurrentJvm(Set.of());
  }

  /**
   * The cluster's class path taken from this JVM's, without the parts named in {@code leftOff}: for
   * a cluster that lacks what a user's cluster may lack.
   *
   * @throws DevClusterException if a part the cluster cannot run without is missing
   */
  public static List<Path> ofCurrentJvm(Set<Part> leftOff) {
    List<Path> entries = expand(System.getProperty("java.class.path", ""));
    if (leftOff.contains(Part.ONNX_PROVIDER)) {
      return without(select(entries, Optional.empty()), leftOff);
    }
    Optional<Path> provider = locationOf(ONNX_PROVIDER_CLASS);
    if (provider.isEmpty()) {
      throw new DevClusterException(
          "The dev cluster needs the onnx model provider (streamwright-onnx-provider.jar) on"
              + " Streamwright's class path and it is not there. Rebuild Streamwright (mvn -B"
              + " install) so that its lib folder is complete.");
    }
    return without(select(entries, provider), leftOff);
  }

  /** {@code entries} without the jars of the parts in {@code leftOff}. */
  static List<Path> without(List<Path> entries, Set<Part> leftOff) {
    return entries.stream()
        .filter(
            e ->
                leftOff.stream()
                    .noneMatch(part -> artifactId(e).filter(part.artifacts::contains).isPresent()))
        .toList();
  }

  /** The entries of {@code all} the cluster needs, plus the provider's location if known. */
  static List<Path> select(List<Path> all, Optional<Path> provider) {
    Set<Path> picked = new LinkedHashSet<>();
    for (Path entry : all) {
      artifactId(entry)
          .filter(a -> a.startsWith("flink-") || LIBRARIES.contains(a))
          .ifPresent(a -> picked.add(entry));
    }
    provider.ifPresent(picked::add);
    List<Path> result = new ArrayList<>(picked);
    requirePresent(result, "flink-runtime", "Flink's runtime");
    requirePresent(result, "flink-sql-gateway", "Flink's SQL Gateway");
    requirePresent(result, "flink-table-planner-loader", "Flink's table planner");
    return List.copyOf(result);
  }

  private static void requirePresent(List<Path> entries, String artifact, String what) {
    boolean found =
        entries.stream().anyMatch(e -> artifactId(e).filter(artifact::equals).isPresent());
    if (!found) {
      throw new DevClusterException(
          "The dev cluster needs "
              + what
              + " ("
              + artifact
              + ".jar) on Streamwright's class path and it is not there. Rebuild Streamwright"
              + " (mvn -B install) so that its lib folder is complete.");
    }
  }

  /** The artifact id of a jar file name, or empty for a folder or a name without a version. */
  static Optional<String> artifactId(Path entry) {
    Path name = entry.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = ARTIFACT.matcher(name.toString());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The entries of a class path string; a manifest-only jar (as Maven's test runners use for long
   * class paths) is replaced by the entries its manifest lists.
   */
  static List<Path> expand(String classPath) {
    List<Path> result = new ArrayList<>();
    for (String part : classPath.split(File.pathSeparator)) {
      if (part.isBlank()) {
        continue;
      }
      Path entry = Path.of(part).toAbsolutePath().normalize();
      result.addAll(manifestClassPath(entry).orElse(List.of(entry)));
    }
    return result;
  }

  private static Optional<List<Path>> manifestClassPath(Path jar) {
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return Optional.empty();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (listed == null || listed.isBlank() || file.size() > 2) {
        return Optional.empty(); // a real jar, not a class path holder
      }
      List<Path> entries = new ArrayList<>();
      for (String url : listed.trim().split("\\s+")) {
        entries.add(Path.of(jar.getParent().toUri().resolve(url)).normalize());
      }
      return Optional.of(entries);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The jar or folder a class was loaded from, if it can be found. */
  static Optional<Path> locationOf(String className) {
    try {
      Class<?> type = Class.forName(className, false, ClusterClasspath.class.getClassLoader());
      var source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
    } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }
}
