package dev.streamwright.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.KafkaEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fraud generator's events reach a topic of the embedded broker exactly as generated: same
 * count, same keys and values in order per key, record timestamps equal to event times.
 */
class GeneratorToBrokerIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void everyGeneratedTransactionArrivesWithItsEventTime() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(FraudTransactions.TOPIC, 3));
    GeneratorConfig config =
        GeneratorConfig.of(42, 200, Duration.ofSeconds(10), FraudTransactions.defaultScenario());
    List<Event> expected = new ArrayList<>();
    Iterator<Event> events = new FraudTransactions(config).events();
    events.forEachRemaining(expected::add);

    try (KafkaEventSink sink =
        KafkaEventSink.create(broker.bootstrapServers(), FraudTransactions.TOPIC)) {
      GeneratorRun run =
          new GeneratorRun(new FraudTransactions(config), sink, Double.POSITIVE_INFINITY);
      run.run();
      assertThat(run.counters().produced()).isEqualTo(expected.size());
      assertThat(sink.acknowledged()).isEqualTo(expected.size());
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "generator-to-broker-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(FraudTransactions.TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.size() < expected.size() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    }
    assertThat(received).hasSize(expected.size());
    Map<String, Long> expectedTimes = new java.util.HashMap<>();
    expected.forEach(e -> expectedTimes.put(e.value(), e.eventTime().toEpochMilli()));
    for (ConsumerRecord<String, String> r : received) {
      assertThat(expectedTimes).containsKey(r.value());
      assertThat(r.timestamp()).isEqualTo(expectedTimes.get(r.value()));
    }
  }
}
