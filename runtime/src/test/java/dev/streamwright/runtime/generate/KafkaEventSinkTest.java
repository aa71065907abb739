package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventSinkTest {

  private static List<Event> events() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"1s\",\"kind\":\"malformed\",\"count\":3},"
                + "{\"at\":\"0s\",\"kind\":\"late\",\"fraction\":0.2,\"maxDelay\":\"5s\"}]}");
    List<Event> out = new ArrayList<>();
    new FraudTransactions(GeneratorConfig.of(4, 50, Duration.ofSeconds(20), s))
        .events()
        .forEachRemaining(out::add);
    return out;
  }

  @Test
  void sendsKeyValueAndEventTimeAsTimestamp() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    List<Event> events = events();
    try (KafkaEventSink sink = new KafkaEventSink(producer, "transactions")) {
      events.forEach(sink::send);
      assertThat(sink.acknowledged()).isEqualTo(events.size());
    }
    assertThat(producer.flushed()).isTrue();
    assertThat(producer.closed()).isTrue();
    List<ProducerRecord<String, String>> history = producer.history();
    assertThat(history).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      ProducerRecord<String, String> r = history.get(i);
      Event e = events.get(i);
      assertThat(r.topic()).isEqualTo("transactions");
      assertThat(r.key()).isEqualTo(e.key());
      assertThat(r.value()).isEqualTo(e.value());
      assertThat(r.timestamp()).isEqualTo(e.eventTime().toEpochMilli());
    }
    assertThat(history).anyMatch(r -> r.key() == null);
  }

  @Test
  void reportsAFailedDelivery() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    KafkaEventSink sink = new KafkaEventSink(producer, "transactions");
    Event e = events().get(0);
    sink.send(e);
    producer.errorNext(new RuntimeException("broker gone"));
    assertThatThrownBy(sink::flush)
        .hasMessageContaining("transactions")
        .hasMessageContaining("broker gone");
    assertThatThrownBy(() -> sink.send(e)).hasMessageContaining("broker gone");
  }

  @Test
  void producerPropertiesAreDurable() {
    Properties p = KafkaEventSink.producerProperties("127.0.0.1:9092");
    assertThat(p.getProperty(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(Integer.parseInt(p.getProperty(ProducerConfig.LINGER_MS_CONFIG))).isBetween(0, 20);
    assertThat(p.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9092");
  }
}
