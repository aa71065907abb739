package dev.streamwright.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on the fraud-detection sample in the Kafka sandbox, through the same run owner as
 * {@code streamwright sandbox --speed 10}: its scenario (malformed records, late events, a burst, a
 * shift), with the burst made heavy enough to stand out from the checkpoint-paced commits, plays in
 * 48 s. The consumer lag rises during the burst and falls after it, and the latency percentiles of
 * {@code scored-transactions} are those the test computes from the topic itself.
 */
class MonitorFraudSandboxIT {

  private static final double SPEED = 10;

  /** The sample's scenario, its burst 200 users at 20x (the sample's 20 at 10x adds 18%). */
  private static final String SCENARIO =
      """
      {"steps":[
        {"at":"1min","kind":"malformed","count":5},
        {"at":"2min","kind":"late","fraction":0.02,"maxDelay":"20s"},
        {"at":"3min","kind":"burst","users":200,"duration":"1min","factor":20},
        {"at":"6min","kind":"shift","column":"amount","factor":1.4}
      ]}""";

  @TempDir Path tmp;

  @Test
  void lagRisesDuringTheBurstAndFallsAfterAndLatencyAgreesWithTheSinkTopic() throws Exception {
    Path samples = Path.of("../samples").toAbsolutePath().normalize();
    Pipeline pipeline = new PipelineCodec().read(samples.resolve("fraud-detection/pipeline.json"));
    AtomicReference<Sandbox> sandbox = new AtomicReference<>();
    AtomicLong generatorStart = new AtomicLong();
    AtomicReference<GeneratorRun> generator = new AtomicReference<>();
    // Event times start an hour back, so that at 10x they stay behind the wall clock for the
    // whole scenario and every latency is a positive figure the test can recompute.
    Instant eventStart = Instant.now().minus(Duration.ofHours(1));
    GeneratorPlan plan =
        new GeneratorPlan(
            e ->
                GeneratorConfig.of(42, 50, Duration.ofMinutes(8), Scenario.parse(SCENARIO))
                    .withStartTime(eventStart),
            SPEED,
            false);
    List<MonitorSnapshot> seen = new CopyOnWriteArrayList<>();
    try (Runner runner =
        new Runner(
            new RuntimeHolder("embedded Flink", () -> new EmbeddedRuntime(tmp.resolve("flink"))),
            new SandboxHolder(() -> Sandbox.Settings.embedded(tmp)),
            RunCheck.create(NodeTypeRegistry.load()),
            Map.of(
                ModelRegistry.ENVIRONMENT_KEY,
                samples.resolve("models").toString(),
                DataFolder.ENVIRONMENT_KEY,
                tmp.resolve("data").toString()))) {
      Run run = runner.prepare(pipeline, RunOptions.plain().onSandbox(Optional.of(plan), false));
      Monitor monitor;
      try {
        Optional<Run.Started> started =
            run.start(
                new RunListener() {
                  @Override
                  public void sandboxReady(Sandbox s) {
                    sandbox.set(s);
                  }

                  @Override
                  public void generatorStarted(Generators.Entry entry, GeneratorRun g) {
                    generatorStart.set(System.currentTimeMillis());
                    generator.set(g);
                  }
                });
        assertThat(started).isPresent();
        monitor =
            Monitor.of(
                    MonitorTarget.of(
                        run.deployment(), run.runtime(), run.pipeline(), run.compilation()),
                    MonitorSettings.DEFAULTS
                        .withInterval(Duration.ofSeconds(1))
                        .withLatencyWindow(Duration.ofMinutes(5)))
                .onSnapshot(seen::add)
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while ((generator.get() == null || !generator.get().await(Duration.ofMillis(500)))
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(generator.get().state()).isEqualTo(GeneratorRun.State.FINISHED);
        String bootstrap = sandbox.get().bootstrapServers();

        // Latency: once the probe has read every scored row, its percentiles are the topic's.
        List<ConsumerRecord<String, String>> scored = List.of();
        long settle = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SinkLatency latency = null;
        while (System.nanoTime() < settle) {
          scored = readAll(bootstrap, "scored-transactions");
          MonitorSnapshot last = seen.get(seen.size() - 1);
          latency = last.latency().get("scored_transactions");
          if (latency != null && latency.window().count() == scored.size() && !scored.isEmpty()) {
            break;
          }
          Thread.sleep(1_000);
        }
        assertThat(latency).isNotNull();
        assertThat(latency.window().count()).isEqualTo(scored.size());
        long[] expected = latencies(scored, latency.eventTimeColumn());
        assertThat(latency.window().max()).isEqualTo(expected[expected.length - 1]);
        assertThat((double) latency.window().p50())
            .isCloseTo(percentile(expected, 50), within(percentile(expected, 50) * 0.002 + 1));
        assertThat((double) latency.window().p99())
            .isCloseTo(percentile(expected, 99), within(percentile(expected, 99) * 0.002 + 1));
        monitor.close();
      } finally {
        if (run.deployment() != null) {
          run.stopJob();
        }
        run.close();
      }
    }

    // Lag: the scenario's minute 3 starts 18 s after the generator, its burst lasts 6 s; commits
    // come with checkpoints (every 5 s), so the lag seen is a saw-tooth whose peaks follow the
    // rate.
    long t0 = generatorStart.get();
    long before = maxLag(seen, t0 + 6_000, t0 + 17_000);
    long during = maxLag(seen, t0 + 18_000, t0 + 30_000);
    long after = maxLag(seen, t0 + 36_000, t0 + 48_000);
    System.out.printf(
        "MonitorFraudSandboxIT: max total lag before the burst %d, during %d, after %d%n",
        before, during, after);
    assertThat(during).as("lag during the burst vs before it").isGreaterThan(2 * before);
    assertThat(after).as("lag after the burst vs during it").isLessThan(during / 2);
  }

  private static long maxLag(List<MonitorSnapshot> seen, long from, long to) {
    return seen.stream()
        .filter(s -> s.at().toEpochMilli() >= from && s.at().toEpochMilli() <= to)
        .filter(s -> s.kafka().connected() && !s.lag().isEmpty())
        .mapToLong(s -> s.lag().get(0).totalLag())
        .max()
        .orElseThrow(() -> new AssertionError("no lag seen between " + from + " and " + to));
  }

  private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static long[] latencies(List<ConsumerRecord<String, String>> records, String column)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Long> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      String time = json.readTree(r.value()).path(column).asText().replace(' ', 'T');
      long event =
          time.endsWith("Z")
              ? Instant.parse(time).toEpochMilli()
              : LocalDateTime.parse(time).toInstant(ZoneOffset.UTC).toEpochMilli();
      out.add(Math.max(0, r.timestamp() - event));
    }
    Collections.sort(out);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
