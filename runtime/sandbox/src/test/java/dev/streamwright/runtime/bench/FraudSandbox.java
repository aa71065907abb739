package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.PartitionReadiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The fraud-detection sample set up for the sandbox benchmarks: the pipeline file adjusted for a
 * run, its topics on an embedded broker, the {@code transactions} topic preloaded from the sample's
 * generator, and the small numeric and machine-load helpers the benchmark mains share.
 */
final class FraudSandbox {

  /** As the sandbox command creates them (SandboxCommand.PARTITIONS). */
  static final int PARTITIONS = 3;

  /** The environment key the Kafka nodes read their brokers from. */
  static final String BOOTSTRAP_KEY = "kafka.bootstrap.servers";

  static final Path DEFAULT_PIPELINE = Path.of("samples/fraud-detection/pipeline.json");

  private FraudSandbox() {}

  /**
   * Silences warnings that repeat on every run and say nothing about speed: Flink's metric-name
   * collisions (dozens per Kafka source) and its delegation-token notes.
   */
  static void quietLogs() {
    Configurator.setLevel("org.apache.flink.metrics", Level.ERROR);
    Configurator.setLevel("org.apache.flink.runtime.metrics", Level.ERROR);
    Configurator.setLevel("org.apache.flink.runtime.security.token", Level.ERROR);
    Configurator.setLevel(
        "org.apache.flink.connector.kafka.source.KafkaSourceBuilder", Level.ERROR);
  }

  /** The pipeline file named on the command line, else the sample's, found from the repo root. */
  static Path pipelineFile(String arg) {
    if (arg != null && !arg.isBlank()) {
      return Path.of(arg).toAbsolutePath();
    }
    // exec:exec runs in the module folder; a plain java run usually in the repo root.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_PIPELINE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "cannot find " + DEFAULT_PIPELINE + " above " + Path.of("").toAbsolutePath());
  }

  static Pipeline read(Path file) throws Exception {
    return new PipelineCodec().read(file);
  }

  /** The sample's scenario.json next to the pipeline, or the empty scenario when there is none. */
  static Scenario sampleScenario(Path pipelineFile) throws IOException {
    Path file = pipelineFile.getParent().resolve("scenario.json");
    return Files.exists(file) ? Scenario.parse(Files.readString(file)) : Scenario.EMPTY;
  }

