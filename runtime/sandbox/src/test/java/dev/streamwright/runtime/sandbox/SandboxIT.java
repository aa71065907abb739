package dev.streamwright.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The sandbox's lifecycle on a real embedded broker: topics, generator, counts, cleanup. */
class SandboxIT {

  private static final Sandbox.Topics TOPICS =
      new Sandbox.Topics(Set.of("transactions"), Set.of("alerts", "scored"), Set.of("scored"));

  @Test
  void startsABrokerWithThePipelinesTopicsRunsAGeneratorAndCleansUp() throws Exception {
    Path parent = KafkaBrokerExtension.newDataDir("sandbox-it");
    Path dataDir;
    try (Sandbox sandbox = Sandbox.start(Sandbox.Settings.embedded(parent), TOPICS)) {
      assertThat(sandbox.bootstrapServers()).startsWith("127.0.0.1:");
      dataDir = sandbox.broker().orElseThrow().dataDir();
      assertThat(dataDir.getFileName().toString())
          .startsWith("sandbox-kafka-" + ProcessHandle.current().pid() + "-");
      assertThat(sandbox.recordCounts(TOPICS.all()))
          .isEqualTo(Map.of("alerts", 0L, "scored", 0L, "transactions", 0L));
      try (Admin admin =
          Admin.create(Map.of("bootstrap.servers", (Object) sandbox.bootstrapServers()))) {
        Map<ConfigResource, Config> configs =
            admin
                .describeConfigs(
                    List.of(
                        new ConfigResource(ConfigResource.Type.TOPIC, "scored"),
                        new ConfigResource(ConfigResource.Type.TOPIC, "alerts")))
                .all()
                .get(10, TimeUnit.SECONDS);
        assertThat(configs)
            .extractingFromEntries(
                e -> e.getKey().name() + "=" + e.getValue().get("cleanup.policy").value())
            .containsExactlyInAnyOrder("scored=compact", "alerts=delete");
      }

      GeneratorConfig config =
          GeneratorConfig.of(3, 500, Duration.ofSeconds(2), Scenario.EMPTY)
              .withStartTime(GeneratorConfig.DEFAULT_START);
      GeneratorRun run = sandbox.startGenerator(new FraudTransactions(config), 100);
      assertThat(run.await(Duration.ofSeconds(30))).isTrue();
      assertThat(run.state()).isEqualTo(GeneratorRun.State.FINISHED);
      assertThat(sandbox.recordCounts(Set.of("transactions")).get("transactions")).isEqualTo(1000L);
    }
    assertThat(dataDir).doesNotExist();
    Files.deleteIfExists(parent);
  }

  @Test
  void foldersOfSandboxesThatNoLongerRunAreRemovedButKeptOnesStay() throws Exception {
    Path parent = KafkaBrokerExtension.newDataDir("sandbox-stale");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createDirectories(parent.resolve("sandbox-kafka-" + gone.pid() + "-1"));
    Files.writeString(stale.resolve("meta.properties"), "left by a killed studio");
    Path kept = Files.createDirectories(parent.resolve("sandbox-kafka-" + gone.pid() + "-2"));
    Files.writeString(kept.resolve(Sandbox.KEPT_MARKER), "kept");
    Path mine =
        Files.createDirectories(
            parent.resolve("sandbox-kafka-" + ProcessHandle.current().pid() + "-99"));
    Path other = Files.createDirectories(parent.resolve("something-else"));

    Sandbox.removeStaleFolders(parent);

    assertThat(stale).doesNotExist();
    assertThat(kept).isDirectory();
    assertThat(mine).isDirectory();
    assertThat(other).isDirectory();
    for (Path p : new Path[] {kept.resolve(Sandbox.KEPT_MARKER), kept, mine, other, parent}) {
      Files.delete(p);
    }
  }

  @Test
  void keepingTheDataMarksTheFolderSoNoLaterStartRemovesIt() throws Exception {
    Path parent = KafkaBrokerExtension.newDataDir("sandbox-keep");
    Path dataDir;
    try (Sandbox sandbox =
        Sandbox.start(Sandbox.Settings.embedded(parent).withKeep(true), TOPICS)) {
      dataDir = sandbox.broker().orElseThrow().dataDir();
    }
    assertThat(dataDir.resolve(Sandbox.KEPT_MARKER)).exists();
    Sandbox.removeStaleFolders(parent);
    assertThat(dataDir).isDirectory();
    KafkaBroker.deleteRecursively(parent);
  }

  @Test
  void anUnreachableKafkaFailsWithAMessageAndLeavesNothingRunning() {
    assertThatThrownBy(
            () ->
                Sandbox.start(
                    Sandbox.Settings.embedded(Path.of("unused")).withKafka("127.0.0.1:1"), TOPICS))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("Cannot reach Kafka at 127.0.0.1:1");
  }

  @Test
  void aTopicThatCannotBeCreatedFailsWithItsNameAndStopsTheBroker() throws Exception {
    Path parent = KafkaBrokerExtension.newDataDir("sandbox-bad-topic");
    Sandbox.Topics bad = new Sandbox.Topics(Set.of("card transactions!"), Set.of());
    assertThatThrownBy(() -> Sandbox.start(Sandbox.Settings.embedded(parent), bad))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("Topic card transactions! is missing and cannot be created");
    try (var left = Files.list(parent)) {
      assertThat(left.toList()).as("the broker's data folder is removed").isEmpty();
    }
    Files.delete(parent);
  }
}
