package dev.streamwright.runtime.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Watching a running job's brokers: quiet while they answer, a failure once they are gone. */
class KafkaWatchdogIT {

  @Test
  void aBrokerThatGoesAwayFailsTheWatchOnEveryNodeThatUsesIt() throws Exception {
    KafkaBroker broker = KafkaBroker.start(KafkaBrokerExtension.newDataDir("KafkaWatchdogIT"));
    Set<Thread> before;
    try {
      broker.createTopics(Map.of("wd-in", 1, "wd-out", 1));
      String kafka = broker.bootstrapServers();
      ConnectorTables tables =
          ConnectorTables.of(
              TestPipelines.compile(
                  TestPipelines.sourceTo(
                      TestPipelines.source("orders", kafka, "wd-in", Map.of()),
                      TestPipelines.sink("alerts", kafka, "wd-out", "at-least-once"))));
      before = Threads.now();
      CompletableFuture<List<Problem>> reported = new CompletableFuture<>();
      Duration every = Duration.ofMillis(300);
      Duration outage = Duration.ofSeconds(3);
      try (KafkaWatchdog watchdog =
          KafkaWatchdog.start(tables, every, outage, reported::complete)) {
        // Twice the allowed outage of answered checks: nothing to report.
        assertThatThrownBy(() -> reported.get(outage.toMillis() * 2, TimeUnit.MILLISECONDS))
            .isInstanceOf(TimeoutException.class);
        assertThat(watchdog.failure()).isEmpty();

        long stopped = System.nanoTime();
        broker.close();
        List<Problem> problems = reported.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - stopped);

        assertThat(took).isGreaterThanOrEqualTo(outage.minus(every));
        assertThat(problems)
            .extracting(Problem::nodeId, Problem::property)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders", "bootstrapServers"),
                org.assertj.core.groups.Tuple.tuple("alerts", "bootstrapServers"));
        assertThat(problems.get(0).message())
            .startsWith(
                "Kafka at " + kafka + " stopped answering while the job ran (no answer for");
        assertThat(watchdog.failure()).contains(problems);
      }
    } finally {
      broker.close();
    }
    assertThat(Threads.leftSince(before, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void aPipelineWithoutKafkaStartsNoThread() throws Exception {
    Set<Thread> before = Threads.now();
    try (KafkaWatchdog watchdog = KafkaWatchdog.start(ConnectorTables.NONE, problems -> {})) {
      assertThat(Threads.leftSince(before, Duration.ZERO)).isEmpty();
      assertThat(watchdog.failure()).isEmpty();
    }
  }
}
