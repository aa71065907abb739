package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stop with a savepoint and resume on the real dev cluster, with a running count per key (a
 * non-windowed GROUP BY into upsert-kafka) over the sandbox broker. Proves the two failures users
 * of other tools report: the stop returns the savepoint only once the cluster says the job
 * FINISHED, and the resumed job restored from exactly that savepoint (the cluster's own checkpoint
 * statistics say so) and its counts continue from where they were instead of starting at 1.
 */
@ExtendWith(DevClusterExtension.class)
class SavepointResumeIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> KEYS = List.of("a", "b", "c");

  @Test
  void countsContinueFromTheSavepointTheResumedJobRestoredFrom(DevCluster cluster)
      throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of("clicks", 2, "counts", 1));
    CompiledPipeline compiled =
        Clusters.compile(
            countPerKey(), Map.of("kafka.bootstrap.servers", broker.bootstrapServers()));
    try (GatewayRuntime runtime =
        new GatewayRuntime(Clusters.target(cluster, broker.bootstrapServers()))) {
      Map<String, Long> first = produce(broker, 0, 30); // a:10 b:10 c:10
      Deployment d = runtime.deploy(compiled, DeployOptions.defaults());
      awaitCounts(broker, first, 0);

      // Stop with a savepoint: the path comes back only once the cluster reports FINISHED.
      long stopping = System.nanoTime();
      String savepoint = runtime.stop(d, true).orElseThrow();
      System.out.printf(
          "gateway runtime: stop with savepoint until FINISHED %d ms%n",
          (System.nanoTime() - stopping) / 1_000_000);
      assertThat(runtime.rest().details(d.jobId()).getJobStatus()).isEqualTo(JobStatus.FINISHED);
      assertThat(runtime.status(d).phase()).isEqualTo(Phase.STOPPED);
      assertThat(Path.of(URI.create(savepoint)).resolve("_metadata")).isNotEmptyFile();
      assertThat(Path.of(URI.create(savepoint))).startsWith(cluster.folder().savepoints());
      long mark = endOffset(broker);

      Map<String, Long> second = produce(broker, 30, 15); // a:5 b:5 c:5 more
      Deployment resumed =
          runtime.deploy(compiled, DeployOptions.defaults().restoringFrom(savepoint));

      DeploymentDetails details = runtime.details(resumed);
      assertThat(details.restoredFrom())
          .as("the cluster's record of what the new job restored from")
          .isEqualTo(savepoint);
      Map<String, Long> total = new TreeMap<>(first);
      second.forEach((k, v) -> total.merge(k, v, Long::sum));
      Map<String, List<Long>> after = awaitCounts(broker, total, mark);
      for (String key : KEYS) {
        assertThat(after.get(key).get(0))
            .as("first count of '%s' after the resume continues from %s", key, first.get(key))
            .isEqualTo(first.get(key) + 1);
      }
      // The counts reach the topic before the resumed job's first checkpoint (every 5 s) completes.
      assertThat(awaitCheckpoint(runtime, resumed, Duration.ofSeconds(30)))
          .as("a checkpoint of the resumed job")
          .isNotNull();
      runtime.stop(resumed, false);
    }
  }

  private static Pipeline countPerKey() {
    Node source =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of(
                "topic",
                "clicks",
                "columns",
                List.of(column("user_id", "STRING"), column("n", "BIGINT")),
                "startupMode",
                "earliest-offset"));
    Node count =
        Node.of(
            "per_user",
            "sql",
            Map.of(
                "query",
                "SELECT user_id, COUNT(*) AS clicks FROM {{in}} GROUP BY user_id",
                "columns",
                List.of(column("user_id", "STRING"), column("clicks", "BIGINT")),
                "updating",
                true));
    Node sink =
        Node.of(
            "counts",
            "upsert-kafka-sink",
            Map.of("topic", "counts", "keyFields", List.of("user_id")));
    return new Pipeline(
        "click-counts",
        "click-counts",
        "",
        1,
        List.of(),
        List.of(source, count, sink),
        List.of(Edge.of("clicks", "per_user"), Edge.of("per_user", "counts")));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  /** Clicks {@code from} .. {@code from + n - 1}, round robin over the keys; the counts added. */
  private static Map<String, Long> produce(KafkaBroker broker, int from, int n) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaEventSink.producerProperties(broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = from; i < from + n; i++) {
        String key = KEYS.get(i % KEYS.size());
        producer.send(
            new ProducerRecord<>(
                "clicks", key, JSON.writeValueAsString(Map.of("user_id", key, "n", i))));
        counts.merge(key, 1L, Long::sum);
      }
      producer.flush();
    }
    return counts;
  }

  /** Reads the count topic from {@code from} until each key's last count is as expected. */
  /** The resumed job's first completed checkpoint, or null when none completes in time. */
  private static CheckpointInfo awaitCheckpoint(
      GatewayRuntime runtime, Deployment deployment, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    CheckpointInfo last = runtime.details(deployment).lastCheckpoint();
    while (last == null && System.nanoTime() < deadline) {
      Thread.sleep(250);
      last = runtime.details(deployment).lastCheckpoint();
    }
    return last;
  }

  private static Map<String, List<Long>> awaitCounts(
      KafkaBroker broker, Map<String, Long> expected, long from) throws Exception {
    Map<String, List<Long>> seen = new HashMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    try (KafkaConsumer<String, String> consumer = consumer(broker)) {
      TopicPartition p = new TopicPartition("counts", 0);
      consumer.assign(List.of(p));
      consumer.seek(p, from);
      while (!lastCountsAre(seen, expected)) {
        assertThat(System.nanoTime() - deadline)
            .as("counts %s within %s, saw %s", expected, WAIT, seen)
            .isNegative();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null) {
            JsonNode v = JSON.readTree(r.value());
            seen.computeIfAbsent(v.get("user_id").asText(), k -> new ArrayList<>())
                .add(v.get("clicks").asLong());
          }
        }
      }
    }
    return seen;
  }

  private static boolean lastCountsAre(Map<String, List<Long>> seen, Map<String, Long> expected) {
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      List<Long> counts = seen.get(e.getKey());
      if (counts == null || !counts.get(counts.size() - 1).equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static long endOffset(KafkaBroker broker) {
    try (KafkaConsumer<String, String> consumer = consumer(broker)) {
      TopicPartition p = new TopicPartition("counts", 0);
      return consumer.endOffsets(List.of(p)).get(p);
    }
  }

  private static KafkaConsumer<String, String> consumer(KafkaBroker broker) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
