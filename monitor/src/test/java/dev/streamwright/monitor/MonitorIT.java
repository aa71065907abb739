package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor end to end on the embedded Flink and a real broker: a pipeline reading orders and
 * writing big orders, watched while a producer writes orders stamped with the wall clock. Its
 * figures are checked against what the test counts and computes itself from the topics.
 */
class MonitorIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  static final Duration WAIT = Duration.ofSeconds(60);

  static final MonitorSettings EVERY_SECOND =
      MonitorSettings.DEFAULTS
          .withInterval(Duration.ofSeconds(1))
          // Longer than the test runs: every row written is in the window the test compares.
          .withLatencyWindow(Duration.ofMinutes(5));

  @Test
  void figuresOfARunningPipelineAgreeWithWhatTheTopicsHold() throws Exception {
    figuresAgree(FLINK.runtime(), KAFKA, "a");
  }

  /**
   * Runs the orders pipeline on {@code runtime} (topics and group named with {@code name}), watches
   * it, and checks the monitor's figures against the topics and Flink's own counts.
   */
  static void figuresAgree(PipelineRuntime runtime, KafkaBrokerExtension kafka, String name)
      throws Exception {
    String orders = "orders-" + name;
    String bigOrders = "big-orders-" + name;
    String group = "monitor-" + name;
    kafka.broker().createTopics(Map.of(orders, 2, bigOrders, 1));
    Pipeline p = Orders.pipeline(orders, bigOrders, group);
    Compilation c = Orders.compile(p, kafka.bootstrapServers());
    Deployment d = runtime.deploy(c.result().orElseThrow(), everySecond(group));
    List<MonitorSnapshot> seen = new CopyOnWriteArrayList<>();
    try (Monitor monitor =
        Monitor.of(MonitorTarget.of(d, runtime, p, c), EVERY_SECOND).onSnapshot(seen::add)) {
      monitor.start();
      // The latency probe starts at the sink topic's end at its first poll: before any row.
      await(seen, s -> s.flink().connected());
      long sentCount;
      try (Orders.Producer producer = new Orders.Producer(kafka.bootstrapServers(), orders, 200)) {
        MonitorSnapshot busy =
            await(
                seen,
                s ->
                    s.nodes().keySet().containsAll(List.of("orders", "big", "out"))
                        && s.nodes().get("out").recordsInPerSecond() > 0
                        && s.lag().size() == 1
                        && s.lag().get(0).partitions().size() == 2
                        && s.lag().get(0).partitions().stream()
                            .allMatch(x -> x.committed().isPresent()));
        assertThat(busy.kafka().connected()).isTrue();
        GroupLag lag = busy.lag().get(0);
        assertThat(lag.group()).isEqualTo(group);
        assertThat(lag.nodeId()).isEqualTo("orders");
        assertThat(busy.job().orElseThrow().state()).isEqualTo("RUNNING");
        Thread.sleep(10_000);
        producer.close();
        sentCount = producer.sent();
      }
      // Everything written is read, filtered and written; the probe reads it all.
      int firstRead = readToEnd(kafka, bigOrders, 1).size();
      MonitorSnapshot settled =
          await(
              seen,
              s ->
                  s.latency().get("out").window().count() >= firstRead
                      && s.job().orElseThrow().checkpoints().completed() > 0);
      List<ConsumerRecord<String, String>> written = readToEnd(kafka, bigOrders, 1);
      int rows = written.size();

      SinkLatency latency = settled.latency().get("out");
      assertThat(latency.eventTimeColumn()).isEqualTo("order_time");
      assertThat(latency.window().count()).isEqualTo(written.size());
      long[] expected = latencies(written);
      System.out.printf(
          "MonitorIT on %s: %d orders sent, %d big orders, monitor p50 %d p99 %d max %d ms%n",
          runtime.describe(),
          sentCount,
          written.size(),
          latency.window().p50(),
          latency.window().p99(),
          latency.window().max());
      assertThat(latency.window().max()).isEqualTo(expected[expected.length - 1]);
      assertThat((double) latency.window().p50())
          .isCloseTo(percentile(expected, 50), within(tolerance(percentile(expected, 50))));
      assertThat((double) latency.window().p99())
          .isCloseTo(percentile(expected, 99), within(tolerance(percentile(expected, 99))));

      // Flink's rates are per-second averages over the last minute: over a run shorter than a
      // minute, rate x 60 is what the task counted since it started.
      MonitorSnapshot counted =
          await(
              seen,
              s ->
                  Math.abs(s.nodes().get("out").recordsOutPerSecond() * 60 - rows)
                      <= rows * 0.05 + 1);
      long sent = sentCount;
      NodeFigures out = counted.nodes().get("out");
      assertThat(out.recordsOutPerSecond() * 60)
          .isCloseTo(written.size(), within(written.size() * 0.05 + 1));
      NodeFigures source = counted.nodes().get("orders");
      assertThat(source.recordsInPerSecond() * 60).isCloseTo(sent, within(sent * 0.05 + 1));
      assertThat(counted.job().orElseThrow().checkpoints().completed()).isPositive();
      // With the orders all read, the group's commits (on checkpoints) catch up with the ends.
      GroupLag caughtUp =
          await(
                  seen,
                  s ->
                      s.at().isAfter(counted.at())
                          && !s.lag().get(0).noCommit()
                          && s.lag().get(0).totalLag() == 0)
              .lag()
              .get(0);
      assertThat(caughtUp.status()).isEqualTo(dev.streamwright.monitor.lag.LagStatus.OK);
      assertThat(caughtUp.partitions())
          .allSatisfy(x -> assertThat(x.timeLagInterpolated()).contains(Duration.ZERO));
    } finally {
      runtime.stop(d, false);
    }
  }

  static DeployOptions everySecond(String id) {
    return new DeployOptions(null, 1, Duration.ofSeconds(1), Map.of(), "", id);
  }

  /** Waits for a snapshot that satisfies {@code until}, failing with the last one seen. */
  static MonitorSnapshot await(List<MonitorSnapshot> seen, Predicate<MonitorSnapshot> until)
      throws InterruptedException {
    return await(seen, 0, until);
  }

  /**
   * Waits for a snapshot from index {@code first} on (those taken after a fault was made) that
   * satisfies {@code until}.
   */
  static MonitorSnapshot await(
      List<MonitorSnapshot> seen, int first, Predicate<MonitorSnapshot> until)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int from = first;
    while (System.nanoTime() - deadline < 0) {
      List<MonitorSnapshot> now = List.copyOf(seen);
      for (int i = from; i < now.size(); i++) {
        try {
          if (until.test(now.get(i))) {
            return now.get(i);
          }
        } catch (RuntimeException e) {
          // a figure not there yet
        }
      }
      from = now.size();
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no snapshot as expected within "
            + WAIT
            + "; last: "
            + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
  }

  static List<ConsumerRecord<String, String>> readToEnd(
      KafkaBrokerExtension kafka, String topic, int partitions) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        parts.add(new TopicPartition(topic, i));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Record timestamp minus order time of each row, sorted. */
  static long[] latencies(List<ConsumerRecord<String, String>> records) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Long> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      String time = json.readTree(r.value()).path("order_time").asText();
      long event =
          LocalDateTime.parse(time.replace(" ", "T")).toInstant(ZoneOffset.UTC).toEpochMilli();
      out.add(Math.max(0, r.timestamp() - event));
    }
    Collections.sort(out);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** HdrHistogram at 3 significant digits is within 0.1%; a millisecond for rounding. */
  static double tolerance(double value) {
    return Math.max(1, value * 0.002);
  }
}
