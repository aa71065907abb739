package dev.streamwright.runtime.generate;

import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to a Kafka topic: string key and value, record timestamp = event time. The producer
 * made by {@link #create} uses {@code acks=all}, idempotence and a small linger; {@link #close()}
 * flushes. A failed delivery is reported by the next {@link #send}, {@link #flush} or {@link
 * #close}.
 */
public final class KafkaEventSink implements EventSink {

  private final Producer<String, String> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();

  /** Wraps an existing producer (e.g. kafka-clients' {@code MockProducer} in tests). */
  public KafkaEventSink(Producer<String, String> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** A sink with its own producer to {@code bootstrapServers}. */
  public static KafkaEventSink create(String bootstrapServers, String topic) {
    return new KafkaEventSink(new KafkaProducer<>(producerProperties(bootstrapServers)), topic);
  }

  public static Properties producerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "streamwright-generator");
    return p;
  }

  public String topic() {
    return topic;
  }

  /** Records the broker has acknowledged so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public void send(Event event) {
    rethrow();
    producer.send(
        new ProducerRecord<>(
            topic, null, event.eventTime().toEpochMilli(), event.key(), event.value()),
        (metadata, exception) -> {
          if (exception != null) {
            failure.compareAndSet(null, exception);
          } else {
            acknowledged.incrementAndGet();
          }
        });
  }

  @Override
  public void flush() {
    producer.flush();
    rethrow();
  }

  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    rethrow();
  }

  private void rethrow() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException(
          "sending to Kafka topic " + topic + " failed: " + e.getMessage(), e);
    }
  }
}
