package dev.streamwright.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production log setup ({@code log4j2.xml}) writes to the folder {@code streamwright.logDir}
 * names, and without it to stderr: never a file in a shared folder such as {@code /tmp}, where
 * every user's and every test's runs would meet. Each case runs a child JVM, as the setup is read
 * once per JVM.
 */
class LogSetupTest {

  @TempDir Path dir;

  @Test
  void theLogGoesToTheFolderStreamwrightNames() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path logs = dir.resolve("logs");

    String err = runProbe(tmp, logs);

    assertThat(Files.readString(logs.resolve("streamwright.log"))).contains(LogProbe.LINE);
    assertThat(err).doesNotContain(LogProbe.LINE);
    assertThat(list(tmp)).isEmpty();
  }

  @Test
  void withoutAFolderTheLogGoesToStderrAndNothingIsWrittenToTmp() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));

    String err = runProbe(tmp, null);

    assertThat(err).contains("WARN", LogProbe.LINE);
    assertThat(list(tmp)).isEmpty();
  }

  /** Runs {@link LogProbe} with this JVM's class path and the production log setup. */
  private static String runProbe(Path tmp, Path logDir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile"));
    if (logDir != null) {
      command.add("-Dstreamwright.logDir=" + logDir);
    }
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(LogProbe.class.getName());
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
    String text = new String(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
