package dev.streamwright.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.KafkaEventSink;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generator whose broker stops taking records ends within a bounded time with a sentence that
 * says so, instead of waiting out the producer's two-minute delivery timeout in silence.
 */
class GeneratorStallIT {

  private static final Duration STALL = Duration.ofSeconds(3);

  @Test
  void aGeneratorWhoseBrokerGoesAwayFailsInWordsWithinTheStallTimeout() throws Exception {
    KafkaBroker broker =
        KafkaBroker.start(KafkaBrokerExtension.newDataDir(GeneratorStallIT.class.getSimpleName()));
    String address;
    GeneratorRun run;
    KafkaEventSink sink;
    try {
      address = broker.bootstrapServers();
      broker.createTopics(Map.of(FraudTransactions.TOPIC, 3));
      sink = KafkaEventSink.create(address, FraudTransactions.TOPIC, STALL);
      // 200 events/s in real time, for longer than the test: it must end by failing.
      run =
          new GeneratorRun(
              new FraudTransactions(
                  GeneratorConfig.of(
                      11, 200, Duration.ofMinutes(10), FraudTransactions.defaultScenario())),
              sink,
              1.0);
      run.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (sink.acknowledged() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sink.acknowledged()).as("records taken while the broker runs").isNotZero();
    } finally {
      broker.close();
    }

    long stopped = System.nanoTime();
    assertThat(run.await(STALL.plus(Duration.ofSeconds(20)))).as("the run ended").isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - stopped);
    assertThat(run.state()).isEqualTo(GeneratorRun.State.FAILED);
    assertThat(run.failure())
        .hasMessageStartingWith("Kafka at " + address)
        .hasMessageContaining("topic transactions")
        .hasMessageNotContaining("Exception");
    assertThat(took).isLessThan(STALL.plus(Duration.ofSeconds(15)));

    long closing = System.nanoTime();
    try {
      sink.close();
    } catch (IllegalStateException expected) {
      // The stall again; the producer is closed at once either way.
    }
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
  }
}
