package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The fraud pipeline's sustained rate, Kafka to Flink to Kafka, on this machine. Preloads {@code
 * transactions} on an embedded broker with M events of the sample's generator, then runs the
 * pipeline file bounded at the topic's current end (kafka-source property {@code stopAt =
 * latest-offset}, a fresh consumer group each run, file sinks under target/) until its job is
 * FINISHED: through Streamwright's {@link EmbeddedRuntime} and, side by side in ABBA rounds, the
 * same compiled statements through a plain Flink TableEnvironment on a bare MiniCluster. Also
 * measures the ceiling: a plain KafkaConsumer reading all M records (bytes, then decoded strings).
 *
 * <p>Two times per run: submission to FINISHED (asked by the issue), and submission to the last
 * output record (end offsets of the sink topics polled every 100 ms), which leaves out the end of a
 * bounded job (its final checkpoint) and so is closer to a sustained rate.
 *
 * <p>Arguments, {@code key=value}: {@code events} (1000000), {@code rounds} (2: ABBA pairs, each
 * side once per round), {@code pipeline} (samples/fraud-detection/pipeline.json), {@code scenario}
 * ({@code sample}: the sample's scenario.json; or {@code empty}), {@code bareCheckpoints} (seconds;
 * 0 = Flink's default, none), {@code parallelism} (0: the default, as the sandbox deploys), {@code
 * rate} (2000: the generator's events/s of scenario time; the sample's README runs 50, where fraud
 * alerts are rare), {@code compare} ({@code bare}, or {@code model}: the pipeline with its
 * model-score nodes against the same pipeline without them, both embedded), {@code batch} and
 * {@code inflight} (set every model-score node's batchSize and maxInFlight; its defaults when
 * absent).
 *
 * <p>Run: {@code mvn -o -q -pl runtime/sandbox -am test-compile && mvn -o -q -pl runtime/sandbox
 * -Pbench exec:exec -Dbench.class=FraudThroughputBenchmark -Dbench.args="events=1000000 rounds=2"}
 */
public final class FraudThroughputBenchmark {

  private FraudThroughputBenchmark() {}

  /**
   * One run: seconds to FINISHED, seconds to the last output record, records per sink topic, and
   * the process's CPU seconds meanwhile (steadier than wall time when other processes share the
   * cores).
   */
  private record Run(
      double toFinished, double toLastOutput, Map<String, Long> outputs, double cpuSeconds) {}

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
    long events = Long.parseLong(a.getOrDefault("events", "1000000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
    Path file = FraudSandbox.pipelineFile(a.get("pipeline"));
    boolean sampleScenario = a.getOrDefault("scenario", "sample").equals("sample");
    int bareCheckpoints = Integer.parseInt(a.getOrDefault("bareCheckpoints", "0"));
    int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "0"));
    // compare=model: both sides on the embedded runtime, the pipeline with its model-score nodes
    // against the same pipeline without them (the model issue's overhead target, >= 0.90).
    boolean compareModel = a.getOrDefault("compare", "bare").equals("model");
    double rate = Double.parseDouble(a.getOrDefault("rate", "2000"));
    String sideA = compareModel ? "with model" : "embedded";
    String sideB = compareModel ? "without model" : "bare";

