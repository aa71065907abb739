package dev.streamwright.runtime.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Deterministic events for the upgrade tests and the counts a pipeline must reach on them. Event
 * {@code i} has key {@code k<i mod 4>} and amount {@code i mod 20 + 1}; an event keyed {@code end}
 * marks the end of a batch (on one partition, a count of {@code end} means every event before it
 * was counted).
 */
final class Events {

  static final String END = "end";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  static String key(int i) {
    return "k" + (i % 4);
  }

  static int amount(int i) {
    return i % 20 + 1;
  }

  /** Produces events {@code from} (inclusive) to {@code to} (exclusive), then an end marker. */
  static void produce(KafkaBroker broker, String topic, int from, int to, boolean endMarker)
      throws Exception {
    Properties props = KafkaEventSink.producerProperties(broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = from; i < to; i++) {
        send(producer, topic, key(i), amount(i));
      }
      if (endMarker) {
        send(producer, topic, END, 1000);
      }
      producer.flush();
    }
  }

  private static void send(KafkaProducer<String, String> producer, String topic, String k, int a)
      throws Exception {
    String value = JSON.writeValueAsString(Map.of("k", k, "amount", a));
    producer.send(new ProducerRecord<>(topic, k, value)).get();
  }

  /** The count per key of events {@code from} to {@code to} whose amount passes the test. */
  static Map<String, Long> counts(int from, int to, IntPredicate passes) {
    Map<String, Long> out = new TreeMap<>();
    for (int i = from; i < to; i++) {
      if (passes.test(amount(i))) {
        out.merge(key(i), 1L, Long::sum);
      }
    }
    return out;
  }

  /** Adds two count maps key by key. */
  static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  /** Reads an output topic from its start, keeping the last value per key (null: a tombstone). */
  static final class Output implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, JsonNode> last = new TreeMap<>();
    private final List<JsonNode> values = new ArrayList<>();

    Output(KafkaBroker broker, String topic) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until the test holds for the values read so far or the timeout passes.
     *
     * @return whether it held
     */
    boolean awaitUntil(Predicate<Output> done, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(this)) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          JsonNode value = r.value() == null ? null : JSON.readTree(r.value());
          String k =
              value != null ? value.get("k").asText() : JSON.readTree(r.key()).get("k").asText();
          last.put(k, value);
          values.add(value);
        }
      }
      return true;
    }

    /** The last count {@code n} per key, without the end marker. */
    Map<String, Long> counts() {
      Map<String, Long> out = new TreeMap<>();
      last.forEach(
          (k, v) -> {
            if (!END.equals(k) && v != null) {
              out.put(k, v.get("n").asLong());
            }
          });
      return out;
    }

    boolean has(String key) {
      return last.containsKey(key);
    }

    /** Every value read, in order. */
    List<JsonNode> values() {
      return values;
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
