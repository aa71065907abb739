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
    Path jar = providerJar();
    Child child = run(jar.toString(), classpathWithout(jar, false));
    assertThat(child.exitCode()).as("exit code; output:\n%s", child.output()).isZero();
    assertThat(child.output()).contains("provider-not-on-classpath");

    Map<Integer, Double> scores = new HashMap<>();
    for (String line : child.output().split("\n")) {
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

  /**
   * Shipping ONNX Runtime itself with ADD JAR cannot work where the planner and a task share a JVM
   * (and fails for the second job on a task manager): the message says where the jar belongs.
   */
  @Test
  void addJarOfOnnxRuntimeItselfFailsWithWhereToPutIt() throws Exception {
    Path jar = providerJar();
    String ort =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> Path.of(e).getFileName().toString().startsWith("onnxruntime-"))
            .findFirst()
            .orElseThrow();
    Child child = run(jar + File.pathSeparator + ort, classpathWithout(jar, true));
    assertThat(child.exitCode()).as("output:\n%s", child.output()).isNotZero();
    assertThat(child.output())
        .contains("Put onnxruntime-1.29.0.jar into Flink's lib/ folder")
        .doesNotContain("score ");
  }

  private static Path providerJar() {
    Path jar = Path.of(System.getProperty("streamwright.onnx.provider-jar"));
    assertThat(jar).as("built by mvn package before integration tests").isRegularFile();
    return jar;
  }

  private Child run(String jars, String classpath) throws Exception {
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
    // On the command line on purpose: ONNX Runtime once crashed JVMs with long command lines.
    command.add("-cp");
    command.add(classpath);
    command.add(AddJarSession.class.getName());
    command.add(jars);
    command.add(model.toString());
    Path log = dir.resolve("child.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as("child finished:\n%s", output).isTrue();
    return new Child(process.exitValue(), output);
  }

  private record Child(int exitCode, String output) {}

  /** This JVM's classpath minus the provider's classes and jar, and ONNX Runtime if asked. */
  private static String classpathWithout(Path jar, boolean withoutOrt) {
    Path classes = jar.getParent().resolve("classes").toAbsolutePath();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().equals(classes))
        .filter(e -> !Path.of(e).toAbsolutePath().equals(jar.toAbsolutePath()))
        .filter(
            e -> !(withoutOrt && Path.of(e).getFileName().toString().startsWith("onnxruntime-")))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