    System.out.printf(
        Locale.ROOT,
        "events=%d rounds=%d rate=%s pipeline=%s scenario=%s bareCheckpoints=%ds parallelism=%s;"
            + " load %s%n",
        events,
        rounds,
        FraudSandbox.fmt(rate),
        file,
        sampleScenario ? "sample" : "empty",
        bareCheckpoints,
        parallelism == 0 ? "default" : String.valueOf(parallelism),
        FraudSandbox.loadAverage());
    Pipeline pipeline =
        withModelSettings(FraudSandbox.read(file), a.get("batch"), a.get("inflight"));
    Scenario scenario = sampleScenario ? FraudSandbox.sampleScenario(file) : Scenario.EMPTY;
    Set<String> sinkTopics = FraudSandbox.sinkTopics(pipeline);
    Path work = FraudSandbox.workDir("sw-fraud-tp");
    List<Double> embedded = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> embeddedOut = new ArrayList<>();
    List<Double> bareOut = new ArrayList<>();
    List<Double> embeddedCpu = new ArrayList<>();
    List<Double> bareCpu = new ArrayList<>();
    List<Double> ceilings = new ArrayList<>();
    KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"));
    MiniCluster cluster = null;
    EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("embedded"));
    try (Admin admin = broker.admin()) {
      String bootstrap = broker.bootstrapServers();
      FraudSandbox.createTopics(broker, pipeline);
      double preload = FraudSandbox.preload(bootstrap, events, scenario, rate);
      long total =
          FraudSandbox.endOffsets(admin, Set.of(FraudTransactions.TOPIC))
              .get(FraudTransactions.TOPIC);
      System.out.printf(
          Locale.ROOT,
          "preloaded %d records in %.1f s (%s ev/s produced)%n",
          total,
          preload,
          FraudSandbox.fmt(total / preload));

      ceilings.add(ceiling(bootstrap, total, false));
      ceiling(bootstrap, total, true);

      runtime.start();
      cluster = RuntimeOverheadBenchmark.startBareCluster(work.resolve("bare"));
      int[] seq = {0};
      Runner emb =
          () ->
              runEmbedded(
                  runtime, pipeline, bootstrap, work, admin, sinkTopics, ++seq[0], parallelism);
      MiniCluster bareCluster = cluster;
      Pipeline noModel = compareModel ? withoutModelNodes(pipeline, bootstrap) : null;
      Runner plain =
          compareModel
              ? () ->
                  runEmbedded(
                      runtime, noModel, bootstrap, work, admin, sinkTopics, ++seq[0], parallelism)
              : () ->
                  runBare(
                      bareCluster,
                      pipeline,
                      bootstrap,
                      work,
                      admin,
                      sinkTopics,
                      ++seq[0],
                      bareCheckpoints,
                      parallelism);

      // Warm-up: planner class loading and JIT of the operators on each side, one full run each.
      Run w1 = emb.run();
      System.out.printf(Locale.ROOT, "warm-up %s: %s%n", sideA, describe(w1, total));
      Run w2 = plain.run();
      System.out.printf(Locale.ROOT, "warm-up %s: %s%n", sideB, describe(w2, total));
      for (int r = 0; r < rounds; r++) {
        // ABBA: a slow stretch of the shared machine does not always hit the same side.
        boolean embeddedFirst = r % 2 == 0;
        Run x = embeddedFirst ? emb.run() : plain.run();
        Run y = embeddedFirst ? plain.run() : emb.run();
        Run e = embeddedFirst ? x : y;
        Run b = embeddedFirst ? y : x;
        embedded.add(total / e.toFinished);
        bare.add(total / b.toFinished);
        embeddedOut.add(total / e.toLastOutput);
        bareOut.add(total / b.toLastOutput);
        embeddedCpu.add(e.cpuSeconds);
        bareCpu.add(b.cpuSeconds);
        System.out.printf(
            Locale.ROOT,
            "round %d (%s first): %s %s | %s %s | load %s%n",
            r + 1,
            embeddedFirst ? sideA : sideB,
            sideA,
            describe(e, total),
            sideB,
            describe(b, total),
            FraudSandbox.loadAverage());
      }
      ceilings.add(ceiling(bootstrap, total, false));
      ceiling(bootstrap, total, true);

      double me = FraudSandbox.median(embedded);
      double mb = FraudSandbox.median(bare);
      double meo = FraudSandbox.median(embeddedOut);
      double mbo = FraudSandbox.median(bareOut);
      System.out.printf(
          Locale.ROOT,
          "RESULT events=%d rounds=%d | to FINISHED: %s %s ev/s, %s %s ev/s, ratio %.3f"
              + " | to last output: %s %s ev/s, %s %s ev/s, ratio %.3f"
              + " | raw consume ceiling %s ev/s (best of %d) | load %s%n",
          total,
          rounds,
          sideA,
          FraudSandbox.fmt(me),
          sideB,
          FraudSandbox.fmt(mb),
          me / mb,
          sideA,
          FraudSandbox.fmt(meo),
          sideB,
          FraudSandbox.fmt(mbo),
          meo / mbo,
          FraudSandbox.fmt(ceilings.stream().mapToDouble(Double::doubleValue).max().orElse(0)),
          ceilings.size(),
          FraudSandbox.loadAverage());
      double ce = FraudSandbox.median(embeddedCpu);
      double cb = FraudSandbox.median(bareCpu);
      System.out.printf(
          Locale.ROOT,
          "RESULT CPU (process, median): %s %.1f s = %.1f us/event, %s %.1f s = %.1f us/event,"
              + " ratio %s/%s %.3f (the rate ratio when CPU-bound)%n",
          sideA,
          ce,
          ce * 1e6 / total,
          sideB,
          cb,
          cb * 1e6 / total,
          sideB,
          sideA,
          cb / ce);
    } finally {
      runtime.close();
      if (cluster != null) {
        cluster.close();
      }
      broker.close();
      FraudSandbox.deleteTree(work);
    }
  }

  /** The pipeline with every model-score node's batchSize and maxInFlight set, where given. */
  static Pipeline withModelSettings(Pipeline pipeline, String batch, String inFlight) {
    Pipeline p = pipeline;
    for (dev.streamwright.runtime.model.Node n : pipeline.nodes()) {
      if (!n.type().equals("model-score")) {
        continue;
      }
      dev.streamwright.runtime.model.Node changed = n;
      if (batch != null) {
        changed = changed.withProperty("batchSize", Long.parseLong(batch));
      }
      if (inFlight != null) {
        changed = changed.withProperty("maxInFlight", Long.parseLong(inFlight));
      }
      p = p.withNode(changed);
    }
    if (batch != null || inFlight != null) {
      System.out.println("model-score nodes: batchSize=" + batch + " maxInFlight=" + inFlight);
    }
    return p;
  }

  /**
   * The pipeline without its model-score nodes: each one's input feeds what its scores fed, and
   * whatever then no longer compiles (a filter on the score, a sink of invalid rows) goes too.
   */
  static Pipeline withoutModelNodes(Pipeline pipeline, String bootstrap) {
    Pipeline p = pipeline;
    for (dev.streamwright.runtime.model.Node n : pipeline.nodes()) {
      if (!n.type().equals("model-score")) {
        continue;
      }
      dev.streamwright.runtime.model.Edge in =
          p.edges().stream().filter(e -> e.to().equals(n.id())).findFirst().orElseThrow();
      List<dev.streamwright.runtime.model.Edge> outs =
          p.edges().stream().filter(e -> e.from().equals(n.id())).toList();
      p = p.withoutNode(n.id());
      for (dev.streamwright.runtime.model.Edge e : outs) {
        if (e.fromPort().equals("out")) {
          p =
              p.withEdge(
                  new dev.streamwright.runtime.model.Edge(
                      in.from(), in.fromPort(), e.to(), e.toPort()));
        } else {
          p = p.withoutNode(e.to());
        }
      }
    }
    for (int i = 0; i < 20; i++) {
      var c =
          new dev.streamwright.runtime.compile.PipelineCompiler(
                  dev.streamwright.runtime.compile.NodeTypeRegistry.load())
              .compile(p, java.util.Map.of("kafka.bootstrap.servers", bootstrap));
      List<dev.streamwright.runtime.compile.Problem> problems = new ArrayList<>(c.problems());
      if (c.result().isPresent()) {
        // Expressions naming a dropped column are only found by the planner.
        problems.addAll(
            new dev.streamwright.runtime.validate.PlannerValidator().validate(p, c.result().get()));
      }
      var broken =
          problems.stream()
              .filter(dev.streamwright.runtime.compile.Problem::isError)
              .map(dev.streamwright.runtime.compile.Problem::nodeId)
              .filter(java.util.Objects::nonNull)
              .distinct()
              .toList();
      if (broken.isEmpty()) {
        System.out.println("without model nodes: " + p.nodes().size() + " nodes");
        return p;
      }
      for (String id : broken) {
        p = p.withoutNode(id);
      }
    }
    throw new IllegalStateException("the pipeline does not compile without its model nodes");
  }

  @FunctionalInterface
  private interface Runner {
    Run run() throws Exception;
  }

  private static String describe(Run r, long total) {
    return String.format(
        Locale.ROOT,
        "%.1f s to FINISHED (%s ev/s), %.1f s to last output (%s ev/s), CPU %.1f s, out %s",
        r.toFinished,
        FraudSandbox.fmt(total / r.toFinished),
        r.toLastOutput,
        FraudSandbox.fmt(total / r.toLastOutput),
        r.cpuSeconds,
        r.outputs);
  }

  private static Run runEmbedded(
      EmbeddedRuntime runtime,
      Pipeline pipeline,
      String bootstrap,
      Path work,
      Admin admin,
      Set<String> sinkTopics,
      int n,
      int parallelism)
      throws Exception {
    CompiledPipeline compiled = compiledFor(pipeline, bootstrap, work, "embedded", n);
    try (OutputWatch watch = new OutputWatch(admin, sinkTopics);
        JobProbe probe = JobProbe.start()) {
      long start = System.nanoTime();
      watch.start(start);
      Deployment d =
          runtime.deploy(
              compiled,
              parallelism > 0
                  ? DeployOptions.defaults().withParallelism(parallelism)
                  : DeployOptions.defaults());
      DeploymentStatus s = runtime.awaitTermination(d, Duration.ofMinutes(4));
      long end = System.nanoTime();
      if (s.phase() != DeploymentStatus.Phase.FINISHED) {
        throw new IllegalStateException("embedded run " + n + " ended " + s);
      }
      probe.close();
      Run run =
          new Run(
              (end - start) / 1e9,
              watch.lastChangeSeconds(),
              watch.outputs(),
              probe.processCpuSeconds());
      System.out.print("  embedded run " + n + " threads by CPU:\n" + probe.report(8));
      System.out.print(
          "  embedded run "
              + n
              + " job vertices:\n"
              + JobProbe.vertices(runtime.restAddress().orElseThrow(), d.jobId()));
      return run;
    } finally {
      FraudSandbox.deleteTree(work.resolve("files-" + n));
    }
  }

  private static Run runBare(
      MiniCluster cluster,
      Pipeline pipeline,
      String bootstrap,
      Path work,
      Admin admin,
      Set<String> sinkTopics,
      int n,
      int checkpointSeconds,
      int parallelism)
      throws Exception {
    CompiledPipeline compiled = compiledFor(pipeline, bootstrap, work, "bare", n);
    try (OutputWatch watch = new OutputWatch(admin, sinkTopics);
        JobProbe probe = JobProbe.start()) {
      long start = System.nanoTime();
      watch.start(start);
      URI rest = cluster.getRestAddress().get();
      Configuration conf = new Configuration();
      conf.set(DeploymentOptions.TARGET, "remote");
      conf.set(RestOptions.ADDRESS, rest.getHost());
      conf.set(RestOptions.PORT, rest.getPort());
      if (checkpointSeconds > 0) {
        // As the embedded runtime: file storage (Flink's default keeps snapshots in the
        // JobManager's memory and refuses this job's ~30 MB state, so every checkpoint fails).
        conf.set(
            CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(checkpointSeconds));
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
            CheckpointingOptions.CHECKPOINTS_DIRECTORY,
            work.resolve("bare-checkpoints-" + n).toUri().toString());
      }
      StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
      if (parallelism > 0) {
        env.setParallelism(parallelism);
      }
      StreamTableEnvironment tEnv =
          StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
      for (SqlStatement s : compiled.statements()) {
        tEnv.executeSql(s.sql());
      }
      StatementSet set = tEnv.createStatementSet();
      for (SqlStatement s : compiled.inserts()) {
        set.addInsertSql(s.sql());
      }
      TableResult result = set.execute();
      result.await(4, TimeUnit.MINUTES);
      long end = System.nanoTime();
      probe.close();
      Run run =
          new Run(
              (end - start) / 1e9,
              watch.lastChangeSeconds(),
              watch.outputs(),
              probe.processCpuSeconds());
      System.out.print("  bare run " + n + " threads by CPU:\n" + probe.report(8));
      String jobId = result.getJobClient().orElseThrow().getJobID().toHexString();
      System.out.print("  bare run " + n + " job vertices:\n" + JobProbe.vertices(rest, jobId));
      return run;
    } finally {
      FraudSandbox.deleteTree(work.resolve("files-" + n));
      FraudSandbox.deleteTree(work.resolve("bare-checkpoints-" + n));
    }
  }

  private static CompiledPipeline compiledFor(
      Pipeline pipeline, String bootstrap, Path work, String side, int n) {
    Pipeline p =
        FraudSandbox.forRun(
            pipeline, "bench-" + side + "-" + n, true, work.resolve("files-" + n), null);
    return FraudSandbox.compile(p, bootstrap);
  }

  /**
   * Events/s of a KafkaConsumer reading all {@code total} records of {@code transactions} from the
   * beginning, with the client's default fetch settings (as Flink's source uses them): byte arrays
   * only, or also decoded to strings.
   */
  static double ceiling(String bootstrap, long total, boolean decode) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long start = System.nanoTime();
    long count = 0;
    long chars = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 0; i < FraudSandbox.PARTITIONS; i++) {
        parts.add(new TopicPartition(FraudTransactions.TOPIC, i));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (count < total && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> r : records) {
          count++;
          if (decode) {
            chars += new String(r.value(), StandardCharsets.UTF_8).length();
            if (r.key() != null) {
              chars += new String(r.key(), StandardCharsets.UTF_8).length();
            }
          } else {
            chars += r.serializedValueSize();
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (count < total) {
      throw new IllegalStateException("raw consumer read only " + count + " of " + total);
    }
    double rate = count / seconds;
    System.out.printf(
        Locale.ROOT,
        "raw consume (%s): %d records in %.2f s = %s ev/s (%d %s)%n",
        decode ? "decoded to strings" : "byte arrays",
        count,
        seconds,
        FraudSandbox.fmt(rate),
        chars,
        decode ? "chars" : "value bytes");
    return rate;
  }

  /**
   * Polls the sink topics' end offsets every 100 ms and remembers when they last grew: the time the
   * job wrote its last output record, to within the poll interval.
   */
  private static final class OutputWatch implements AutoCloseable {
    private final Admin admin;
    private final Set<String> topics;
    private final Map<String, Long> before;
    private final AtomicLong lastChange = new AtomicLong();
    private volatile Map<String, Long> latest;
    private volatile boolean running = true;
    private Thread thread;
    private long start;

    OutputWatch(Admin admin, Set<String> topics) throws Exception {
      this.admin = admin;
      this.topics = topics;
      this.before = FraudSandbox.endOffsets(admin, topics);
      this.latest = before;
    }

    void start(long startNanos) {
      start = startNanos;
      lastChange.set(startNanos);
      thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    Map<String, Long> now = FraudSandbox.endOffsets(admin, topics);
                    if (!now.equals(latest)) {
                      latest = now;
                      lastChange.set(System.nanoTime());
                    }
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    // A slow admin call on a busy machine: try again on the next tick.
                  }
                }
              },
              "bench-output-watch");
      thread.setDaemon(true);
      thread.start();
    }

    double lastChangeSeconds() throws Exception {
      Map<String, Long> end = FraudSandbox.endOffsets(admin, topics);
      if (!end.equals(latest)) {
        // Grew after the last poll: the job's end is the best bound we have.
        latest = end;
        lastChange.set(System.nanoTime());
      }
      return (lastChange.get() - start) / 1e9;
    }

    Map<String, Long> outputs() {
      Map<String, Long> out = new java.util.TreeMap<>();
      latest.forEach((t, v) -> out.put(t, v - before.getOrDefault(t, 0L)));
      return out;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      if (thread != null) {
        thread.interrupt();
        thread.join();
      }
    }
  }
}
