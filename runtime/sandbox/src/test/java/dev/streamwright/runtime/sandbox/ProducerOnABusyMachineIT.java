package dev.streamwright.runtime.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.generate.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race that made the generator's producer give up on a busy machine (KAFKA-15591): an
 * idempotent producer that writes to a topic the moment it is created, with its first request
 * refused because the partition's log does not exist yet and the next one accepted, loses the first
 * batch and retries it for its whole delivery timeout. Every core is kept busy, and each round
 * writes the fraud generator's events to a brand-new topic from a producer that is already
 * connected, which is when the race is most likely (about every other round with Kafka's default
 * five requests in flight). Either guard alone must make every round land every record, in order:
 * the producers' one request in flight, and topic creation that waits for the partitions' leaders.
 */
class ProducerOnABusyMachineIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @RegisterExtension final BusyCores busy = new BusyCores(Duration.ofMinutes(3));

  private static final int ROUNDS = 6;
  private static final int PARTITIONS = 3;
  private static final String WARM_UP = "warm-up";

  /** Fails a lost batch in 15 s instead of Kafka's two minutes; never met by a healthy round. */
  private static final String DELIVERY_TIMEOUT_MS = "15000";

  private static List<Event> events;
  private static int topics;

  @BeforeAll
  static void generate() {
    KAFKA.broker().createTopics(Map.of(WARM_UP, 1));
    events = new ArrayList<>();
    new FraudTransactions(
            GeneratorConfig.of(7, 20, Duration.ofMinutes(1), Scenario.parse("{\"steps\":[]}")))
        .events()
        .forEachRemaining(events::add);
  }

  @AfterAll
  static void forget() {
    events = null;
  }

  @Test
  void theGeneratorsProducerLandsEveryRecordOnATopicThatIsNotReadyYet() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    Properties props = KafkaEventSink.producerProperties(broker.bootstrapServers());
    assertThat(props.getProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
        .isEqualTo("1");
    try (Admin admin = broker.admin();
        KafkaProducer<String, String> producer = warmProducer(props)) {
      for (int round = 0; round < ROUNDS; round++) {
        String topic = newTopicName();
        // Plain CreateTopics, without waiting for the partitions: only the producer guards.
        admin
            .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
        assertEveryRecordLands(broker, producer, topic);
      }
    }
  }

  @Test
  void aTopicTheBrokerCreatedTakesRecordsFromAnyIdempotentProducer() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    Properties props = KafkaEventSink.producerProperties(broker.bootstrapServers());
    // Kafka's defaults: idempotent, five requests in flight; only topic creation guards.
    props.remove(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
    try (KafkaProducer<String, String> producer = warmProducer(props)) {
      for (int round = 0; round < ROUNDS; round++) {
        String topic = newTopicName();
        broker.createTopics(Map.of(topic, PARTITIONS));
        assertEveryRecordLands(broker, producer, topic);
      }
    }
  }

  /** A producer that has its id and its connection before the first topic exists. */
  private static KafkaProducer<String, String> warmProducer(Properties props) throws Exception {
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    KafkaProducer<String, String> producer = new KafkaProducer<>(props);
    producer.send(new ProducerRecord<>(WARM_UP, "warm-up")).get(60, TimeUnit.SECONDS);
    return producer;
  }

  private static synchronized String newTopicName() {
    return "busy-" + ++topics;
  }

  private static void assertEveryRecordLands(
      KafkaBroker broker, KafkaProducer<String, String> producer, String topic) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (Event e : events) {
      sent.add(
          producer.send(
              new ProducerRecord<>(topic, null, e.eventTime().toEpochMilli(), e.key(), e.value())));
    }
    Map<Integer, List<String>> expected = new TreeMap<>();
    for (int i = 0; i < sent.size(); i++) {
      RecordMetadata m;
      try {
        m = sent.get(i).get(60, TimeUnit.SECONDS);
      } catch (ExecutionException ex) {
        throw new AssertionError(
            topic + ": record " + i + " was not delivered: " + ex.getCause().getMessage(), ex);
      }
      expected.computeIfAbsent(m.partition(), p -> new ArrayList<>()).add(events.get(i).value());
    }
    assertThat(readBack(broker.bootstrapServers(), topic))
        .as("%s: every partition holds its records once each, in the order sent", topic)
        .isEqualTo(expected);
  }

  private static Map<Integer, List<String>> readBack(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<Integer, List<String>> out = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        parts.add(new TopicPartition(topic, p));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          out.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.value());
        }
      }
    }
    return out;
  }
}
