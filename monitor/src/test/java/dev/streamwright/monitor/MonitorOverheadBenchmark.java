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
 * round) run in ABBA rounds, A watched by a {@link Monitor}, B not watched. Reports events/s (N /
 * deploy to job end) and process CPU per event, their medians and the ratios monitored over
 * unmonitored (the CPU one inverted, so that >= 0.97 is good), and where the CPU went ({@link
 * CpuBreakdown}: by part of the process, by thread, garbage collection, bytes allocated).
 *
 * <p>Arguments: {@code [events] [rounds] [variants] [poll seconds]}, default 100000, 4, full and 1.
 * Variants, comma-separated, each run in its own ABBA pairs: {@code full} (as the studio watches),
 * or the monitor without one of its parts: {@code nolatency} (sink latency probes), {@code nolag}
 * (consumer lag), {@code noflink} (Flink's REST API), {@code nohealth} (the model nodes' health),
 * {@code bare} (only the deployment's status). Run with the monitor module's {@code bench} profile:
 * {@code -Dbench.class=MonitorOverheadBenchmark -Dbench.args="100000 8 full 5"}.
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

  /** What a monitored round watches: all, or the monitor with one of its parts switched off. */
  enum Variant {
    /** Not watched. */
    OFF,
    /** Lag, Flink REST, model health and the sink latency probes, as the studio builds it. */
    FULL,
    /** Without the sink latency probes. */
    NOLATENCY,
    /** Without the consumer groups' lag (offsets and commit timestamps). */
    NOLAG,
    /** Without Flink's REST API (job, vertices, checkpoints, model health). */
    NOFLINK,
    /** Without the model nodes' health (the runtime reads it through Flink's REST API too). */
    NOHEALTH,
    /** Only the deployment's status: the poll loop's own cost. */
    BARE;

    static Variant parse(String s) {
      return s.equals("latency") ? FULL : valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  private MonitorOverheadBenchmark() {}

  /** One measured run of the pipeline. */
  private record Round(
      int index,
      Variant variant,
      double seconds,
      double cpuSeconds,
      long scored,
      int polls,
      CpuBreakdown.Result breakdown,
      String load,
      java.time.Instant start,
      java.time.Instant end) {

    boolean monitored() {
      return variant != Variant.OFF;
    }

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
    // Monitored variants, comma-separated: full (or latency), nolatency, nolag, noflink, bare.
    List<Variant> variants = new ArrayList<>();
    for (String v : (args.length > 2 ? args[2] : "full").split(",")) {
      variants.add(Variant.parse(v.strip()));
    }
    // The poll interval in seconds (default 1, to make the monitor's cost visible; 5 is the
    // studio's and the CLI's default).
    if (args.length > 3) {
      EVERY_SECOND =
          MonitorSettings.DEFAULTS.withInterval(Duration.ofSeconds(Long.parseLong(args[3])));
    }
    // Warm-up pairs (monitored, unmonitored) before the measured rounds: the JIT compiles the
    // monitor's code, and the code that serves it, over several monitored rounds.
    int warmUpPairs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
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
        "MonitorOverheadBenchmark: %,d events, %d rounds per variant %s (ABBA against unmonitored"
            + " rounds, polling every %d s, %d warm-up pairs), load %s, %s UTC%n",
        events,
        rounds,
        variants,
        EVERY_SECOND.interval().toSeconds(),
        warmUpPairs,
        loadAverage(),
        LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0, false);
        EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("embedded"))) {
      String bootstrap = broker.bootstrapServers();
      createTopics(broker, sample);
      double preload =
          preload(bootstrap, events, root.resolve(SAMPLE).resolveSibling("scenario.json"));
      System.out.printf(Locale.ROOT, "preloaded %,d events in %.1f s%n", events, preload);
      // Warm-up, one run per side, not counted: the cluster, the planner, the model, the monitor's
      // clients; the first measured rounds were still ~20% dearer in CPU after a single one.
      List<Variant> warmUps = new ArrayList<>();
      for (int w = 0; w < warmUpPairs; w++) {
        warmUps.addAll(List.of(variants.get(0), Variant.OFF));
      }
      for (Variant w : warmUps) {
        Round warm = run(runtime, broker, sample, root, work, -measured.size() - 1, w, os);
        System.out.printf(
            Locale.ROOT,
            "warm-up: %.0f ev/s, %.1f s%n",
            warm.eventsPerSecond(events),
            warm.seconds);
      }
      int index = 0;
      for (int pair = 0; pair < (rounds + 1) / 2; pair++) {
        for (Variant v : variants) {
          // ABBA: monitored then unmonitored, then unmonitored then monitored, ...
          for (Variant side : pair % 2 == 0 ? List.of(v, Variant.OFF) : List.of(Variant.OFF, v)) {
            Round r = run(runtime, broker, sample, root, work, ++index, side, os);
            measured.add(r);
            System.out.printf(
                Locale.ROOT,
                "round %d %-9s %8.0f ev/s  %5.1f s  CPU %5.1f s = %5.1f us/event  scored %,d"
                    + "  polls %d  GC %d (%d ms)  by part %s  load %s  (%s to %s)%n",
                index,
                r.variant.name().toLowerCase(Locale.ROOT),
                r.eventsPerSecond(events),
                r.seconds,
                r.cpuSeconds,
                r.cpuMicrosPerEvent(events),
                r.scored,
                r.polls,
                r.breakdown.gcCount(),
                r.breakdown.gcMillis(),
                format(r.breakdown.cpuByPart()),
                r.load,
                r.start,
                r.end);
          }
        }
      }
    } finally {
      deleteTree(work);
    }
    for (Variant v : variants) {
      report(measured, v, events);
    }
  }

  /** Deploys the pipeline once, watched as the variant says, and measures it to job end. */
  private static Round run(
      EmbeddedRuntime runtime,
      KafkaBroker broker,
      Pipeline sample,
      Path root,
      Path work,
      int index,
      Variant variant,
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
    CpuBreakdown breakdown = CpuBreakdown.start();
    long cpu0 = os.getProcessCpuTime();
    java.time.Instant started = java.time.Instant.now();
    long t0 = System.nanoTime();
    Deployment d = runtime.deploy(c.result().get(), DeployOptions.defaults());
    Monitor monitor =
        variant != Variant.OFF
            ? Monitor.of(target(MonitorTarget.of(d, runtime, pipeline, c), variant), EVERY_SECOND)
                .onSnapshot((MonitorSnapshot s) -> polls.incrementAndGet())
                .start()
            : null;
    DeploymentStatus status;
    long t1;
    long cpu1;
    CpuBreakdown.Result parts;
    try {
      status = runtime.awaitTermination(d, JOB_TIMEOUT);
      t1 = System.nanoTime();
      cpu1 = os.getProcessCpuTime();
      parts = breakdown.stop();
    } finally {
      breakdown.close();
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
    double cpuSeconds = (cpu1 - cpu0) / 1e9;
    double accounted = parts.cpuByPart().values().stream().mapToDouble(Double::doubleValue).sum();
    parts.cpuByPart().put("unaccounted", cpuSeconds - accounted);
    return new Round(
        index,
        variant,
        (t1 - t0) / 1e9,
        cpuSeconds,
        scored,
        polls.get(),
        parts,
        loadAverage(),
        started,
        java.time.Instant.now());
  }

  /** The target as the studio builds it, or with one of the monitor's parts switched off. */
  private static MonitorTarget target(MonitorTarget t, Variant variant) {
    boolean flink =
        variant != Variant.NOFLINK && variant != Variant.BARE && variant != Variant.NOHEALTH;
    boolean lag = variant != Variant.NOLAG && variant != Variant.BARE;
    boolean latency = variant != Variant.NOLATENCY && variant != Variant.BARE;
    return new MonitorTarget(
        t.deployment(),
        flink ? t.runtime() : new WithoutFlinkRest(t.runtime(), variant == Variant.NOHEALTH),
        t.pipeline(),
        t.tables(),
        lag ? t.lagTargets() : List.of(),
        latency ? t.latencyTargets() : List.of(),
        t.kafka());
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

  /** The variant's rounds against the unmonitored rounds paired with them. */
  private static void report(List<Round> all, Variant variant, long events) {
    List<Round> on = new ArrayList<>();
    List<Round> off = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < all.size(); i += 2) {
      Round x = all.get(i);
      Round y = all.get(i + 1);
      Round a = x.monitored() ? x : y;
      Round b = x.monitored() ? y : x;
      if (a.variant != variant) {
        continue;
      }
      on.add(a);
      off.add(b);
      pairs.add(
          String.format(
              Locale.ROOT,
              "%.3f/%.3f",
              a.eventsPerSecond(events) / b.eventsPerSecond(events),
              b.cpuMicrosPerEvent(events) / a.cpuMicrosPerEvent(events)));
    }
    if (on.isEmpty()) {
      System.out.println("need at least 2 rounds for a ratio");
      return;
    }
    double rateOn = median(on.stream().map(r -> r.eventsPerSecond(events)).toList());
    double rateOff = median(off.stream().map(r -> r.eventsPerSecond(events)).toList());
    double cpuOn = median(on.stream().map(r -> r.cpuMicrosPerEvent(events)).toList());
    double cpuOff = median(off.stream().map(r -> r.cpuMicrosPerEvent(events)).toList());
    System.out.printf(
        Locale.ROOT,
        "%n== %s, polling every %d s: medians monitored %.0f ev/s, %.2f us CPU/event; unmonitored"
            + " %.0f ev/s, %.2f us CPU/event%n",
        variant.name().toLowerCase(Locale.ROOT),
        EVERY_SECOND.interval().toSeconds(),
        rateOn,
        cpuOn,
        rateOff,
        cpuOff);
    System.out.printf(
        Locale.ROOT,
        "ratio monitored/unmonitored: events/s %.3f, CPU per event (unmonitored/monitored) %.3f"
            + " (target >= 0.97); per pair (events/s / CPU): %s; load at end %s (%s UTC)%n",
        rateOn / rateOff,
        cpuOff / cpuOn,
        String.join(" ", pairs),
        loadAverage(),
        LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    System.out.printf(
        Locale.ROOT,
        "GC per round (medians): monitored %.0f collections, %.0f ms; unmonitored %.0f, %.0f ms%n",
        median(on.stream().map(r -> (double) r.breakdown.gcCount()).toList()),
        median(on.stream().map(r -> (double) r.breakdown.gcMillis()).toList()),
        median(off.stream().map(r -> (double) r.breakdown.gcCount()).toList()),
        median(off.stream().map(r -> (double) r.breakdown.gcMillis()).toList()));
    List<CpuBreakdown.Result> a = on.stream().map(Round::breakdown).toList();
    List<CpuBreakdown.Result> b = off.stream().map(Round::breakdown).toList();
    CpuBreakdown.table("CPU s per round by part", a, b, CpuBreakdown.Result::cpuByPart, 0.0);
    CpuBreakdown.table(
        "MB allocated per round by part", a, b, CpuBreakdown.Result::allocMbByPart, 0.0);
    CpuBreakdown.table(
        "CPU s per round by thread (difference >= 0.05 s or mean >= 0.3 s)",
        a,
        b,
        CpuBreakdown.Result::cpuByName,
        0.05);
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
