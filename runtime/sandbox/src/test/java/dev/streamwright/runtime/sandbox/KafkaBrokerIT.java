package dev.streamwright.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamwright.runtime.generate.KafkaEventSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared broker of {@link KafkaBrokerExtension}: topics, produce and consume on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaBrokerIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void producesAndConsumesKeyedRecordsOnThreePartitions() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"), broker.bootstrapServers());
    broker.createTopics(Map.of("events", 3));
    broker.createTopics(Map.of("events", 3)); // idempotent
    try (Admin admin = broker.admin()) {
      assertEquals(
          3,
          admin
              .describeTopics(Set.of("events"))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get("events")
              .partitions()
              .size());
    }

    Properties p = KafkaEventSink.producerProperties(broker.bootstrapServers());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < 100; i++) {
        producer.send(new ProducerRecord<>("events", "user-" + (i % 10), "v" + i));
      }
      producer.flush();
    }

    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "it");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Map<String, String> seen = new HashMap<>();
    Set<Integer> partitions = new java.util.HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(Set.of("events"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (seen.size() < 100 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          seen.put(r.value(), r.key());
          partitions.add(r.partition());
        }
      }
    }
    assertEquals(100, seen.size());
    assertEquals("user-7", seen.get("v17"));
    assertTrue(partitions.size() > 1, "keys spread over partitions: " + partitions);
  }

  @Test
  void bindsLoopbackOnly() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    Properties conf =
        KafkaBroker.properties(broker.dataDir(), broker.port(), broker.controllerPort());
    assertEquals(
        "PLAINTEXT://127.0.0.1:"
            + broker.port()
            + ",CONTROLLER://127.0.0.1:"
            + broker.controllerPort(),
        conf.get("listeners"));
    // The real sockets: both ports are listened on by this JVM on 127.0.0.1 and nowhere else.
    Process ss = new ProcessBuilder("ss", "-ltnH").redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes());
    assertTrue(ss.waitFor(10, TimeUnit.SECONDS));
    for (int port : new int[] {broker.port(), broker.controllerPort()}) {
      String suffix = ":" + port;
      var lines =
          out.lines()
              .map(l -> l.trim().split("\\s+"))
              .filter(f -> f.length > 3 && f[3].endsWith(suffix))
              .map(f -> f[3])
              .toList();
      assertFalse(lines.isEmpty(), "port " + port + " listened on:\n" + out);
      for (String local : lines) {
        // A dual-stack JVM socket shows as the IPv4-mapped loopback address.
        assertTrue(
            local.equals("127.0.0.1" + suffix) || local.equals("[::ffff:127.0.0.1]" + suffix),
            "only loopback, got " + local);
      }
    }
  }

  @Test
  void keepsTheStateOfAProducerWhoseRecordsCarryOldEventTimes() throws Exception {
    // The broker drops an idempotent producer whose newest record timestamp is a day old at its
    // periodic check; sample event times start on 2026-01-01, so it must not check in a sandbox's
    // lifetime, or the generator's producer loses its duplicate protection after ten minutes.
    try (Admin admin = KAFKA.broker().admin()) {
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
      String interval =
          admin
              .describeConfigs(Set.of(broker))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(broker)
              .get("producer.id.expiration.check.interval.ms")
              .value();
      assertTrue(
          Long.parseLong(interval) >= Duration.ofDays(24).toMillis(),
          "producer.id.expiration.check.interval.ms = " + interval);
    }
  }
}
