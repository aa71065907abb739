package dev.streamwright.monitor;

import com.sun.management.OperatingSystemMXBean;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Monitoring on versus off for the fraud-detection sample (target: ratio >= 0.97): one JVM with an
 * embedded broker and an {@link EmbeddedRuntime}, {@code transactions} preloaded with N events of
 * the sample's generator, then the sample pipeline (bounded read, a fresh consumer group each
 * round) run in ABBA rounds, A watched by a {@link Monitor} polling every second, B not watched.
 * Reports events/s (N / deploy to job end) and process CPU per event, their medians and the ratios
 * monitored over unmonitored (the CPU one inverted, so that >= 0.97 is good).
 *
 * <p>Arguments: {@code [events] [rounds] [latency|nolatency] [poll seconds]}, default 100000, 4,
 * latency and 1; {@code nolatency} monitors without the sink latency probes. Run with the monitor
 * module's {@code bench} profile: {@code -Dbench.class=MonitorOverheadBenchmark
 * -Dbench.args="100000 8"}.
 */
public final class MonitorOverheadBenchmark {

  private static final Path SAMPLE = Path.of("samples", "fraud-detection", "pipeline.json");
  private static final Path MODELS = Path.of("samples", "models");
  private static final int PARTITIONS = 3;

  /** Events per second of scenario time, as the sample's README runs the generator. */
  private static final double RATE = 50;

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static MonitorSettings EVERY_SECOND =
      MonitorSettings.DEFAULTS.withInterval(Duration.ofSeconds(1));

  private static boolean probes = true;

  private MonitorOverheadBenchmark() {}

  /** One measured run of the pipeline. */
  private record Round(
      int index,
      boolean monitored,
      double seconds,
      double cpuSeconds,
      long scored,
      int polls,
      double monitorCpuSeconds,
      Map<String, Double> cpuByPart,
      String load) {

    double eventsPerSecond(long events) {
      return events / seconds;
    }

    double cpuMicrosPerEvent(long events) {
      return cpuSeconds * 1e6 / events;
    }
  }

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    // "nolatency": monitor without the sink latency probes, to see what they cost.
    probes = !(args.length > 2 && args[2].equals("nolatency"));
    // The poll interval in seconds (default 1, to make the monitor's cost visible; 5 is the
    // studio's and the CLI's default).
    if (args.length > 3) {
      EVERY_SECOND =
          MonitorSettings.DEFAULTS.withInterval(Duration.ofSeconds(Long.parseLong(args[3])));
    }
    Configurator.setLevel("org.apache.flink", Level.WARN);
    Configurator.setLevel("org.apache.kafka", Level.WARN);
    Configurator.setLevel("org.apache.flink.metrics", Level.ERROR);
    Configurator.setLevel("org.apache.flink.runtime.metrics", Level.ERROR);
    Configurator.setLevel("org.apache.flink.runtime.security.token", Level.ERROR);

