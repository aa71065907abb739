package dev.streamwright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The offsets collector against a real broker: a topic of three partitions holding records with
 * timestamps the test chose, a group that committed two of them through a plain consumer, and a
 * group that committed nothing.
 */
class KafkaOffsetsCollectorIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String TOPIC = "payments";
  private static final long BASE = 1_790_000_000_000L;
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final TopicPartition P2 = new TopicPartition(TOPIC, 2);

  @BeforeAll
  static void recordsAndCommits() throws Exception {
    KAFKA.broker().createTopics(Map.of(TOPIC, 3));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> out = new KafkaProducer<>(p)) {
      // Partition n holds 10 - 3n records; record i of partition n is stamped BASE + n * 100 s + i
      // s.
      for (int n = 0; n < 3; n++) {
        for (int i = 0; i < 10 - 3 * n; i++) {
          out.send(new ProducerRecord<>(TOPIC, n, BASE + n * 100_000L + i * 1000L, "k", "v" + i));
        }
      }
      out.flush();
    }
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "fraud-scorer");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      consumer.assign(List.of(P0, P1));
      // Partition 0 lags 6 records behind; partition 1 is caught up; partition 2 has no commit.
      consumer.commitSync(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(7)));
    }
  }

  @Test
  void endOffsetsCommitsAndTheTimestampsAtTheCommits() throws Exception {
    try (KafkaOffsetsCollector collector =
        new KafkaOffsetsCollector(KAFKA.bootstrapServers(), Map.of(), Duration.ofSeconds(10))) {
      OffsetsPoll poll =
          collector.poll(
              List.of(
                  new LagTarget("payments", "fraud-scorer", List.of(TOPIC)),
                  new LagTarget("audit", "never-committed", List.of(TOPIC, "no-such-topic"))));

      assertThat(poll.endOffsets()).isEqualTo(Map.of(P0, 10L, P1, 7L, P2, 4L));
      assertThat(poll.committed().get("fraud-scorer")).isEqualTo(Map.of(P0, 4L, P1, 7L));
      assertThat(poll.committed().get("never-committed")).isEmpty();
      assertThat(poll.committedTimestamps().get("fraud-scorer"))
          .as("the record at offset 4 of partition 0; partition 1 is caught up")
          .isEqualTo(Map.of(P0, BASE + 4000L));
      assertThat(poll.committedTimestamps().get("never-committed")).isEmpty();

      // A second poll answers the same from the remembered timestamps.
      OffsetsPoll again =
          collector.poll(List.of(new LagTarget("payments", "fraud-scorer", List.of(TOPIC))));
      assertThat(again.committedTimestamps())
          .isEqualTo(Map.of("fraud-scorer", Map.of(P0, BASE + 4000L)));
      assertThat(again.at()).isAfterOrEqualTo(poll.at());
    }
  }

  @Test
  void brokersThatDoNotAnswerAreUnreachableInWords() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String nowhere = "127.0.0.1:" + port;
    try (KafkaOffsetsCollector collector =
        new KafkaOffsetsCollector(nowhere, Map.of(), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> collector.poll(List.of(new LagTarget("a", "g", List.of(TOPIC)))))
          .isInstanceOf(Unreachable.class)
          .hasMessageStartingWith("Kafka at " + nowhere)
          .hasMessageContaining("did not answer within 2 s")
          .hasMessageNotContaining("Exception");
    }
  }
}
