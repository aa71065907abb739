package dev.streamwright.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end latency of the fraud pipeline in the sandbox: for each {@code scored-transactions}
 * record, the broker's append time on the sink topic (LogAppendTime) minus the record's {@code
 * transaction_time}. The generator runs at speed 1 with its start time = now, so event time is
 * wall-clock time (the scenario is empty by default: no deliberately late records). The pipeline
 * runs unbounded on {@link EmbeddedRuntime} with its default options, as the sandbox deploys it.
 * Records appended in the first {@code warmup} seconds after the first output are discarded, the
 * next {@code measure} seconds are measured; prints count, p50/p90/p99/p99.9/max, whether the job
 * kept up with the generator, and where the CPU went.
 *
 * <p>Arguments, {@code key=value}: {@code rate} (events/s, default 5000), {@code warmup} (20),
 * {@code measure} (60), {@code pipeline}, {@code scenario} ({@code empty} or {@code sample}),
 * {@code watermarkDelay} (overrides every kafka-source's, e.g. {@code 0s}, to see what the rest of
 * the pipeline costs).
 *
 * <p>Run: {@code mvn -o -q -pl runtime/sandbox -am test-compile && mvn -o -q -pl runtime/sandbox
 * -Pbench exec:exec -Dbench.class=FraudLatencyBenchmark -Dbench.args="rate=5000"}
 */
public final class FraudLatencyBenchmark {

  private static final String TOPIC = "scored-transactions";
  private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private FraudLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    FraudSandbox.quietLogs();
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("arguments are key=value, got " + arg);
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    double rate = Double.parseDouble(a.getOrDefault("rate", "5000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
    int measure = Integer.parseInt(a.getOrDefault("measure", "60"));
    Path file = FraudSandbox.pipelineFile(a.get("pipeline"));
    boolean sampleScenario = a.getOrDefault("scenario", "empty").equals("sample");
    String watermarkDelay = a.get("watermarkDelay");
    System.out.printf(
        Locale.ROOT,
        "rate=%.0f ev/s warmup=%ds measure=%ds pipeline=%s scenario=%s watermarkDelay=%s; load %s%n",
        rate,
        warmup,
        measure,
        file,
        sampleScenario ? "sample" : "empty",
        watermarkDelay == null ? "(as in the file)" : watermarkDelay,
        FraudSandbox.loadAverage());
    printSinkProducerDefaults();

    Pipeline pipeline = FraudSandbox.read(file);
    if (!FraudSandbox.sinkTopics(pipeline).contains(TOPIC)) {
      throw new IllegalArgumentException("the pipeline writes no " + TOPIC + " topic");
    }
    Scenario scenario = sampleScenario ? FraudSandbox.sampleScenario(file) : Scenario.EMPTY;
    Path work = FraudSandbox.workDir("sw-fraud-lat");
    EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("embedded"));
    KafkaBroker broker = null;
    GeneratorRun generator = null;
    KafkaEventSink events = null;
    try {
      // As the sandbox: the cluster starts while the broker starts.
      CompletableFuture<Void> flink =
          CompletableFuture.runAsync(
              () -> {
                try {
                  runtime.start();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      broker = KafkaBroker.start(work.resolve("kafka"));
      String bootstrap = broker.bootstrapServers();
      FraudSandbox.createTopics(broker, pipeline);
      CompiledPipeline compiled =
          FraudSandbox.compile(
              FraudSandbox.forRun(
                  pipeline, "bench-latency", false, work.resolve("files"), watermarkDelay),
              bootstrap);
      flink.join();
      long deployed = System.nanoTime();
      Deployment d = runtime.deploy(compiled, DeployOptions.defaults());
      System.out.printf(
          Locale.ROOT,
          "deployed job %s in %.1f s%n",
          d.jobId(),
          (System.nanoTime() - deployed) / 1e9);

      AtomicReference<Instant> wallStart = new AtomicReference<>();
      // Event time starts a second ahead and the run starts when that second comes: building the
      // generator and its producer (~0.3 s) must not make every event late from the start.
      Instant eventStart = Instant.now().plusSeconds(1);
      Clock recording = new FirstInstantClock(wallStart);
      GeneratorConfig config =
          GeneratorConfig.of(42, rate, Duration.ofHours(1), scenario).withStartTime(eventStart);
      events = KafkaEventSink.create(bootstrap, FraudTransactions.TOPIC);
      generator =
          new GeneratorRun(
              new FraudTransactions(config), events, 1.0, recording, GeneratorRun.Sleeper.SYSTEM);
      Duration untilStart = Duration.between(Instant.now(), eventStart);
      if (!untilStart.isNegative()) {
        Thread.sleep(untilStart.toMillis());
      }
      generator.start();

      Result r = measure(bootstrap, warmup, measure, generator);
      System.out.printf(
          Locale.ROOT,
          "generator: wall start - event start = %.1f ms (added to every latency)%n",
          wallStart.get() == null
              ? Double.NaN
              : Duration.between(eventStart, wallStart.get()).toNanos() / 1e6);
      try (Admin admin = broker.admin()) {
        long produced = generator.counters().produced();
        Map<String, Long> out = FraudSandbox.endOffsets(admin, Set.of(TOPIC));
        System.out.printf(
            Locale.ROOT,
            "at the end: produced %d, %s %d (backlog %d records = %.1f s at the rate)%n",
            produced,
            TOPIC,
            out.get(TOPIC),
            produced - out.get(TOPIC),
            (produced - out.get(TOPIC)) / rate);
      }
      System.out.print("threads by CPU during the measured window:\n" + r.cpu);
      report(r, rate, warmup, measure);
    } finally {
      if (generator != null) {
        generator.stop();
        generator.await(Duration.ofSeconds(10));
      }
      if (events != null) {
        // GeneratorRun does not own its sink: its producer would outlive the broker.
        events.close();
      }
      runtime.close();
      if (broker != null) {
        broker.close();
      }
      FraudSandbox.deleteTree(work);
    }
  }

  private record Result(
      long[] latencies, int n, double firstOutputSeconds, int unparsed, String cpu) {}

  /** Reads the sink topic from the start and keeps the latencies of the measured window. */
  private static Result measure(String bootstrap, int warmup, int measure, GeneratorRun generator)
      throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Fetch as soon as anything is there: the reader must not add its own wait to what it sees.
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
    long[] lat = new long[1 << 16];
    int n = 0;
    int unparsed = 0;
    long started = System.nanoTime();
    long firstAppend = -1;
    long windowStart = Long.MAX_VALUE;
    long windowEnd = Long.MAX_VALUE;
    double firstOutputSeconds = -1;
    JobProbe probe = null;
    String cpu = "";
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 0; i < FraudSandbox.PARTITIONS; i++) {
        parts.add(new TopicPartition(TOPIC, i));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      while (true) {
        long nowMs = System.currentTimeMillis();
        if (firstAppend < 0 && System.nanoTime() - started > FIRST_OUTPUT_TIMEOUT.toNanos()) {
          throw new IllegalStateException(
              "no " + TOPIC + " record within " + FIRST_OUTPUT_TIMEOUT.toSeconds() + " s");
        }
        // Stop 2 s past the window: records appended inside it have been fetched by then.
        if (firstAppend >= 0 && nowMs > windowEnd + 2000) {
          break;
        }
        if (generator.state() == GeneratorRun.State.FAILED) {
          throw new IllegalStateException("generator failed", generator.failure());
        }
        if (probe == null && firstAppend >= 0 && nowMs >= windowStart) {
          probe = JobProbe.start();
        }
        if (probe != null && cpu.isEmpty() && nowMs >= windowEnd) {
          probe.close();
          cpu = probe.report(10);
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.timestampType() != TimestampType.LOG_APPEND_TIME) {
            throw new IllegalStateException(TOPIC + " records are not stamped LogAppendTime");
          }
          long append = r.timestamp();
          if (firstAppend < 0) {
            firstAppend = append;
            firstOutputSeconds = (System.nanoTime() - started) / 1e9;
            windowStart = append + warmup * 1000L;
            windowEnd = windowStart + measure * 1000L;
            System.out.printf(
                Locale.ROOT,
                "first %s record %.1f s after the generator started; measuring appends from +%d s"
                    + " to +%d s%n",
                TOPIC,
                firstOutputSeconds,
                warmup,
                warmup + measure);
          }
          if (append < windowStart || append >= windowEnd) {
            continue;
          }
          Long eventTime = eventTime(r.value());
          if (eventTime == null) {
            unparsed++;
            continue;
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = append - eventTime;
        }
      }
    } finally {
      if (probe != null) {
        probe.close();
        if (cpu.isEmpty()) {
          cpu = probe.report(10);
        }
      }
    }
    return new Result(lat, n, firstOutputSeconds, unparsed, cpu);
  }

  /** transaction_time of a sink record, as Flink's JSON format writes TIMESTAMP(3) (UTC). */
  private static Long eventTime(String value) {
    try {
      JsonNode node = JSON.readTree(value);
      String text = node.path("transaction_time").asText(null);
      if (text == null) {
        return null;
      }
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (Exception e) {
      return null;
    }
  }

  private static void report(Result r, double rate, int warmup, int measure) {
    long[] sorted = Arrays.copyOf(r.latencies, r.n);
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "RESULT rate=%.0f ev/s window=%ds after %ds warm-up | count %d (%.0f/s)%s | latency ms:"
            + " min %d p50 %d p90 %d p99 %d p99.9 %d max %d | first output %.1f s | load %s%n",
        rate,
        measure,
        warmup,
        r.n,
        r.n / (double) measure,
        r.unparsed > 0 ? " (" + r.unparsed + " without event time)" : "",
        at(sorted, 0),
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 99),
        pct(sorted, 99.9),
        at(sorted, sorted.length - 1),
        r.firstOutputSeconds,
        FraudSandbox.loadAverage());
  }

