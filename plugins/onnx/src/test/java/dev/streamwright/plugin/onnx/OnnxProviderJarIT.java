package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built provider jar alone is enough: a separately started JVM with Flink and ONNX Runtime on
 * its classpath (as in a cluster's {@code lib/}) but not the provider, runs {@code ADD JAR} and
 * scores rows. This is how a Streamwright user deploys the provider to a session cluster.
 */
class OnnxProviderJarIT {

  @TempDir Path dir;

  @Test
  void addJarOfTheProviderJarScoresRowsInAFreshSession() throws Exception {
    Path jar = Path.of(System.getProperty("streamwright.onnx.provider-jar"));
    assertThat(jar).as("built by mvn package before integration tests").isRegularFile();
    Path model =
        OnnxModels.write(
            dir,
            "fraud.onnx",
            OnnxModels.logisticMatrix(
                "x", OnnxModelProviderIT.W, OnnxModelProviderIT.B, "fraud_score"));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                a ->
                    a.startsWith("--add-")
                        || a.startsWith("-Xmx")
                        || a.startsWith("-Djava.io.tmpdir"))
            .toList());
    command.add(
        "-D"
            + NativeLibraryCache.CACHE_PROPERTY
            + "="
            + System.getProperty(NativeLibraryCache.CACHE_PROPERTY));
    command.add("-cp");
    command.add(classpathWithoutProvider(jar));
    command.add(AddJarSession.class.getName());
    command.add(jar.toString());
    command.add(model.toString());
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as("child finished:\n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code; output:\n%s", output).isZero();
    assertThat(output).contains("provider-not-on-classpath");

    Map<Integer, Double> scores = new HashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("score ")) {
        String[] parts = line.trim().split(" ");
        scores.put(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
      }
    }
    assertThat(scores).hasSize(OnnxModelProviderIT.ROWS.length);
    for (int i = 0; i < OnnxModelProviderIT.ROWS.length; i++) {
      assertThat(scores.get(i))
          .isCloseTo(
              OnnxModels.logistic(
                  OnnxModelProviderIT.W, OnnxModelProviderIT.B, OnnxModelProviderIT.ROWS[i]),
              within(1e-6));
    }
  }

  /** This JVM's classpath minus the provider's classes and jar. */
  private static String classpathWithoutProvider(Path jar) {
    Path classes = jar.getParent().resolve("classes").toAbsolutePath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().equals(classes))
        .filter(e -> !Path.of(e).toAbsolutePath().equals(jar.toAbsolutePath()))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
