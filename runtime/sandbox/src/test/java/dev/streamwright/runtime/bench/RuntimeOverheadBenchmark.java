package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Measures what Streamwright's embedded runtime costs over plain Flink: the same bounded SQL job
 * (datagen, a filter and a projection, into a blackhole) run through {@link EmbeddedRuntime} and
 * directly through a Flink TableEnvironment on a bare MiniCluster, alternating A/B in one JVM so
 * machine noise hits both alike. Prints events/s per round, the medians and their ratio.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl runtime/sandbox -Pbench exec:exec
 * -Dbench.class=RuntimeOverheadBenchmark -Dbench.args="10000000 3"}
 */
public final class RuntimeOverheadBenchmark {

  private RuntimeOverheadBenchmark() {}

  /**
   * Random fields only: a {@code sequence} field makes datagen hold every value it has yet to emit
   * in its checkpointed state, so with checkpoints on (as the runtime has them) each checkpoint
   * would copy millions of longs and the benchmark would measure that instead.
   */
  static List<String> setup(long rows) {
    return List.of(
        "CREATE TEMPORARY TABLE `events` (`id` BIGINT, `amount` DOUBLE, `user_num` INT)"
            + " WITH ('connector' = 'datagen', 'number-of-rows' = '"
            + rows
            + "', 'rows-per-second' = '1000000000',"
            + " 'fields.id.min' = '1', 'fields.id.max' = '1000000000',"
            + " 'fields.amount.min' = '0', 'fields.amount.max' = '1000',"
            + " 'fields.user_num.min' = '1', 'fields.user_num.max' = '1000')",
        "CREATE TEMPORARY VIEW `big` AS SELECT `id`, `amount` * 1.1 AS `amount_eur`,"
            + " `user_num` FROM `events` WHERE `amount` > 100",
        "CREATE TEMPORARY TABLE `sink` (`id` BIGINT, `amount_eur` DOUBLE, `user_num` INT)"
            + " WITH ('connector' = 'blackhole')");
  }

  static final String INSERT = "INSERT INTO `sink` SELECT * FROM `big`";

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sw-bench");
    List<Double> embedded = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    MiniCluster cluster = startBareCluster(work.resolve("bare"));
    try (EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("embedded"))) {
      CompiledPipeline compiled = compiled(rows);
      // Warm both paths with a full-size run each (planner class loading, JIT of the operators)
      // before measuring: the first runs in a JVM are 2-3x slower and would decide the ratio.
      runEmbedded(runtime, compiled);
      runBare(cluster, rows);
      for (int r = 0; r < rounds; r++) {
        // ABBA order, so a slow stretch of the shared machine does not always hit the same side.
        boolean embeddedFirst = r % 2 == 0;
        double a;
        double b;
        if (embeddedFirst) {
          a = rows / runEmbedded(runtime, compiled);
          b = rows / runBare(cluster, rows);
        } else {
          b = rows / runBare(cluster, rows);
          a = rows / runEmbedded(runtime, compiled);
        }
        embedded.add(a);
        bare.add(b);
        System.out.printf(
            Locale.ROOT, "round %d: embedded %.0f ev/s, bare %.0f ev/s%n", r + 1, a, b);
      }
    } finally {
      cluster.close();
      deleteTree(work);
    }
    double ma = median(embedded);
    double mb = median(bare);
    System.out.printf(
        Locale.ROOT,
        "rows=%d rounds=%d median embedded=%.0f ev/s bare=%.0f ev/s ratio=%.3f%n",
        rows,
        rounds,
        ma,
        mb,
        ma / mb);
  }

  static CompiledPipeline compiled(long rows) {
    List<SqlStatement> statements = new ArrayList<>();
    for (String s : setup(rows)) {
      statements.add(new SqlStatement("bench", SqlStatement.Kind.DDL, s));
    }
    return new CompiledPipeline(
        "bench",
        "bench",
        1,
        statements,
        List.of(new SqlStatement("sink", SqlStatement.Kind.INSERT, INSERT)),
        List.of(),
        Map.of());
  }

  /** Seconds from submission to the job's end, through the Streamwright runtime. */
  static double runEmbedded(EmbeddedRuntime runtime, CompiledPipeline compiled) throws Exception {
    long start = System.nanoTime();
    Deployment d = runtime.deploy(compiled, DeployOptions.defaults().withParallelism(1));
    DeploymentStatus s = runtime.awaitTermination(d, Duration.ofMinutes(10));
    if (s.phase() != DeploymentStatus.Phase.FINISHED) {
      throw new IllegalStateException("embedded run ended " + s);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds from submission to the job's end, straight through Flink's Table API. */
  static double runBare(MiniCluster cluster, long rows) throws Exception {
    long start = System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(DeploymentOptions.TARGET, "remote");
    conf.set(RestOptions.ADDRESS, cluster.getRestAddress().get().getHost());
    conf.set(RestOptions.PORT, cluster.getRestAddress().get().getPort());
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    env.setParallelism(1);
    StreamTableEnvironment tEnv =
        StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    for (String s : setup(rows)) {
      tEnv.executeSql(s);
    }
    tEnv.executeSql(INSERT).await();
    return (System.nanoTime() - start) / 1e9;
  }

  static MiniCluster startBareCluster(Path dir) throws Exception {
    Files.createDirectories(dir);
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.PORT, 0);
    conf.set(org.apache.flink.configuration.CoreOptions.TMP_DIRS, dir.toString());
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(EmbeddedRuntime.DEFAULT_SLOTS)
                .build());
    cluster.start();
    return cluster;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