  private static long at(long[] sorted, int i) {
    return sorted.length == 0 ? -1 : sorted[i];
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * The Kafka producer defaults Flink's (shaded) Kafka sink runs with unless the node sets {@code
   * properties.*}: its linger and batch size bound how long a record waits in the sink.
   */
  private static void printSinkProducerDefaults() {
    try {
      Class<?> c =
          Class.forName(
              "org.apache.flink.kafka.shaded.org.apache.kafka.clients.producer.ProducerConfig");
      Object def = c.getMethod("configDef").invoke(null);
      @SuppressWarnings("unchecked")
      Map<String, Object> defaults =
          (Map<String, Object>) def.getClass().getMethod("defaultValues").invoke(def);
      System.out.printf(
          Locale.ROOT,
          "Flink Kafka sink producer defaults: linger.ms=%s batch.size=%s acks=%s%n",
          defaults.get("linger.ms"),
          defaults.get("batch.size"),
          defaults.get("acks"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.out.println("Flink Kafka sink producer defaults: unknown (" + e + ")");
    }
  }

  /** The system clock, remembering its first reading: the generator's wall-clock start. */
  private static final class FirstInstantClock extends Clock {
    private final AtomicReference<Instant> first;

    FirstInstantClock(AtomicReference<Instant> first) {
      this.first = first;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant now = Instant.now();
      first.compareAndSet(null, now);
      return now;
    }
  }
}
