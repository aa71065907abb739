package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamwright sandbox}: embedded Kafka, the fraud generator and a pipeline, end to end. */
class SandboxCommandIT {

  /** A small sample: the fraud transactions, filtered, to one sink topic. */
  static final Path SMALL_PIPELINE_FILE = Path.of("src/test/resources/sandbox/small-pipeline.json");

  private static final String SMALL_PIPELINE = read(SMALL_PIPELINE_FILE);

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSmallSampleRunsEndToEndAndItsSinkTopicReceivesRecords(@TempDir Path sample)
      throws Exception {
    Files.writeString(sample.resolve("pipeline.json"), SMALL_PIPELINE);

    Result r =
        CliHarness.run(
            "sandbox", sample.toString(), "--duration", "20s", "--rate", "200", "--speed", "1");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("Kafka broker on 127.0.0.1:", "Stopped after");
    String summary =
        r.err().lines().filter(l -> l.startsWith("Summary:")).findFirst().orElseThrow();
    Matcher produced = Pattern.compile("produced (\\d+)").matcher(summary);
    Matcher sunk = Pattern.compile("big-transactions (\\d+)").matcher(summary);
    assertThat(produced.find()).as(summary).isTrue();
    assertThat(sunk.find()).as(summary).isTrue();
    assertThat(Long.parseLong(produced.group(1))).isPositive();
    assertThat(Long.parseLong(sunk.group(1)))
        .as(r.err())
        .isPositive()
        .isLessThan(Long.parseLong(produced.group(1)));
  }

  @Test
  void theFraudDetectionSampleFillsItsSinkTopics() {
    Result r =
        CliHarness.run(
            "sandbox",
            "../samples/fraud-detection",
            "--duration",
            "25s",
            "--rate",
            "50",
            "--speed",
            "10");

    assertThat(r.exitCode()).as(r.err()).isZero();
    String summary =
        r.err().lines().filter(l -> l.startsWith("Summary:")).findFirst().orElseThrow();
    assertThat(summary).contains("malformed 5");
    for (String topic : new String[] {"scored-transactions", "fraud-rule-alerts"}) {
      Matcher m = Pattern.compile(topic + " (\\d+)").matcher(summary);
      assertThat(m.find()).as(summary).isTrue();
      assertThat(Long.parseLong(m.group(1))).as(summary).isPositive();
    }
  }

  @Test
  void anUnreachableKafkaIsAReadableErrorWithExitCode3(@TempDir Path sample) throws Exception {
    Files.writeString(sample.resolve("pipeline.json"), SMALL_PIPELINE);

    Result r =
        CliHarness.run("sandbox", sample.toString(), "--duration", "5s", "--kafka", "127.0.0.1:1");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err()).contains("Cannot reach Kafka at 127.0.0.1:1");
  }

  @Test
  void aSampleWithoutAGeneratorIsRefused() {
    Result r =
        CliHarness.run("sandbox", CliHarness.QUICKSTART.getParent().toString(), "--duration", "5s");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("No data generator for this sample");
  }

  @Test
  void aTakenBrokerPortIsAReadableErrorWithExitCode3(@TempDir Path sample) throws Exception {
    Files.writeString(sample.resolve("pipeline.json"), SMALL_PIPELINE);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Result r =
          CliHarness.run(
              "sandbox",
              sample.toString(),
              "--duration",
              "5s",
              "--kafka-port",
              Integer.toString(taken.getLocalPort()));

      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
      assertThat(r.err())
          .contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
          .doesNotContain("Exception");
    }
  }

  @Test
  void anUnwritableDataFolderIsAReadableErrorWithExitCode3(@TempDir Path sample) throws Exception {
    Files.writeString(sample.resolve("pipeline.json"), SMALL_PIPELINE);
    Path notAFolder = Files.writeString(sample.resolve("a-file"), "x");

    Result r =
        CliHarness.run(
            "sandbox", sample.toString(), "--duration", "5s", "--data-dir", notAFolder.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err()).contains("is not writable").contains("Choose a folder you can write to");
  }
}
