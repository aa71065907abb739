package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code streamwright run} with Kafka that is wrong: no broker on the port, a topic that does not
 * exist, a broker that goes away while the job runs; and a pipeline that writes only to Kafka
 * saying what it wrote. Real broker, real embedded Flink, the command line in-process.
 */
class RunKafkaIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final java.util.regex.Pattern OWN_THREADS =
      java.util.regex.Pattern.compile(
          "streamwright-(?:preflight|watchdog|sink-tally|kafka-watchdog)");

  @TempDir Path dir;

  /** kafka-source {@code orders} of {@code topic} on {@code bootstrap} into a preview sink. */
  private Path sourcePipeline(String bootstrap, String topic) throws IOException {
    return write(
        """
        {"formatVersion": 1, "id": "kafka-in", "name": "kafka-in", "version": 1,
         "nodes": [
           {"id": "orders", "type": "kafka-source", "properties": {
             "topic": "%s", "bootstrapServers": "%s", "startupMode": "earliest-offset",
             "columns": [{"name": "id", "type": "STRING"}, {"name": "n", "type": "BIGINT"}]}},
           {"id": "preview", "type": "preview-sink", "properties": {}}],
         "edges": [{"from": "orders", "fromPort": "out", "to": "preview", "toPort": "in"}]}
        """
            .formatted(topic, bootstrap));
  }

  /** {@code rows} generated rows into kafka-sink {@code alerts} of {@code topic}: no preview. */
  private Path sinkPipeline(String bootstrap, String topic, int rows) throws IOException {
    return write(
        """
        {"formatVersion": 1, "id": "kafka-out", "name": "kafka-out", "version": 1,
         "nodes": [
           {"id": "gen", "type": "datagen", "properties": {
             "rowsPerSecond": 500, "numberOfRows": %d,
             "columns": [{"name": "id", "type": "STRING", "length": 6},
                         {"name": "n", "type": "BIGINT", "min": 1, "max": 9}]}},
           {"id": "alerts", "type": "kafka-sink", "properties": {
             "topic": "%s", "bootstrapServers": "%s"}}],
         "edges": [{"from": "gen", "fromPort": "out", "to": "alerts", "toPort": "in"}]}
        """
            .formatted(rows, topic, bootstrap));
  }

  private Path write(String json) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "pipeline-", ".json"), json);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void noBrokerOnThePortFailsWithinSecondsNamingTheNodeAndAddress() throws Exception {
    String nowhere = "127.0.0.1:" + closedPort();
    Path file = sourcePipeline(nowhere, "orders");

    long started = System.nanoTime();
    Result r = CliHarness.run("run", file.toString(), "--duration", "90s");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err())
        .contains(
            "error: node 'orders', property 'bootstrapServers': cannot reach Kafka at "
                + nowhere
                + " (connection refused")
        .contains("The job was not started")
        .doesNotContain("Submitting the job", "Exception", "\tat ");
    // The planner check and the cluster's start and stop take a few seconds; the duration is 90.
    assertThat(took).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aMissingSourceTopicFailsBeforeTheJobStartsNamingTheNodeAndTopic() throws Exception {
    Path file = sourcePipeline(KAFKA.bootstrapServers(), "no-such-orders");

    Result r = CliHarness.run("run", file.toString(), "--duration", "90s");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err())
        .contains(
            "error: node 'orders', property 'topic': topic 'no-such-orders' does not exist on "
                + KAFKA.bootstrapServers())
        .doesNotContain("Submitting the job", "Exception");
  }

  @Test
  void aPipelineThatWritesOnlyToKafkaSaysWhatItWrote() throws Exception {
    KAFKA.broker().createTopics(Map.of("run-alerts", 2));
    Path file = sinkPipeline(KAFKA.bootstrapServers(), "run-alerts", 300);

    Result r = CliHarness.run("run", file.toString(), "--duration", "90s");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("The job finished.\n  wrote 300 records to topic 'run-alerts' (node 'alerts')")
        .doesNotContain("preview sink");
  }

  @Test
  void aBrokerThatStopsWhileTheJobRunsFailsTheRunNamingTheNode() throws Exception {
    KafkaBroker broker = KafkaBroker.start(KafkaBrokerExtension.newDataDir("RunKafkaIT"));
    try {
      broker.createTopics(Map.of("orders", 1));
      Path file = sourcePipeline(broker.bootstrapServers(), "orders");
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () -> command(err).execute("run", file.toString(), "--duration", "5m"));
      await(() -> err.toString().contains("is running on"), Duration.ofSeconds(90), err);

      long stopped = System.nanoTime();
      broker.close();
      int code = exit.get(120, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - stopped);

      assertThat(code).as(err.toString()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
      assertThat(err.toString())
          .contains(
              "error: node 'orders', property 'bootstrapServers': Kafka at "
                  + broker.bootstrapServers()
                  + " stopped answering while the job ran")
          .contains("The job was stopped")
          .doesNotContain("Exception");
      // The watchdog's 20 s allowed outage, a few seconds of checks, and stopping the job.
      assertThat(took).isLessThan(Duration.ofSeconds(60));
      assertThat(leftSince(before, Duration.ofSeconds(10))).isEmpty();
    } finally {
      broker.close();
    }
  }

  /** The command line with the embedded runtime, writing its stderr to {@code err}. */
  private static CommandLine command(StringWriter err) {
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    CliContext context =
        new CliContext(
            folders,
            () -> new EmbeddedRuntime(folders.tmp().resolve("runtime-kafka-it")),
            new ExitActions());
    CommandLine cli = Cli.create(context);
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli;
  }

  private static void await(
      java.util.function.BooleanSupplier condition, Duration patience, StringWriter err)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("waited for the job; stderr: %s", err).isTrue();
      Thread.sleep(100);
    }
  }

  /**
   * The run's own Kafka client threads and watchdog still alive (Flink's Kafka source names its
   * clients after the node's group, streamwright-<node>, and closes them on its own schedule).
   */
  private static List<String> leftSince(Set<Thread> before, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      List<String> left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.isAlive() && !before.contains(t))
              .map(Thread::getName)
              .filter(n -> OWN_THREADS.matcher(n).find())
              .sorted()
              .toList();
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return left;
      }
      Thread.sleep(50);
    }
  }
}
