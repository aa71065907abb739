package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once delivery survives a crash: a kafka-source → filter → kafka-sink pipeline with {@code
 * deliveryGuarantee: exactly-once}, compiled with the embedded broker in the environment, runs on a
 * real Flink MiniCluster with 500 ms checkpoints while the test keeps producing orders. Once output
 * has been committed, the cluster's only task manager is terminated and a new one started, so the
 * job restarts from its last checkpoint and re-reads input its aborted transactions had already
 * written. A {@code read_committed} reader must still see every selected order exactly once.
 *
 * <p>The cluster is built here, with the embedded runtime's own configuration ({@link
 * LoopbackConfig}, {@link WorkDirs}, {@link MiniClusterSubmission}), because killing a task manager
 * needs the {@link MiniCluster} itself, which the runtime rightly keeps to itself.
 */
class ExactlyOnceRestartIT {

  private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceRestartIT.class);

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  /** A bound on the input, should the job never get going; a normal run produces ~1,000-3,000. */
  private static final int MAX_ORDERS = 50_000;

  /**
   * How long input keeps coming after the crash: past the restart, so the restarted job reads input
   * produced before, during and after it.
   */
  private static final Duration PRODUCE_AFTER_CRASH = Duration.ofSeconds(3);

  /** Orders per producer batch and the pause between batches: ~250 orders a second. */
  private static final int BATCH = 25;

  private static final long BATCH_PAUSE_MS = 100;

  /**
   * Committed orders to wait for before the crash: several checkpoints in, so the job restores
   * offsets and transactions from a checkpoint rather than starting over.
   */
  private static final int COMMITTED_BEFORE_CRASH = 100;

  private static final String INPUT = "orders";
  private static final String OUTPUT = "big-orders";
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** How long the reader keeps polling after the last expected order, to catch late duplicates. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Order {@code i}: user u(i mod 7), amount (i * 37) mod 250 + 0.5. */
  private static Map<String, Object> order(int i) {
    Map<String, Object> o = new TreeMap<>();
    o.put("order_id", String.format(Locale.ROOT, "o-%05d", i));
    o.put("user_id", "u" + (i % 7));
    o.put("amount", (i * 37) % 250 + 0.5);
    return o;
  }

  private static boolean selected(Map<String, Object> order) {
    return (double) order.get("amount") > 100;
  }

  private static Pipeline pipeline() {
    Node source =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                INPUT,
                "columns",
                List.of(
                    column("order_id", "STRING"),
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE")),
                "startupMode",
                "earliest-offset"));
    Node filter = Node.of("big", "filter", Map.of("condition", "amount > 100"));
    Node sink =
        Node.of("out", "kafka-sink", Map.of("topic", OUTPUT, "deliveryGuarantee", "exactly-once"));
    return new Pipeline(
        "exactly-once-restart",
        "exactly-once-restart",
        "",
        1,
        List.of(),
        List.of(source, filter, sink),
        List.of(Edge.of("orders", "big"), Edge.of("big", "out")));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aTaskManagerCrashNeitherLosesNorDuplicatesCommittedOutput() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(INPUT, 3, OUTPUT, 1));
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(pipeline(), Map.of("kafka.bootstrap.servers", broker.bootstrapServers()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    CompiledPipeline compiled = c.result().orElseThrow();

    Path workDir = EmbeddedRuntimeExtension.newWorkDir(ExactlyOnceRestartIT.class.getSimpleName());
    WorkDirs dirs = WorkDirs.under(workDir);
    dirs.create();
    MiniCluster cluster = startCluster(dirs);
    AtomicInteger produced = new AtomicInteger();
    AtomicLong stopProducingAt = new AtomicLong(Long.MAX_VALUE);
    CompletableFuture<Void> producing = CompletableFuture.completedFuture(null);
    try (KafkaConsumer<String, String> committed = reader(broker, "read_committed")) {
      JobID job = submit(cluster, dirs, compiled);
      producing = CompletableFuture.runAsync(() -> produce(broker, produced, stopProducingAt));

      Map<String, JsonNode> seen = new TreeMap<>();
      List<String> duplicates = new ArrayList<>();
      pollUntil(committed, seen, duplicates, () -> seen.size() >= COMMITTED_BEFORE_CRASH, WAIT);
      assertThat(seen)
          .as("committed output before the crash")
          .hasSizeGreaterThanOrEqualTo(COMMITTED_BEFORE_CRASH);
      int producedAtCrash = produced.get();

      LOG.info("Crashing the task manager after {} committed orders", seen.size());
      cluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
      cluster.startTaskManager();
      stopProducingAt.set(System.nanoTime() + PRODUCE_AFTER_CRASH.toNanos());

      producing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(produced.get())
          .as("orders produced after the crash")
          .isGreaterThan(producedAtCrash);
      Map<String, Map<String, Object>> expected = new TreeMap<>();
      for (int i = 1; i <= produced.get(); i++) {
        if (selected(order(i))) {
          expected.put((String) order(i).get("order_id"), order(i));
        }
      }
      pollUntil(committed, seen, duplicates, () -> seen.size() >= expected.size(), WAIT);
      // Anything the restarted job wrote twice would be committed within a few checkpoints.
      long settled = System.nanoTime() + SETTLE.toNanos();
      pollUntil(
          committed, seen, duplicates, () -> System.nanoTime() > settled, SETTLE.plusSeconds(5));

      assertThat(attemptOfEveryTask(cluster, job))
          .as("the job's tasks ran again after the crash")
          .allMatch(attempt -> attempt >= 1);
      assertThat(cluster.getJobStatus(job).get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
      assertThat(duplicates).as("orders committed twice").isEmpty();
      assertThat(seen.keySet()).containsExactlyElementsOf(expected.keySet());
      for (Map.Entry<String, Map<String, Object>> e : expected.entrySet()) {
        JsonNode row = seen.get(e.getKey());
        assertThat(row.get("user_id").asText()).isEqualTo(e.getValue().get("user_id"));
        assertThat(row.get("amount").asDouble()).isEqualTo((double) e.getValue().get("amount"));
      }
      long written = countAll(broker);
      LOG.info(
          "{} orders committed once each; {} records in the topic including aborted writes",
          seen.size(),
          written);
      cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
    } finally {
      stopProducingAt.set(0);
      producing.handle((ok, e) -> null).get(30, TimeUnit.SECONDS);
      cluster.closeAsync().get(30, TimeUnit.SECONDS);
      dirs.delete();
      deleteTree(workDir);
    }
  }

  /** A one-task-manager cluster configured as the embedded runtime configures its own. */
  private static MiniCluster startCluster(WorkDirs dirs) throws Exception {
    Configuration conf = LoopbackConfig.cluster(dirs, EmbeddedRuntimeExtension.TEST_SLOTS);
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(EmbeddedRuntimeExtension.TEST_SLOTS)
                .build());
    cluster.start();
    return cluster;
  }

  /** Submits the pipeline's inserts as the embedded runtime does, with 500 ms checkpoints. */
  private static JobID submit(MiniCluster cluster, WorkDirs dirs, CompiledPipeline pipeline)
      throws Exception {
    DeployOptions options =
        new DeployOptions("exactly-once-restart", 1, CHECKPOINT_INTERVAL, Map.of());
    Configuration conf = LoopbackConfig.job(dirs, options, options.jobName());
    StreamExecutionEnvironment env =
        new StreamExecutionEnvironment(
            new MiniClusterSubmission(cluster), conf, ExactlyOnceRestartIT.class.getClassLoader());
    StreamTableEnvironment tEnv =
        StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    for (SqlStatement s : pipeline.statements()) {
      tEnv.executeSql(s.sql());
    }
    StreamStatementSet inserts = tEnv.createStatementSet();
    pipeline.inserts().forEach(s -> inserts.addInsertSql(s.sql()));
    inserts.attachAsDataStream();
    return env.executeAsync(options.jobName()).getJobID();
  }

  /**
   * Produces orders 1, 2, ... in small timed batches until {@code stopAt}, so input keeps coming
   * while the job runs, crashes and restarts; {@code produced} counts the orders sent.
   */
  private static void produce(KafkaBroker broker, AtomicInteger produced, AtomicLong stopAt) {
    Properties props = KafkaEventSink.producerProperties(broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 1; i <= MAX_ORDERS && System.nanoTime() < stopAt.get(); i++) {
        Map<String, Object> o = order(i);
        producer.send(
            new ProducerRecord<>(INPUT, (String) o.get("user_id"), JSON.writeValueAsString(o)));
        produced.set(i);
        if (i % BATCH == 0) {
          producer.flush();
          Thread.sleep(BATCH_PAUSE_MS);
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KafkaConsumer<String, String> reader(KafkaBroker broker, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    TopicPartition output = new TopicPartition(OUTPUT, 0);
    consumer.assign(List.of(output));
    consumer.seekToBeginning(List.of(output));
    return consumer;
  }

  /** Polls into {@code seen}, noting repeated order ids, until {@code done} or the timeout. */
  private static void pollUntil(
      KafkaConsumer<String, String> consumer,
      Map<String, JsonNode> seen,
      List<String> duplicates,
      BooleanSupplier done,
      Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        JsonNode row = JSON.readTree(r.value());
        if (seen.put(row.get("order_id").asText(), row) != null) {
          duplicates.add(r.value());
        }
      }
    }
  }

  /** Every record of the output topic, committed or not: aborted writes count too. */
  private static long countAll(KafkaBroker broker) {
    try (KafkaConsumer<String, String> all = reader(broker, "read_uncommitted")) {
      TopicPartition output = new TopicPartition(OUTPUT, 0);
      long end = all.endOffsets(List.of(output)).get(output);
      long count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (all.position(output) < end && System.nanoTime() < deadline) {
        count += all.poll(Duration.ofMillis(200)).count();
      }
      return count;
    }
  }

  /** The attempt number of every parallel task of the job: 0 until a task is restarted. */
  private static List<Integer> attemptOfEveryTask(MiniCluster cluster, JobID job) throws Exception {
    AccessExecutionGraph graph = cluster.getExecutionGraph(job).get(30, TimeUnit.SECONDS);
    List<Integer> attempts = new ArrayList<>();
    for (AccessExecutionJobVertex vertex : graph.getVerticesTopologically()) {
      for (AccessExecutionVertex task : vertex.getTaskVertices()) {
        attempts.add(task.getCurrentExecutionAttempt().getAttemptNumber());
      }
    }
    return attempts;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
