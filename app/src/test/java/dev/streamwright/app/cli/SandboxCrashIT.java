package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.Streamwright;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a running {@code streamwright sandbox} (kill -9: no shutdown hooks) leaves nothing that
 * blocks or litters the next start: the next sandbox runs, and the killed one's broker data is
 * removed.
 */
class SandboxCrashIT {

  @Test
  void aKilledSandboxDoesNotBlockTheNextOneAndItsDataIsRemoved(@TempDir Path sample)
      throws Exception {
    Files.writeString(
        sample.resolve("pipeline.json"), Files.readString(SandboxCommandIT.SMALL_PIPELINE_FILE));
    Process child = start(sample);
    AtomicReference<String> err = new AtomicReference<>("");
    CountDownLatch running = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  err.set(err.get() + line + "\n");
                  if (line.startsWith("Job ") && line.contains(" is running")) {
                    running.countDown();
                  }
                }
              } catch (IOException e) {
                // The child was killed.
              }
            });
    reader.start();
    Path childTmp;
    try {
      assertThat(running.await(120, TimeUnit.SECONDS)).as(err.get()).isTrue();
      childTmp = AppFolders.detect().tmp().resolveSibling(Long.toString(child.pid()));
      try (var content = Files.list(childTmp)) {
        assertThat(content.map(p -> p.getFileName().toString()))
            .as("the running sandbox's broker data")
            .anyMatch(n -> n.startsWith("sandbox-kafka-" + child.pid()));
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
    }

    Result next =
        CliHarness.run(
            "sandbox", sample.toString(), "--duration", "10s", "--rate", "100", "--speed", "1");

    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(childTmp).as("the killed sandbox's folder").doesNotExist();
  }

  private static Process start(Path sample) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // This JVM's flags: Flink's --add-opens, the test folders (streamwright.home, tmpdir, logs).
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("-D") || arg.startsWith("-Xmx")) {
        command.add(arg);
      }
    }
    for (String property :
        List.of(
            "java.io.tmpdir",
            "streamwright.home",
            "streamwright.logDir",
            "log4j2.configurationFile")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Streamwright.class.getName());
    command.addAll(
        List.of("sandbox", sample.toString(), "--duration", "5m", "--rate", "100", "--speed", "1"));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
