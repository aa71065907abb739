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
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * A Kafka source in dead-letter mode on a real broker and the embedded Flink: records with objects,
 * arrays and wrong scalars in their fields, missing and null fields, broken JSON and a record
 * without a value go through kafka-source → kafka-sink (well-formed rows) and kafka-source's
 * malformed output → kafka-sink (dead letters), read to the topic's end. Every malformed record
 * arrives with its original text and the reason naming the field and what it held; every
 * well-formed one arrives with its values, its times written as fixed-width ISO-8601 text.
 */
class DeadLetterRunIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final String INPUT = "orders";
  private static final String VALID = "orders-valid";
  private static final String DEAD = "orders-dlq";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Kafka record timestamps: one second apart from here, in production order. */
  private static final Instant FIRST_RECORD = Instant.parse("2026-11-23T07:00:00Z");

  private static final String INT_RANGE = "a whole number from -2147483648 to 2147483647";
  private static final String A_TIMESTAMP = "a timestamp like 2026-11-23 07:40:36.190";

  /** Well-formed records by order id, with the order_time the sink must write. */
  private static final Map<String, String> WELL_FORMED = new LinkedHashMap<>();

  /** Malformed records (null for a record without value) with the reason they must carry. */
  private static final Map<String, String> MALFORMED = new LinkedHashMap<>();

  private static final List<String> PRODUCED = new ArrayList<>();
  private static Map<String, JsonNode> valid;
  private static List<JsonNode> dead;

  private static String order(String id, String fields) {
    return "{\"order_id\":" + id + "," + fields + "}";
  }

  private static final String OK =
      "\"user_id\":\"u1\",\"amount\":12.5,\"quantity\":2,\"paid\":true,\"note\":\"gift\","
          + "\"paid_at\":\"2026-11-23T07:41:00Z\",\"order_time\":\"2026-11-23 07:40:36.19\"";

  static {
    WELL_FORMED.put(order("\"o1\"", OK), "2026-11-23T07:40:36.190");
    // Numbers and booleans as strings, the ISO form of a timestamp, a missing string field.
    WELL_FORMED.put(
        order(
            "\"o2\"",
            "\"user_id\":\"u2\",\"amount\":\"7.25\",\"quantity\":\"3\",\"paid\":\"false\","
                + "\"order_time\":\"2026-11-23T10:05:00\""),
        "2026-11-23T10:05:00.000");
    // Nulls, and a whole number written with a zero fraction.
    WELL_FORMED.put(
        order(
            "\"o3\"",
            "\"user_id\":null,\"amount\":null,\"quantity\":5.0,\"paid\":false,\"note\":\"x\","
                + "\"order_time\":\"2026-11-23 10:05:01\""),
        "2026-11-23T10:05:01.000");
    // A number and a boolean in string columns are kept as their text.
    WELL_FORMED.put(
        order(
            "42",
            "\"user_id\":\"u4\",\"amount\":1,\"quantity\":1,\"paid\":true,\"note\":true,"
                + "\"order_time\":\"2026-11-23 10:05:02.5\""),
        "2026-11-23T10:05:02.500");

    MALFORMED.put(
        order("\"x1\"", OK.replace("\"amount\":12.5", "\"amount\":{\"value\":5}")),
        "field 'amount' holds an object, expected a number");
    MALFORMED.put(
        order("\"x2\"", OK.replace("\"amount\":12.5", "\"amount\":[1,2]")),
        "field 'amount' holds an array, expected a number");
    MALFORMED.put(
        order("\"x3\"", OK.replace("\"amount\":12.5", "\"amount\":\"57,31 EUR\"")),
        "field 'amount' holds \"57,31 EUR\", expected a number");
    MALFORMED.put(
        order("\"x4\"", OK.replace("\"amount\":12.5", "\"amount\":true")),
        "field 'amount' holds true, expected a number");
    MALFORMED.put(
        order("\"x5\"", OK.replace("\"quantity\":2", "\"quantity\":99999999999")),
        "field 'quantity' holds 99999999999, expected " + INT_RANGE);
    MALFORMED.put(
        order("\"x6\"", OK.replace("\"quantity\":2", "\"quantity\":2.5")),
        "field 'quantity' holds 2.5, expected " + INT_RANGE);
    MALFORMED.put(
        order("\"x7\"", OK.replace("\"paid\":true", "\"paid\":\"maybe\"")),
        "field 'paid' holds \"maybe\", expected true or false");
    MALFORMED.put(
        order("\"x8\"", OK.replace("\"note\":\"gift\"", "\"note\":{\"text\":\"hi\"}")),
        "field 'note' holds an object, expected a string, number or boolean");
    MALFORMED.put(
        order("\"x9\"", OK.replace("\"user_id\":\"u1\"", "\"user_id\":[\"u1\",\"u2\"]")),
        "field 'user_id' holds an array, expected a string, number or boolean");
    MALFORMED.put(
        order("\"x10\"", OK.replace("2026-11-23 07:40:36.19", "yesterday")),
        "field 'order_time' holds \"yesterday\", expected " + A_TIMESTAMP);
    MALFORMED.put(
        order("\"x11\"", OK.replace("2026-11-23 07:40:36.19", "2026-13-45 25:00:00")),
        "field 'order_time' holds \"2026-13-45 25:00:00\", expected " + A_TIMESTAMP);
    MALFORMED.put(
        order("\"x12\"", OK.replace(",\"order_time\":\"2026-11-23 07:40:36.19\"", "")),
        "field 'order_time' is missing or null; it is the event time, which every record needs");
    MALFORMED.put(
        order("\"x13\"", OK.replace("\"2026-11-23 07:40:36.19\"", "{\"at\":1}")),
        "field 'order_time' holds an object, expected " + A_TIMESTAMP);
    MALFORMED.put(
        order("\"x15\"", OK.replace("2026-11-23T07:41:00Z", "soon")),
        "field 'paid_at' holds \"soon\", expected a timestamp like 2026-11-23 07:40:36.190 or"
            + " 2026-11-23T07:40:36.190Z");
    MALFORMED.put("{\"order_id\":\"x14\",\"user_id\":", "not a JSON object");
    MALFORMED.put("[1,2]", "not a JSON object");
    MALFORMED.put(null, "the record has no value");
  }

  @BeforeAll
  static void runThePipeline() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(INPUT, 1, VALID, 1, DEAD, 1));
    List<String> values = new ArrayList<>(WELL_FORMED.keySet());
    values.addAll(MALFORMED.keySet());
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < values.size(); i++) {
        long timestamp = FIRST_RECORD.plusSeconds(i).toEpochMilli();
        producer.send(new ProducerRecord<>(INPUT, 0, timestamp, null, values.get(i))).get();
        PRODUCED.add(values.get(i));
      }
    }

    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline(), Map.of("kafka.bootstrap.servers", broker.bootstrapServers()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    if (!status.phase().isTerminal()) {
      runtime.stop(d, false);
    }
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);

    valid = new TreeMap<>();
    for (ConsumerRecord<String, String> r : readAll(broker, VALID)) {
      JsonNode row = JSON.readTree(r.value());
      assertThat(valid.put(row.get("order_id").asText(), row)).as("duplicate " + row).isNull();
    }
    dead = new ArrayList<>();
    for (ConsumerRecord<String, String> r : readAll(broker, DEAD)) {
      dead.add(JSON.readTree(r.value()));
    }
  }

  private static Pipeline pipeline() {
    Node source =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                INPUT,
                "onMalformed",
                "dead-letter",
                "stopAt",
                "latest-offset",
                "columns",
                List.of(
                    column("order_id", "STRING"),
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE"),
                    column("quantity", "INT"),
                    column("paid", "BOOLEAN"),
                    column("note", "STRING"),
                    column("paid_at", "TIMESTAMP_LTZ(3)"),
                    column("order_time", "TIMESTAMP(3)")),
                "eventTime",
                "order_time",
                "watermarkDelay",
                "1s"));
    Node validSink = Node.of("valid", "kafka-sink", Map.of("topic", VALID));
    Node deadSink = Node.of("dead", "kafka-sink", Map.of("topic", DEAD));
    return new Pipeline(
        "dead-letter-run",
        "dead-letter-run",
        "",
        1,
        List.of(),
        List.of(source, validSink, deadSink),
        List.of(Edge.of("orders", "valid"), new Edge("orders", "malformed", "dead", "in")));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  @Test
  void everyMalformedRecordArrivesWithItsTextAndWhatItsFieldHeld() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (JsonNode row : dead) {
      JsonNode original = row.get("original_record");
      String text = original.isNull() ? null : original.asText();
      assertThat(actual.containsKey(text)).as("duplicate " + row).isFalse();
      actual.put(text, row.get("dlq_reason").asText());
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(MALFORMED);
  }

  @Test
  void malformedRecordsKeepWhereTheyWereInKafka() {
    for (JsonNode row : dead) {
      JsonNode original = row.get("original_record");
      int offset = PRODUCED.indexOf(original.isNull() ? null : original.asText());
      assertThat(row.get("kafka_partition").asInt()).isZero();
      assertThat(row.get("kafka_offset").asLong()).isEqualTo(offset);
      // TIMESTAMP_LTZ as UTC with a fixed three digits, also on a whole second.
      assertThat(row.get("kafka_timestamp").asText())
          .isEqualTo(FIRST_RECORD.plusSeconds(offset).toString().replace("Z", ".000Z"));
    }
  }

  @Test
  void wellFormedRecordsArriveWithTheirValues() {
    assertThat(valid.keySet()).containsExactlyInAnyOrder("o1", "o2", "o3", "42");
    // A TIMESTAMP_LTZ read as UTC from its trailing Z and written back the same way.
    assertThat(valid.get("o1").get("paid_at").asText()).isEqualTo("2026-11-23T07:41:00.000Z");
    JsonNode o2 = valid.get("o2");
    assertThat(o2.get("paid_at").isNull()).isTrue();
    assertThat(o2.get("amount").asDouble()).isEqualTo(7.25);
    assertThat(o2.get("quantity").asInt()).isEqualTo(3);
    assertThat(o2.get("paid").asBoolean()).isFalse();
    assertThat(o2.get("note").isNull()).isTrue();
    JsonNode o3 = valid.get("o3");
    assertThat(o3.get("user_id").isNull()).isTrue();
    assertThat(o3.get("amount").isNull()).isTrue();
    assertThat(o3.get("quantity").asInt()).isEqualTo(5);
    JsonNode o42 = valid.get("42");
    assertThat(o42.get("note").asText()).isEqualTo("true");
    assertThat(o42.get("amount").asDouble()).isEqualTo(1.0);
  }

  @Test
  void timestampsAreWrittenWithOneWidthIncludingWholeSeconds() {
    Map<String, String> expected = new TreeMap<>();
    WELL_FORMED.forEach(
        (record, time) -> {
          try {
            expected.put(JSON.readTree(record).get("order_id").asText(), time);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    Map<String, String> actual = new TreeMap<>();
    valid.forEach((id, row) -> actual.put(id, row.get("order_time").asText()));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.values())
        .allSatisfy(
            t -> assertThat(t).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
  }

  /** Every record of a topic up to its end offsets. */
  private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