    Path root = repoRoot();
    Pipeline sample = new PipelineCodec().read(root.resolve(SAMPLE));
    Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path work = Files.createTempDirectory(tmp.toAbsolutePath(), "monitor-overhead-");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Round> measured = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "MonitorOverheadBenchmark: %,d events, %d rounds (ABBA, A = monitored every %d s%s), load %s%n",
        events,
        rounds,
        EVERY_SECOND.interval().toSeconds(),
        probes ? "" : ", no latency probes",
        loadAverage());
    try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0, false);
        EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("embedded"))) {
      String bootstrap = broker.bootstrapServers();
      createTopics(broker, sample);
      double preload =
          preload(bootstrap, events, root.resolve(SAMPLE).resolveSibling("scenario.json"));
      System.out.printf(Locale.ROOT, "preloaded %,d events in %.1f s%n", events, preload);
      // Warm-up, one run per side, not counted: the cluster, the planner, the model, the monitor's
      // clients; the first measured rounds were still ~20% dearer in CPU after a single one.
      for (int w = -1; w <= 0; w++) {
        Round warm = run(runtime, broker, sample, root, work, w, w < 0, os);
        System.out.printf(
            Locale.ROOT,
            "warm-up: %.0f ev/s, %.1f s%n",
            warm.eventsPerSecond(events),
            warm.seconds);
      }
      for (int i = 1; i <= rounds; i++) {
        // ABBA: monitored, unmonitored, unmonitored, monitored, ...
        boolean monitored = ((i - 1) % 4 == 0) || ((i - 1) % 4 == 3);
        Round r = run(runtime, broker, sample, root, work, i, monitored, os);
        measured.add(r);
        System.out.printf(
            Locale.ROOT,
            "round %d %-11s %8.0f ev/s  %5.1f s  CPU %5.1f s = %5.1f us/event  scored %,d  polls %d"
                + " (monitor threads %.2f s CPU; by part %s)  load %s%n",
            i,
            r.monitored ? "monitored" : "unmonitored",
            r.eventsPerSecond(events),
            r.seconds,
            r.cpuSeconds,
            r.cpuMicrosPerEvent(events),
            r.scored,
            r.polls,
            r.monitorCpuSeconds,
            format(r.cpuByPart),
            r.load);
      }
    } finally {
      deleteTree(work);
    }
    report(measured, events);
  }

  /** Deploys the pipeline once, watched or not, and measures it from deploy to job end. */
  private static Round run(
      EmbeddedRuntime runtime,
      KafkaBroker broker,
      Pipeline sample,
      Path root,
      Path work,
      int index,
      boolean monitored,
      OperatingSystemMXBean os)
      throws Exception {
    Pipeline pipeline =
        forRound(sample, "monitor-overhead-" + index, work.resolve("files-" + index));
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                pipeline,
                Map.of(
                    "kafka.bootstrap.servers",
                    broker.bootstrapServers(),
                    "models.dir",
                    root.resolve(MODELS).toString()));
    if (c.hasErrors() || c.result().isEmpty()) {
      throw new IllegalStateException("the sample does not compile: " + c.problems());
    }
    long scoredBefore = endOffset(broker, "scored-transactions");
    System.gc();
    AtomicInteger polls = new AtomicInteger();
    Map<Long, Long> threads0 = threadCpu();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Deployment d = runtime.deploy(c.result().get(), DeployOptions.defaults());
    Monitor monitor =
        monitored
            ? Monitor.of(target(MonitorTarget.of(d, runtime, pipeline, c)), EVERY_SECOND)
                .onSnapshot((MonitorSnapshot s) -> polls.incrementAndGet())
                .start()
            : null;
    DeploymentStatus status;
    long t1;
    long cpu1;
    double monitorCpu;
    Map<String, Double> cpuByPart;
    try {
      status = runtime.awaitTermination(d, JOB_TIMEOUT);
      t1 = System.nanoTime();
      cpu1 = os.getProcessCpuTime();
      monitorCpu = monitorThreadsCpuSeconds();
      cpuByPart = cpuByPart(threads0);
    } finally {
      if (monitor != null) {
        monitor.close();
      }
    }
    if (status.phase() != DeploymentStatus.Phase.FINISHED) {
      if (!status.phase().isTerminal()) {
        runtime.stop(d, false);
      }
      throw new IllegalStateException("round " + index + " ended " + status);
    }
    long scored = endOffset(broker, "scored-transactions") - scoredBefore;
    return new Round(
        index,
        monitored,
        (t1 - t0) / 1e9,
        (cpu1 - cpu0) / 1e9,
        scored,
        polls.get(),
        monitorCpu,
        cpuByPart,
        loadAverage());
  }

  /** The target as the studio builds it, or without its latency probes ("nolatency"). */
  private static MonitorTarget target(MonitorTarget t) {
    return probes
        ? t
        : new MonitorTarget(
            t.deployment(),
            t.runtime(),
            t.pipeline(),
            t.tables(),
            t.lagTargets(),
            List.of(),
            t.kafka());
  }

  /** The CPU time of every live thread, by id. */
  private static Map<Long, Long> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> out = new java.util.HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    return out;
  }

  /**
   * CPU seconds since {@code before} of the live threads, by the part of the process they belong to
   * (by thread name): Flink's REST server and RPC (what the monitor's REST calls cost the cluster),
   * the broker, the monitor, the rest (mostly the job's tasks). Threads that ended are not counted.
   */
  private static Map<String, Double> cpuByPart(Map<Long, Long> before) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> out = new java.util.TreeMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      String name = t.getThreadName().toLowerCase(Locale.ROOT);
      String part =
          name.contains("streamwright-monitor")
              ? "monitor"
              : name.contains("flink-rest") || name.contains("pekko") || name.contains("metric")
                  ? "flink-rest+rpc"
                  : name.contains("kafka-request-handler")
                          || name.contains("data-plane")
                          || name.contains("network-thread")
                          || name.contains("broker")
                      ? "broker"
                      : "other";
      long delta =
          Math.max(0, threads.getThreadCpuTime(t.getThreadId()))
              - before.getOrDefault(t.getThreadId(), 0L);
      out.merge(part, Math.max(0, delta) / 1e9, Double::sum);
    }
    return out;
  }

  /**
   * CPU seconds of the threads the monitor names after itself (its polling thread, which also runs
   * the latency probe's consumer, and its admin clients' network threads); Flink's REST handlers
   * and the broker's work for the monitor count in the process CPU only.
   */
  private static double monitorThreadsCpuSeconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("streamwright-monitor")) {
        nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return nanos / 1e9;
  }

  /**
   * The sample as a round runs it: every kafka-source bounded at the topic's current end and
   * reading with its own consumer group (so every round reads all events), file sinks under {@code
   * files}.
   */
  private static Pipeline forRound(Pipeline sample, String group, Path files) {
    Pipeline out = sample;
    for (Node n : sample.nodes()) {
      if (n.type().equals("kafka-source")) {
        out =
            out.withNode(n.withProperty("stopAt", "latest-offset").withProperty("groupId", group));
      } else if (n.type().equals("file-sink")) {
        out =
            out.withNode(n.withProperty("path", files.resolve(n.id()).toAbsolutePath().toString()));
      }
    }
    return out;
  }

  /** The pipeline's topics, {@value #PARTITIONS} partitions each, time retention off. */
  private static void createTopics(KafkaBroker broker, Pipeline pipeline) throws Exception {
    Set<String> names = new TreeSet<>();
    for (Node n : pipeline.nodes()) {
      if ((n.type().equals("kafka-source") || n.type().equals("kafka-sink"))
          && n.properties().get("topic") instanceof String t) {
        names.add(t.strip());
      }
    }
    // The generator's events are stamped from 2026-01-01: a 7-day retention would delete them.
    List<NewTopic> topics =
        names.stream()
            .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))
            .toList();
    try (Admin admin = broker.admin()) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
      PartitionReadiness.await(admin, names, KafkaBroker.READY_TIMEOUT);
    }
  }

  /** Sends the first {@code count} events of the fraud generator; returns the seconds taken. */
  private static double preload(String bootstrap, long count, Path scenarioFile)
      throws IOException {
    Scenario scenario =
        Files.exists(scenarioFile)
            ? Scenario.parse(Files.readString(scenarioFile))
            : Scenario.EMPTY;
    Duration span = Duration.ofSeconds((long) (count / RATE * 1.5) + 10);
    FraudTransactions generator =
        new FraudTransactions(GeneratorConfig.of(42, RATE, span, scenario));
    Properties p = KafkaEventSink.producerProperties(bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    long start = System.nanoTime();
    long sent = 0;
    try (KafkaEventSink sink =
        new KafkaEventSink(new KafkaProducer<>(p), FraudTransactions.TOPIC)) {
      Iterator<Event> it = generator.events();
      while (sent < count && it.hasNext()) {
        sink.send(it.next());
        sent++;
      }
      sink.flush();
    }
    if (sent < count) {
      throw new IllegalStateException("the generator made only " + sent + " events");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The sum of a topic's end offsets. */
  private static long endOffset(KafkaBroker broker, String topic) throws Exception {
    try (Admin admin = broker.admin()) {
      Map<TopicPartition, OffsetSpec> ask = new java.util.HashMap<>();
      for (int i = 0; i < PARTITIONS; i++) {
        ask.put(new TopicPartition(topic, i), OffsetSpec.latest());
      }
      return admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(o -> o.offset())
          .sum();
    }
  }

  private static void report(List<Round> rounds, long events) {
    List<Double> rateOn = new ArrayList<>();
    List<Double> rateOff = new ArrayList<>();
    List<Double> cpuOn = new ArrayList<>();
    List<Double> cpuOff = new ArrayList<>();
    for (Round r : rounds) {
      (r.monitored ? rateOn : rateOff).add(r.eventsPerSecond(events));
      (r.monitored ? cpuOn : cpuOff).add(r.cpuMicrosPerEvent(events));
    }
    if (rateOn.isEmpty() || rateOff.isEmpty()) {
      System.out.println("need at least 2 rounds for a ratio");
      return;
    }
    double rateRatio = median(rateOn) / median(rateOff);
    double cpuRatio = median(cpuOff) / median(cpuOn);
    System.out.printf(
        Locale.ROOT,
        "%nmedians: monitored %.0f ev/s, %.2f us CPU/event; unmonitored %.0f ev/s, %.2f us CPU/event%n",
        median(rateOn),
        median(cpuOn),
        median(rateOff),
        median(cpuOff));
    // Each monitored round against the unmonitored round beside it (ABBA pairs: 1-2, 3-4, ...).
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < rounds.size(); i += 2) {
      Round a = rounds.get(i).monitored ? rounds.get(i) : rounds.get(i + 1);
      Round b = rounds.get(i).monitored ? rounds.get(i + 1) : rounds.get(i);
      pairs.add(
          String.format(
              Locale.ROOT,
              "%.3f/%.3f",
              a.eventsPerSecond(events) / b.eventsPerSecond(events),
              b.cpuMicrosPerEvent(events) / a.cpuMicrosPerEvent(events)));
    }
    System.out.printf(
        Locale.ROOT,
        "ratio monitored/unmonitored: events/s %.3f, CPU per event (unmonitored/monitored) %.3f"
            + " (target >= 0.97); per pair (events/s / CPU): %s; load at end %s (%s UTC)%n",
        rateRatio,
        cpuRatio,
        String.join(" ", pairs),
        loadAverage(),
        LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
  }

  private static String format(Map<String, Double> seconds) {
    List<String> parts = new ArrayList<>();
    seconds.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
    return String.join(", ", parts);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The folder above the working directory that holds the fraud sample. */
  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SAMPLE))) {
        return dir;
      }
    }
    throw new IllegalArgumentException(
        "cannot find " + SAMPLE + " above " + Path.of("").toAbsolutePath());
  }

  /** The 1, 5 and 15-minute load averages from /proc/loadavg, or "unknown". */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