  /** A fresh folder under {@code java.io.tmpdir} (target/tmp in the bench profile). */
  static Path workDir(String prefix) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(tmp);
    return Files.createTempDirectory(tmp, prefix);
  }

  static Set<String> topicsOf(Pipeline pipeline, String nodeType) {
    Set<String> topics = new TreeSet<>();
    for (Node n : pipeline.nodes()) {
      if (n.type().equals(nodeType) && n.properties().get("topic") instanceof String t) {
        topics.add(t.trim());
      }
    }
    return topics;
  }

  static Set<String> sinkTopics(Pipeline pipeline) {
    return topicsOf(pipeline, "kafka-sink");
  }

  /**
   * Creates the pipeline's topics with {@link #PARTITIONS} partitions. Sink topics stamp records
   * with the broker's append time, which the latency benchmark reads as "written to the sink".
   * Retention is off on every topic: the generator's default event times are in early 2026 and
   * Kafka's 7-day time retention would otherwise delete preloaded records at its first check, ~30 s
   * after the broker starts, in the middle of a run.
   */
  static void createTopics(KafkaBroker broker, Pipeline pipeline) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    Set<String> sinks = sinkTopics(pipeline);
    for (String t : topicsOf(pipeline, "kafka-source")) {
      if (!sinks.contains(t)) {
        topics.add(new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")));
      }
    }
    for (String t : sinks) {
      topics.add(
          new NewTopic(t, PARTITIONS, (short) 1)
              .configs(Map.of("retention.ms", "-1", "message.timestamp.type", "LogAppendTime")));
    }
    try (Admin admin = broker.admin()) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
      PartitionReadiness.await(
          admin, topics.stream().map(NewTopic::name).toList(), KafkaBroker.READY_TIMEOUT);
    }
  }

  /**
   * Sends the first {@code count} events of the fraud generator (seed 42, the sandbox's default
   * 2,000 events/s of scenario time, no pacing) to {@code transactions}; returns the seconds taken.
   * Batches bigger than the generator's own producer: the preload is set-up, not what is measured.
   */
  static double preload(String bootstrap, long count, Scenario scenario) {
    return preload(bootstrap, count, scenario, 2000);
  }

  /**
   * As {@link #preload(String, long, Scenario)} at {@code rate} events/s of scenario time: the rate
   * sets how many events each user has per minute, hence the rolling features and the scores.
   */
  static double preload(String bootstrap, long count, Scenario scenario, double rate) {
    Duration span = Duration.ofSeconds((long) (count / rate * 1.5) + 10);
    FraudTransactions generator =
        new FraudTransactions(GeneratorConfig.of(42, rate, span, scenario));
    Properties p = KafkaEventSink.producerProperties(bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    long start = System.nanoTime();
    long sent = 0;
    try (KafkaEventSink sink =
        new KafkaEventSink(new KafkaProducer<>(p), FraudTransactions.TOPIC)) {
      Iterator<Event> events = generator.events();
      while (sent < count && events.hasNext()) {
        sink.send(events.next());
        sent++;
      }
    }
    if (sent < count) {
      throw new IllegalStateException("the generator made only " + sent + " events");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The pipeline as a benchmark runs it: every kafka-source reads with consumer group {@code
   * groupId} (a fresh one per run), bounded at the offsets current at its start when {@code
   * bounded}, with another watermark delay when {@code watermarkDelay} is not null; every file-sink
   * writes under {@code fileDir}. Node ids are not assumed: the file may gain nodes.
   */
  static Pipeline forRun(
      Pipeline pipeline, String groupId, boolean bounded, Path fileDir, String watermarkDelay) {
    Pipeline out = pipeline;
    int files = 0;
    for (Node n : pipeline.nodes()) {
      Node changed = n;
      if (n.type().equals("kafka-source")) {
        changed = changed.withProperty("groupId", groupId);
        if (bounded) {
          changed = changed.withProperty("stopAt", "latest-offset");
        }
        if (watermarkDelay != null) {
          changed = changed.withProperty("watermarkDelay", watermarkDelay);
        }
      } else if (n.type().equals("file-sink")) {
        changed =
            changed.withProperty(
                "path", fileDir.resolve(n.id() + "-" + files++).toAbsolutePath().toString());
      }
      if (changed != n) {
        out = out.withNode(changed);
      }
    }
    return out;
  }

  /** Compiles for the broker; errors stop the benchmark, warnings are printed. */
  static CompiledPipeline compile(Pipeline pipeline, String bootstrap) {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                pipeline,
                Map.of(
                    BOOTSTRAP_KEY,
                    bootstrap,
                    // The sample's model nodes find their files here (from the runtime module).
                    "models.dir",
                    java.nio.file.Path.of("../../samples/models")
                        .toAbsolutePath()
                        .normalize()
                        .toString()));
    for (Problem p : c.problems()) {
      if (!p.isError()) {
        System.out.println("compile warning: " + p);
      }
    }
    if (c.hasErrors() || c.result().isEmpty()) {
      throw new IllegalStateException("the pipeline does not compile: " + c.problems());
    }
    return c.result().get();
  }

  /** The sum of the end offsets of each topic's partitions. */
  static Map<String, Long> endOffsets(Admin admin, Set<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
    for (String t : topics) {
      for (int p = 0; p < PARTITIONS; p++) {
        request.put(new TopicPartition(t, p), OffsetSpec.latest());
      }
    }
    Map<String, Long> sums = new TreeMap<>();
    topics.forEach(t -> sums.put(t, 0L));
    admin
        .listOffsets(request)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
    return sums;
  }

  /** The first line of /proc/loadavg (1, 5 and 15-minute load averages), or "unknown". */
  static String loadAverage() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg")).strip();
      String[] f = line.split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile of unsorted values. */
  static double percentile(List<Double> values, double pct) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    if (pct == 50 && sorted.size() % 2 == 0) {
      return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
    int rank = (int) Math.ceil(pct / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static void deleteTree(Path root) throws IOException {
    RuntimeOverheadBenchmark.deleteTree(root);
  }
}
