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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Kafka → Flink → Kafka run: deterministic transactions produced to the embedded broker, a
 * pipeline of kafka-source → filter → kafka-sink compiled with the broker from the environment and
 * run on the embedded runtime with a bounded read, and the output topic read back and compared with
 * the transactions the test itself selects.
 */
class KafkaRunIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int TRANSACTIONS = 300;
  private static final String INPUT = "transactions";
  private static final String OUTPUT = "big-transactions";
  private static final LocalDateTime EPOCH = LocalDateTime.parse("2026-01-01T00:00:00");
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  /** Transaction {@code i}: user u(i mod 7), amount (i * 37) mod 250 + 0.5, i seconds in. */
  private static Map<String, Object> transaction(int i) {
    Map<String, Object> t = new TreeMap<>();
    t.put("transaction_id", String.format(Locale.ROOT, "tx-%04d", i));
    t.put("user_id", "u" + (i % 7));
    t.put("amount", (i * 37) % 250 + 0.5);
    t.put("currency", i % 2 == 0 ? "EUR" : "USD");
    t.put("merchant", "m" + (i % 5));
    t.put("transaction_time", TIME.format(EPOCH.plusSeconds(i)));
    return t;
  }

  private static Pipeline pipeline() {
    Node source =
        Node.of(
            "transactions",
            "kafka-source",
            Map.of(
                "topic",
                INPUT,
                "columns",
                List.of(
                    column("transaction_id", "STRING"),
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE"),
                    column("currency", "STRING"),
                    column("merchant", "STRING"),
                    column("transaction_time", "TIMESTAMP(3)")),
                "keyFields",
                List.of("user_id"),
                "eventTime",
                "transaction_time",
                "watermarkDelay",
                "1s",
                "startupMode",
                "earliest-offset",
                // A bounded read: the job finishes by itself once it reached today's end offsets.
                "stopAt",
                "latest-offset"));
    Node filter = Node.of("big", "filter", Map.of("condition", "amount > 100"));
    Node sink = Node.of("out", "kafka-sink", Map.of("topic", OUTPUT));
    return new Pipeline(
        "kafka-run",
        "kafka-run",
        "",
        1,
        List.of(),
        List.of(source, filter, sink),
        List.of(Edge.of("transactions", "big"), Edge.of("big", "out")));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  @Test
  void filteredTransactionsArriveInTheOutputTopic() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(INPUT, 3, OUTPUT, 1));
    Map<String, Map<String, Object>> expected = new TreeMap<>();
    Properties producerProps = KafkaEventSink.producerProperties(broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      for (int i = 1; i <= TRANSACTIONS; i++) {
        Map<String, Object> t = transaction(i);
        String key = JSON.writeValueAsString(Map.of("user_id", t.get("user_id")));
        producer.send(new ProducerRecord<>(INPUT, key, JSON.writeValueAsString(t)));
        if ((double) t.get("amount") > 100) {
          expected.put((String) t.get("transaction_id"), t);
        }
      }
      producer.flush();
    }
    assertThat(expected).isNotEmpty().hasSizeLessThan(TRANSACTIONS);

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

    Map<String, JsonNode> actual = new TreeMap<>();
    List<String> duplicates = new ArrayList<>();
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-run-it");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(OUTPUT));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (actual.size() < expected.size() && System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(500))) {
          JsonNode row = JSON.readTree(r.value());
          if (actual.put(row.get("transaction_id").asText(), row) != null) {
            duplicates.add(r.value());
          }
        }
      }
    }
    assertThat(duplicates).isEmpty();
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Map<String, Object>> e : expected.entrySet()) {
      JsonNode row = actual.get(e.getKey());
      Map<String, Object> t = e.getValue();
      assertThat(row.get("user_id").asText()).isEqualTo(t.get("user_id"));
      assertThat(row.get("amount").asDouble()).isEqualTo((double) t.get("amount"));
      assertThat(row.get("currency").asText()).isEqualTo(t.get("currency"));
      assertThat(row.get("merchant").asText()).isEqualTo(t.get("merchant"));
      // ISO-8601 with a fixed three digits, also for these whole seconds.
      assertThat(row.get("transaction_time").asText())
          .isEqualTo(
              LocalDateTime.parse((String) t.get("transaction_time"), TIME)
                  .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT)));
    }
  }
}
