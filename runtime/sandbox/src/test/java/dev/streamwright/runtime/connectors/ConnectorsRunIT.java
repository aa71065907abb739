package dev.streamwright.runtime.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real jobs on the embedded Flink and a real broker: what the sinks wrote is counted, and a job
 * that fails on a Kafka topic says which node and topic.
 */
class ConnectorsRunIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int ROWS = 400;

  private static DeploymentStatus runToEnd(CompiledPipeline compiled) throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d = runtime.deploy(compiled, DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    if (!status.phase().isTerminal()) {
      runtime.stop(d, false);
    }
    return status;
  }

  @Test
  void kafkaSinksReportTheRecordsTheyWroteAtLeastOnceAndExactlyOnce() throws Exception {
    KAFKA.broker().createTopics(Map.of("tally-alo", 2, "tally-eo", 2));
    String kafka = KAFKA.bootstrapServers();
    for (String delivery : List.of("at-least-once", "exactly-once")) {
      String topic = delivery.equals("exactly-once") ? "tally-eo" : "tally-alo";
      CompiledPipeline compiled =
          TestPipelines.compile(
              TestPipelines.datagenTo(
                  TestPipelines.datagen("gen", ROWS),
                  TestPipelines.sink("alerts", kafka, topic, delivery)));
      ConnectorTables tables = ConnectorTables.of(compiled);
      // The shared cluster starts and ends threads of its own: only the tally's are counted.
      Set<Thread> before = Threads.now();
      SinkTally tally = SinkTally.start(tables);
      assertThat(Threads.leftSince(before, Duration.ofSeconds(5), "streamwright-")).isEmpty();

      DeploymentStatus status = runToEnd(compiled);
      assertThat(status.phase()).as(status.message()).isEqualTo(Phase.FINISHED);

      before = Threads.now();
      assertThat(tally.finish())
          .as(delivery)
          .extracting(SinkTally.Written::toString)
          .containsExactly("wrote " + ROWS + " records to topic '" + topic + "' (node 'alerts')");
      assertThat(Threads.leftSince(before, Duration.ofSeconds(5), "streamwright-")).isEmpty();
    }
  }

  @Test
  void aFileSinkReportsTheRowsOfItsCommittedFiles() throws Exception {
    Path folder = FLINK.workDir().resolve("tally-files");
    Node files = Node.of("archive", "file-sink", Map.of("path", folder.toUri().toString()));
    CompiledPipeline compiled =
        TestPipelines.compile(TestPipelines.datagenTo(TestPipelines.datagen("gen", ROWS), files));
    SinkTally tally = SinkTally.start(ConnectorTables.of(compiled));

    DeploymentStatus status = runToEnd(compiled);
    assertThat(status.phase()).as(status.message()).isEqualTo(Phase.FINISHED);

    assertThat(tally.finish())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.nodeId()).isEqualTo("archive");
              assertThat(w.what())
                  .matches("wrote " + ROWS + " rows in \\d+ files? under .*tally-files");
            });
  }

  @Test
  void aJobThatFailsOnAMissingTopicNamesTheNodeAndTheTopic() throws Exception {
    String kafka = KAFKA.bootstrapServers();
    CompiledPipeline compiled =
        TestPipelines.compile(
            TestPipelines.sourceToPreview(
                TestPipelines.source("orders", kafka, "no-such-topic", Map.of())));

    DeploymentStatus status = runToEnd(compiled);

    assertThat(status.phase()).isEqualTo(Phase.FAILED);
    assertThat(status.message())
        .isEqualTo(
            "node 'orders', property 'topic': topic 'no-such-topic' does not exist on "
                + kafka
                + "; create it or correct the name");
  }
}
