package dev.streamwright.runtime.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of the host JVM's class path entries the dev cluster's JVMs get. */
class ClusterClasspathTest {

  private static final Path M2 = Path.of("/m2");

  @Test
  void flinkJarsTheirLibrariesAndTheProviderAreTakenTheRestIsLeftOut() {
    List<Path> all =
        List.of(
            M2.resolve("flink-runtime-2.2.0.jar"),
            M2.resolve("flink-sql-gateway-2.2.0.jar"),
            M2.resolve("flink-table-planner-loader-2.2.0.jar"),
            M2.resolve("flink-sql-connector-kafka-5.0.0-2.2.jar"),
            M2.resolve("flink-shaded-asm-9-9.6-20.0.jar"),
            M2.resolve("kryo-5.6.2.jar"),
            M2.resolve("onnxruntime-1.29.0.jar"),
            M2.resolve("log4j-core-2.24.3.jar"),
            M2.resolve("kafka_2.13-4.2.0.jar"),
            M2.resolve("kafka-clients-4.2.0.jar"),
            M2.resolve("scala-library-2.13.17.jar"),
            M2.resolve("javafx-controls-21.0.12-linux.jar"),
            M2.resolve("junit-jupiter-api-5.14.4.jar"),
            Path.of("/work/runtime/target/classes"),
            Path.of("/work/runtime/target/test-classes"));
    Path provider = Path.of("/work/plugins/onnx/target/classes");

    List<Path> picked = ClusterClasspath.select(all, Optional.of(provider));

    assertThat(picked)
        .containsExactly(
            M2.resolve("flink-runtime-2.2.0.jar"),
            M2.resolve("flink-sql-gateway-2.2.0.jar"),
            M2.resolve("flink-table-planner-loader-2.2.0.jar"),
            M2.resolve("flink-sql-connector-kafka-5.0.0-2.2.jar"),
            M2.resolve("flink-shaded-asm-9-9.6-20.0.jar"),
            M2.resolve("kryo-5.6.2.jar"),
            M2.resolve("onnxruntime-1.29.0.jar"),
            M2.resolve("log4j-core-2.24.3.jar"),
            provider);
  }

  @Test
  void aMissingGatewayJarIsAnActionableError() {
    List<Path> all =
        List.of(
            M2.resolve("flink-runtime-2.2.0.jar"),
            M2.resolve("flink-table-planner-loader-2.2.0.jar"));

    assertThatThrownBy(() -> ClusterClasspath.select(all, Optional.empty()))
        .isInstanceOf(DevClusterException.class)
        .hasMessageContaining("Flink's SQL Gateway (flink-sql-gateway.jar)")
        .hasMessageContaining("Rebuild Streamwright");
  }

  @Test
  void aManifestOnlyJarIsReplacedByTheEntriesItLists(@TempDir Path dir) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(Attributes.Name.CLASS_PATH, "lib/flink-core-2.2.0.jar classes/");
    Path booter = dir.resolve("surefirebooter.jar");
    try (OutputStream out = Files.newOutputStream(booter);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // only the manifest
    }

    List<Path> entries =
        ClusterClasspath.expand(booter + java.io.File.pathSeparator + dir.resolve("x-1.0.jar"));

    assertThat(entries)
        .containsExactly(
            dir.resolve("lib/flink-core-2.2.0.jar"),
            dir.resolve("classes"),
            dir.resolve("x-1.0.jar"));
  }

  @Test
  void theCurrentJvmsClassPathHasEverythingTheClusterNeeds() {
    List<Path> picked = ClusterClasspath.ofCurrentJvm();

    assertThat(picked)
        .extracting(p -> ClusterClasspath.artifactId(p).orElse(p.toString()))
        .contains(
            "flink-runtime",
            "flink-clients",
            "flink-sql-gateway",
            "flink-connector-base",
            "flink-json",
            "flink-sql-connector-kafka",
            "onnxruntime",
            "log4j-slf4j-impl")
        .doesNotContain("kafka_2.13", "junit-jupiter-api");
    assertThat(picked).allMatch(Files::exists);
  }

  @Test
  void partsLeftOffAreNotOnTheClusterClassPathAndTheRestIs() {
    List<Path> full = ClusterClasspath.ofCurrentJvm();
    Path provider = ClusterClasspath.locationOf(ClusterClasspath.ONNX_PROVIDER_CLASS).orElseThrow();

    List<Path> lacking =
        ClusterClasspath.ofCurrentJvm(
            EnumSet.of(ClusterClasspath.Part.KAFKA_CONNECTOR, ClusterClasspath.Part.ONNX_PROVIDER));

    assertThat(full).contains(provider);
    assertThat(lacking)
        .doesNotContain(provider)
        .extracting(p -> ClusterClasspath.artifactId(p).orElse(p.toString()))
        .doesNotContain("flink-sql-connector-kafka", "onnxruntime", "streamwright-onnx-provider")
        .contains("flink-runtime", "flink-sql-gateway", "flink-connector-base", "flink-json");
    assertThat(full).containsAll(lacking).hasSize(lacking.size() + 3);
  }
}
