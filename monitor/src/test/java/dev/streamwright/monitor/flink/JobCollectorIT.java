package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink collectors against a real job: the shop pipeline ({@link TestJobs#shop}) runs on the
 * embedded runtime, reading orders a producer keeps writing to the embedded broker, and is polled
 * through its REST API as the monitor polls it.
 */
class JobCollectorIT {

  private static final Logger LOG = LoggerFactory.getLogger(JobCollectorIT.class);

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private static final AtomicBoolean producing = new AtomicBoolean(true);
  private static CompletableFuture<Void> producer;
  private static Pipeline pipeline;
  private static CompiledPipeline compiled;
  private static Deployment deployment;
  private static FlinkRestClient client;

  @BeforeAll
  static void deploy() throws Exception {
    KAFKA.broker().createTopics(Map.of(TestJobs.ORDERS, 2, TestJobs.BIG_ORDERS, 1, "per-user", 1));
    producer = CompletableFuture.runAsync(JobCollectorIT::produce);
    Path archive = Files.createDirectories(FLINK.workDir().resolve("archive"));
    pipeline = TestJobs.shop(archive);
    compiled = TestJobs.compile(pipeline, KAFKA.bootstrapServers());
    EmbeddedRuntime runtime = FLINK.runtime();
    deployment =
        runtime.deploy(compiled, new DeployOptions("shop", 1, Duration.ofSeconds(1), Map.of()));
    client = new FlinkRestClient(runtime.flinkRest().orElseThrow(), Duration.ofSeconds(5));
  }

  @AfterAll
  static void stop() throws Exception {
    producing.set(false);
    if (producer != null) {
      producer.get(30, TimeUnit.SECONDS);
    }
    if (client != null) {
      client.close();
    }
  }

  /** About 100 orders a second, half of them over 100, stamped with the wall clock. */
  private static void produce() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, String> out = new KafkaProducer<>(p)) {
      for (int i = 0; producing.get(); i++) {
        String time = LocalDateTime.now(ZoneOffset.UTC).format(SQL_TIME);
        String json =
            String.format(
                Locale.ROOT,
                "{\"order_id\":\"o-%d\",\"user_id\":\"u%d\",\"amount\":%d.5,\"order_time\":\"%s\"}",
                i,
                i % 7,
                (i * 37) % 250,
                time);
        out.send(new ProducerRecord<>(TestJobs.ORDERS, "u" + (i % 7), json));
        if (i % 10 == 9) {
          Thread.sleep(100);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The job's plan, once Flink has one (a job that is still initializing has no vertices). */
  private static JsonNode plan() throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonNode plan = client.get("/jobs/" + deployment.jobId() + "/plan");
      if (!plan.path("plan").path("nodes").isEmpty() || System.nanoTime() > deadline) {
        return plan;
      }
      Thread.sleep(200);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void everySourceSinkAndTransformOfARealPlanIsMapped() throws Exception {
    JsonNode plan = plan();
    LOG.info("Plan of the shop job: {}", plan);
    VertexMap map =
        VertexMap.of(pipeline, ConnectorTables.of(compiled), deployment.previewSinks(), plan);
    VertexMap byOrder = VertexMap.of(pipeline, ConnectorTables.of(compiled), plan);
    LOG.info("{}", map);

    for (Node n : pipeline.nodes()) {
      assertThat(map.vertices(n.id())).as("vertices of node '%s'", n.id()).isNotEmpty();
    }
    assertThat(byOrder.all()).isEqualTo(map.all());
    Set<String> covered = new HashSet<>();
    map.all().values().forEach(covered::addAll);
    Set<String> all = new HashSet<>();
    plan.path("plan").path("nodes").forEach(v -> all.add(v.path("id").asText()));
    assertThat(covered).as("every vertex runs some node").isEqualTo(all);
    // The two previews run in different vertices, as do the sources.
    assertThat(map.vertices("raw")).doesNotContainAnyElementsOf(map.vertices("totals"));
    assertThat(map.vertices("clicks")).doesNotContainAnyElementsOf(map.vertices("orders"));
    assertThat(map.vertices("per_user")).containsAll(map.vertices("upserts"));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aRunningJobReportsVertexFiguresRatesAndCheckpoints() throws Exception {
    VertexMap map =
        VertexMap.of(pipeline, ConnectorTables.of(compiled), deployment.previewSinks(), plan());
    JobCollector collector = new JobCollector(client);
    JobPoll poll =
        awaitPoll(
            collector,
            map,
            p ->
                p.nodes().containsKey("orders")
                    && p.nodes().get("orders").recordsInPerSecond() > 0
                    && p.nodes().get("out").recordsInPerSecond() > 0
                    && p.nodes().get("clicks").recordsOutPerSecond() > 0
                    && p.job().checkpoints().completed() > 0
                    && p.job().watermarkLag().isPresent()
                    && p.nodes().get("orders").pendingRecords().isPresent()
                    && p.nodes().get("orders").watermarkLag().isPresent());
    LOG.info("{}", poll.job());

    assertThat(poll.job().state()).isEqualTo("RUNNING");
    assertThat(poll.job().jobId()).isEqualTo(deployment.jobId());
    assertThat(poll.job().uptime()).isPositive();
    assertThat(poll.job().checkpoints().lastDuration()).isPresent();
    assertThat(poll.job().checkpoints().lastCompletedAt()).isPresent();
    assertThat(poll.job().restarts()).isZero();
    assertThat(poll.nodes().keySet()).containsAll(map.all().keySet());
    NodeFigures orders = poll.nodes().get("orders");
    assertThat(orders.vertexIds()).isEqualTo(map.vertices("orders"));
    assertThat(orders.shared()).isTrue();
    assertThat(orders.pendingRecords()).isPresent();
    assertThat(orders.busyRatio()).isBetween(0.0, 1.0);
    assertThat(orders.idleRatio()).isBetween(0.0, 1.0);
    assertThat(poll.nodes().get("per_user").watermarkLag()).isPresent();
    assertThat(orders.watermarkLag().get()).isLessThan(Duration.ofMinutes(1));
    assertThat(poll.job().watermarkLag().get()).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void aJobTheClusterDoesNotKnowIsGone() {
    String unknown = "0123456789abcdef0123456789abcdef";
    JobCollector collector = new JobCollector(client);
    assertThatThrownBy(
            () ->
                collector.poll(
                    unknown, VertexMap.of(pipeline, ConnectorTables.NONE, plan()), Instant.now()))
        .isInstanceOf(JobGone.class)
        .hasMessageContaining(unknown)
        .satisfies(e -> assertThat(((JobGone) e).jobId()).isEqualTo(unknown));
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFailedJobSaysWhyInOneLine() throws Exception {
    Pipeline failing = TestJobs.dividingByZero();
    CompiledPipeline c = TestJobs.compile(failing, KAFKA.bootstrapServers());
    Deployment d =
        FLINK.runtime().deploy(c, new DeployOptions("failing", 1, Duration.ofSeconds(1), Map.of()));
    JobCollector collector = new JobCollector(client);
    long deadline = System.nanoTime() + WAIT.toNanos();
    JobPoll poll = null;
    while (System.nanoTime() < deadline) {
      poll =
          collector.poll(
              d.jobId(), VertexMap.of(failing, ConnectorTables.of(c), plan(d)), Instant.now());
      if (poll.job().state().equals("FAILED") && !poll.job().rootCauses().isEmpty()) {
        break;
      }
      Thread.sleep(500);
    }
    Files.writeString(
        Files.createDirectories(Path.of("target", "recorded")).resolve("failed-exceptions.json"),
        client.get("/jobs/" + d.jobId() + "/exceptions?maxExceptions=5").toPrettyString());
    assertThat(poll).isNotNull();
    assertThat(poll.job().state()).isEqualTo("FAILED");
    assertThat(poll.job().rootCauses())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(JobCollector.ROOT_CAUSES);
    assertThat(poll.job().rootCauses().get(0))
        .contains("by zero")
        .doesNotContain("\n")
        .doesNotContain("\tat ");
    assertThat(poll.job().uptime()).isPositive();
  }

  private static JsonNode plan(Deployment d) throws Exception {
    return client.get("/jobs/" + d.jobId() + "/plan");
  }

  private static JobPoll awaitPoll(JobCollector collector, VertexMap map, Predicate<JobPoll> done)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JobPoll last = null;
    while (System.nanoTime() < deadline) {
      last = collector.poll(deployment.jobId(), map, Instant.now());
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No poll within " + WAIT + " showed the figures; last: " + last);
  }
}
