package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
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
  void aFailureInsideATryWithResourcesBlockComesOutAsItself() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    assertThatThrownBy(
            () -> {
              try (KafkaEventSink sink = new KafkaEventSink(producer, "transactions")) {
                sink.send(events().get(0));
                producer.errorNext(new RuntimeException("broker gone"));
                sink.flush();
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Kafka did not take the records for topic transactions: broker gone");
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void producerPropertiesAreDurableAndKeepOrder() {
    Properties p = KafkaEventSink.producerProperties("127.0.0.1:9092");
    assertThat(p.getProperty(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(p.getProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
    // More than one request in flight can lose the first batch to a new topic (KAFKA-15591).
    assertThat(p.getProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo("1");
    assertThat(Integer.parseInt(p.getProperty(ProducerConfig.LINGER_MS_CONFIG))).isBetween(0, 20);
    assertThat(p.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9092");
  }

  /** A clock the test moves by hand. */
  private static final class Clock implements LongSupplier {
    long nanos = 1_000_000_000L;

    void advance(Duration d) {
      nanos += d.toNanos();
    }

    @Override
    public long getAsLong() {
      return nanos;
    }
  }

  private static KafkaEventSink sink(MockProducer<String, String> producer, Clock clock) {
    return new KafkaEventSink(
        producer, "transactions", "Kafka at 127.0.0.1:9", Duration.ofSeconds(30), clock);
  }

  @Test
  void recordsWaitingWithoutAnAcknowledgementForTheStallTimeoutStopTheSinkInWords() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    Clock clock = new Clock();
    KafkaEventSink sink = sink(producer, clock);
    List<Event> events = events();
    sink.send(events.get(0));
    sink.send(events.get(1));
    clock.advance(Duration.ofSeconds(29));
    sink.send(events.get(2));
    assertThat(sink.waiting()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> sink.send(events.get(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Kafka at 127.0.0.1:9 acknowledged none of the 3 records waiting for topic"
                + " transactions in 30 s: the broker is down, overloaded or refusing them (its"
                + " errors are in the log). Stopped sending.");
    assertThat(producer.history()).hasSize(3);
    assertThatThrownBy(sink::flush).hasMessageContaining("acknowledged none of the 3 records");
    assertThatThrownBy(sink::close).hasMessageContaining("acknowledged none");
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void eachAcknowledgementRestartsTheStallTimeout() {
    MockProducer<String, String> producer =
        new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    Clock clock = new Clock();
    KafkaEventSink sink = sink(producer, clock);
    List<Event> events = events();
    sink.send(events.get(0));
    sink.send(events.get(1));
    clock.advance(Duration.ofSeconds(20));
    assertThat(producer.completeNext()).isTrue();
    clock.advance(Duration.ofSeconds(29));
    sink.send(events.get(2));
    assertThat(sink.acknowledged()).isEqualTo(1);
    assertThat(sink.waiting()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> sink.send(events.get(3)))
        .hasMessageContaining("acknowledged none of the 2 records");
  }

  @Test
  void aSinkWithNothingWaitingNeverStalls() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    Clock clock = new Clock();
    KafkaEventSink sink = sink(producer, clock);
    List<Event> events = events();
    sink.send(events.get(0));
    clock.advance(Duration.ofMinutes(10));
    sink.send(events.get(1));
    sink.flush();
    sink.close();
    assertThat(sink.acknowledged()).isEqualTo(2);
  }

  @Test
  void aSendTheProducerRefusesIsReportedWithKafkasReason() {
    MockProducer<String, String> producer =
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    producer.sendException =
        new TimeoutException("Topic transactions not present in metadata after 30000 ms.");
    KafkaEventSink sink = sink(producer, new Clock());
    assertThatThrownBy(() -> sink.send(events().get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Kafka at 127.0.0.1:9 did not take the records for topic transactions: Topic"
                + " transactions not present in metadata after 30000 ms.");
    assertThat(sink.waiting()).isZero();
  }
}
