package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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
    // The first rule alert needs the job to have read past the first 1-minute window (~3,500
    // events at 50 events/s); on a busy machine (load average ~10) the job had read only 385
    // events 25 s after it reported RUNNING, so it gets 40 s.
    Result r =
        CliHarness.run(
            "sandbox",
            "../samples/fraud-detection",
            "--duration",
            "40s",
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
      assertThat(Long.parseLong(m.group(1))).as(r.err()).isPositive();
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

  @Test
  void aBrokerThatStopsTakingTheGeneratorsRecordsStopsTheCommandWithOneLine(
      @TempDir Path sample, @TempDir Path data) throws Exception {
    Files.writeString(sample.resolve("pipeline.json"), SMALL_PIPELINE);
    KafkaBroker broker = KafkaBroker.start(data.resolve("kafka"));
    // Goes away once the generator has written to it, under the running command.
    Thread stopper =
        new Thread(
            () -> {
              try (Admin admin = broker.admin()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && written(admin) == 0) {
                  Thread.sleep(200);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                broker.close();
              }
            },
            "broker-stopper");
    stopper.start();
    long started = System.nanoTime();
    Result r;
    try {
      r =
          CliHarness.run(
              "sandbox",
              sample.toString(),
              "--duration",
              "3m",
              "--rate",
              "200",
              "--speed",
              "1",
              "--kafka",
              broker.bootstrapServers());
    } finally {
      stopper.join(Duration.ofSeconds(100).toMillis());
      broker.close();
    }

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err().lines().filter(l -> l.startsWith("Stopping: the generator failed:")))
        .as(r.err())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("Kafka at " + broker.bootstrapServers(), "topic transactions")
        .doesNotContain("Exception");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(2));
  }

  /** Records in the generator's topic so far; 0 while it does not exist. */
  private static long written(Admin admin) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < Sandbox.PARTITIONS; p++) {
        request.put(new TopicPartition("transactions", p), OffsetSpec.latest());
      }
      return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).values().stream()
          .mapToLong(ListOffsetsResultInfo::offset)
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    }
  }
}
