package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running aggregate kept current in Kafka: deterministic purchases produced to the embedded
 * broker, a pipeline of kafka-source → sql (GROUP BY user_id with a HAVING that drops heavy buyers)
 * → upsert-kafka-sink run on the embedded runtime with a bounded read, and the output topic read
 * back record by record. The last record of each key must be the row the test computes itself, or a
 * tombstone for a group the HAVING dropped.
 */
class UpsertKafkaSinkIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int PURCHASES = 300;

  /** Groups with more purchases than this are dropped by the HAVING, so their key is deleted. */
  private static final int CAP = 50;

  private static final String INPUT = "purchases";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A user's purchases, spend and latest purchase time. */
  private record Totals(long purchases, double total, LocalDateTime last) {}

  /** Purchase times as a producer might write them: as few fractional digits as needed. */
  private static final DateTimeFormatter SQL_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 3, true)
          .toFormatter(Locale.ROOT);

  /** How the sink must write them: ISO-8601 with three digits, also on whole seconds. */
  private static final DateTimeFormatter ISO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

  private static final LocalDateTime EPOCH = LocalDateTime.parse("2026-01-01T00:00:00");

  /** Every user's totals over all purchases, as the test computes them. */
  private static final Map<String, Totals> EXPECTED = new TreeMap<>();

  /**
   * Purchase {@code i}: users u0..u5 buy 30 times each (kept), h6 and h7 60 times each (dropped
   * once past {@link #CAP}); amounts are halves, so every sum is exact in a DOUBLE whatever the
   * order Flink adds them in.
   */
  private static String user(int i) {
    int d = i % 10;
    return d < 6 ? "u" + d : d < 8 ? "h6" : "h7";
  }

  private static double amount(int i) {
    return (i * 37) % 250 + 0.5;
  }

  /** Purchase {@code i} happens i quarter seconds in, so every fourth is on a whole second. */
  private static LocalDateTime time(int i) {
    return EPOCH.plusNanos(i * 250_000_000L);
  }

  @BeforeAll
  static void producePurchases() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(INPUT, 3));
    Properties producerProps = KafkaEventSink.producerProperties(broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      for (int i = 1; i <= PURCHASES; i++) {
        Map<String, Object> p = new TreeMap<>();
        p.put("purchase_id", String.format(Locale.ROOT, "p-%04d", i));
        p.put("user_id", user(i));
        p.put("amount", amount(i));
        p.put("purchase_time", SQL_TIME.format(time(i)));
        producer.send(new ProducerRecord<>(INPUT, user(i), JSON.writeValueAsString(p)));
        EXPECTED.merge(
            user(i),
            new Totals(1, amount(i), time(i)),
            (a, b) ->
                new Totals(
                    a.purchases() + b.purchases(),
                    a.total() + b.total(),
                    a.last().isAfter(b.last()) ? a.last() : b.last()));
      }
      producer.flush();
    }
    assertThat(EXPECTED.values()).anyMatch(t -> t.purchases() > CAP);
    assertThat(EXPECTED.values()).anyMatch(t -> t.purchases() <= CAP);
  }

  @Test
  void everyChangeIsWrittenAndEachKeyEndsOnItsCurrentRowOrATombstone() throws Exception {
    Map<String, List<JsonNode>> byKey = run("purchases-per-user", Map.of());

    assertLastRecordsMatch(byKey);
    for (Map.Entry<String, Totals> e : EXPECTED.entrySet()) {
      // Every state a key went through was written, in order: 1, 2, ... purchases. (Between them
      // Flink writes tombstones: the HAVING makes it retract each old row before the new one.)
      List<Long> states = new ArrayList<>();
      for (JsonNode value : byKey.get(e.getKey())) {
        if (value != null) {
          states.add(value.get("purchases").asLong());
          assertThat(value.get("last_purchase").asText())
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        }
      }
      List<Long> all = new ArrayList<>();
      for (long n = 1; n <= Math.min(CAP, e.getValue().purchases()); n++) {
        all.add(n);
      }
      assertThat(states).as("states written for " + e.getKey()).isEqualTo(all);
    }
  }

  @Test
  void bufferingWritesEachKeysLatestRowWithoutPassingTombstones() throws Exception {
    // Longer than the bounded job runs, so the buffer is written when the input ends.
    Map<String, List<JsonNode>> byKey =
        run("purchases-per-user-buffered", Map.of("bufferFlush", "30s"));

    assertLastRecordsMatch(byKey);
    for (Map.Entry<String, Totals> e : EXPECTED.entrySet()) {
      if (e.getValue().purchases() <= CAP) {
        assertThat(byKey.get(e.getKey())).as("records of " + e.getKey()).doesNotContainNull();
      }
    }
    int records = byKey.values().stream().mapToInt(List::size).sum();
    assertThat(records).as("records written").isLessThan(PURCHASES);
  }

  @Test
  void exactlyOnceCommitsEveryKeysFinalRowWhenTheInputEnds() throws Exception {
    // Transactions commit on checkpoints; a bounded job takes a last one as its input ends.
    Map<String, List<JsonNode>> byKey =
        run(
            "purchases-per-user-exactly-once",
            Map.of("deliveryGuarantee", "exactly-once", "bufferFlush", "30s"));

    assertLastRecordsMatch(byKey);
  }

  /** Each key's last record is its row as the test computes it, or a tombstone when dropped. */
  private static void assertLastRecordsMatch(Map<String, List<JsonNode>> byKey) {
    assertThat(byKey.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    for (Map.Entry<String, Totals> e : EXPECTED.entrySet()) {
      String user = e.getKey();
      List<JsonNode> records = byKey.get(user);
      JsonNode last = records.get(records.size() - 1);
      if (e.getValue().purchases() > CAP) {
        assertThat(last).as("last record of dropped group " + user).isNull();
      } else {
        assertThat(last).as("last record of " + user).isNotNull();
        assertThat(last.get("user_id").asText()).isEqualTo(user);
        assertThat(last.get("purchases").asLong()).isEqualTo(e.getValue().purchases());
        assertThat(last.get("total").asDouble()).isEqualTo(e.getValue().total());
        assertThat(last.get("last_purchase").asText())
            .isEqualTo(ISO_TIME.format(e.getValue().last()));
      }
    }
  }

  /** Runs the pipeline into a new output topic and reads that topic back. */
  private static Map<String, List<JsonNode>> run(String output, Map<String, Object> sinkProperties)
      throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(output, 2));
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                pipeline(output, sinkProperties),
                Map.of("kafka.bootstrap.servers", broker.bootstrapServers()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    if (!status.phase().isTerminal()) {
      runtime.stop(d, false);
    }
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
    return readAll(broker, output);
  }

  private static Pipeline pipeline(String output, Map<String, Object> sinkProperties) {
    Node source =
        Node.of(
            "purchases",
            "kafka-source",
            Map.of(
                "topic",
                INPUT,
                "columns",
                List.of(
                    column("purchase_id", "STRING"),
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE"),
                    column("purchase_time", "TIMESTAMP(3)")),
                "startupMode",
                "earliest-offset",
                // A bounded read: the job finishes by itself once it reached today's end offsets.
                "stopAt",
                "latest-offset"));
    Node totals =
        Node.of(
            "totals",
            "sql",
            Map.of(
                "query",
                "SELECT user_id, COUNT(*) AS purchases, SUM(amount) AS total,"
                    + " MAX(purchase_time) AS last_purchase\n"
                    + "FROM {{in}}\n"
                    + "GROUP BY user_id\n"
                    + "HAVING COUNT(*) <= "
                    + CAP,
                "columns",
                List.of(
                    column("user_id", "STRING"),
                    column("purchases", "BIGINT"),
                    column("total", "DOUBLE"),
                    column("last_purchase", "TIMESTAMP(3)")),
                "updating",
                true));
    Map<String, Object> sinkProps = new TreeMap<>(sinkProperties);
    sinkProps.put("topic", output);
    sinkProps.put("keyFields", List.of("user_id"));
    Node sink = Node.of("per_user", "upsert-kafka-sink", sinkProps);
    return new Pipeline(
        "upsert-run",
        "upsert-run",
        "",
        1,
        List.of(),
        List.of(source, totals, sink),
        List.of(Edge.of("purchases", "totals"), Edge.of("totals", "per_user")));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  /**
   * Every record of the output topic up to its end offsets, per key in offset order; a tombstone is
   * a null value. Keys are the JSON key's user_id.
   */
  private static Map<String, List<JsonNode>> readAll(KafkaBroker broker, String topic)
      throws Exception {
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Without effect on records written outside transactions; hides aborted exactly-once writes.
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, List<JsonNode>> byKey = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          String user = JSON.readTree(r.key()).get("user_id").asText();
          JsonNode value = r.value() == null ? null : JSON.readTree(r.value());
          byKey.computeIfAbsent(user, k -> new ArrayList<>()).add(value);
        }
      }
      assertThat(reached(consumer, end)).as("read the output topic to its end").isTrue();
    }
    return byKey;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
