package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.flink.FlinkRestClient;
import dev.streamwright.plugin.onnx.tap.CategoricalWindow;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import dev.streamwright.plugin.onnx.tap.TapMetrics;
import dev.streamwright.plugin.onnx.tap.TapWire;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.model.Pipeline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live drift reader against a real Flink MiniCluster job read over its REST API. Until the
 * pipeline's drift tap runs in jobs, the job here is a small map function that registers gauges
 * exactly as the tap does ({@link TapMetrics}: group {@code streamwright}, key {@code drift} = the
 * node id, one gauge per column whose value is the {@link TapWire} text of the last closed window)
 * with windows of one second, in two parallel subtasks whose windows the reader must merge.
 */
@Timeout(180)
class TapReaderIT {

  private static final long WINDOW_MS = 1_000;
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir static Path dir;

  private static MiniCluster cluster;
  private static JobID job;
  private static FlinkRestClient client;

  @BeforeAll
  static void startJob() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofMillis(200));
    conf.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());
    conf.set(WebOptions.TMP_DIR, dir.resolve("web").toString());
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
    cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build());
    cluster.start();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSequence(0, Long.MAX_VALUE)
        .map(new FakeTap())
        .name("Calc")
        .sinkTo(new DiscardingSink<>());
    job = cluster.submitJob(env.getStreamGraph()).get().getJobID();
    client =
        new FlinkRestClient(
            FlinkRestEndpoint.of(cluster.getRestAddress().get()), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      if (job != null) {
        cluster.cancelJob(job).get();
      }
      cluster.close();
    }
  }

  @Test
  void readsAndMergesTheTwoSubtasksGaugesOverRest() throws Exception {
    NumericProfile reference =
        new NumericProfile(
            new double[] {0, 2.5, 10}, new long[] {0, 50, 50, 0}, 0, 2.5, 1, new double[0]);
    LiveDrift live =
        new LiveDrift(
            "dep",
            job.toHexString(),
            DriftReferences.of(
                Map.of("score", Map.of("amount", new LiveReference(reference, "test")))));

    DriftReport report =
        awaitReport(
            live,
            r ->
                r.column("score", "amount")
                        .filter(c -> c.subtasks() == 2 && c.lastWindow().isPresent())
                        .isPresent()
                    && r.column("score", "country").filter(c -> c.subtasks() == 2).isPresent());

    assertThat(report.problem()).isEmpty();
    ColumnLiveDrift amount = report.column("score", "amount").orElseThrow();
    WindowDrift last = amount.lastWindow().orElseThrow();
    // Subtask 0 sends 1, 2, 3 and one missing value, subtask 1 sends 4 and 5.
    assertThat(last.rows()).isEqualTo(6);
    assertThat(last.missing()).isEqualTo(1);
    NumericProfile current = (NumericProfile) last.current().orElseThrow();
    assertThat(current.mean()).isEqualTo(3.0);
    // Bins: under 0, [0, 2.5) holds 1 and 2, [2.5, 10] holds 3, 4 and 5, over 0.
    assertThat(current.counts()).containsExactly(0, 2, 3, 0);
    assertThat(last.drift()).isPresent();
    assertThat(last.end().toEpochMilli() - last.start().toEpochMilli()).isEqualTo(WINDOW_MS);

    ColumnLiveDrift country = report.column("score", "country").orElseThrow();
    assertThat(country.kind()).isEqualTo("categorical");
    assertThat(country.problem()).startsWith("no reference");
    assertThat(country.lastWindow().orElseThrow().rows()).isEqualTo(3);

    // Later windows come in and fill the sliding view.
    DriftReport later =
        awaitReport(
            live,
            r ->
                r.column("score", "amount")
                    .flatMap(ColumnLiveDrift::view)
                    .filter(v -> v.windows() >= 3)
                    .isPresent());
    WindowDrift view = later.column("score", "amount").orElseThrow().view().orElseThrow();
    assertThat(view.rows()).isEqualTo(6L * view.windows());
  }

  @Test
  void aMonitorHandsItsListenersReportsMadeOnItsOwnThread() throws Exception {
    URI rest = cluster.getRestAddress().get();
    PipelineRuntime runtime = new RestOnly(FlinkRestEndpoint.of(rest));
    Pipeline pipeline = Pipeline.empty("tapped");
    MonitorTarget target =
        new MonitorTarget(
            new Deployment(
                "dep-m", "tapped", 1, job.toHexString(), "test", Instant.now(), List.of()),
            runtime,
            pipeline,
            ConnectorTables.of(List.of()),
            List.of(),
            List.of(),
            Optional.empty());
    BlockingQueue<DriftReport> reports = new LinkedBlockingQueue<>();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (Monitor monitor =
        Monitor.of(target, MonitorSettings.DEFAULTS.withInterval(Duration.ofMillis(200)))) {
      monitor
          .onDrift(
              r -> {
                threads.add(Thread.currentThread().getName());
                reports.add(r);
              })
          .start();
      Instant deadline = Instant.now().plus(WAIT);
      DriftReport merged = null;
      while (merged == null && Instant.now().isBefore(deadline)) {
        DriftReport r = reports.poll(1, TimeUnit.SECONDS);
        if (r != null && r.column("score", "amount").filter(c -> c.subtasks() == 2).isPresent()) {
          merged = r;
        }
      }
      assertThat(merged).as("a report with both subtasks within " + WAIT).isNotNull();
      assertThat(merged.deploymentId()).isEqualTo("dep-m");
      assertThat(monitor.latestDrift()).isPresent();
      assertThat(threads).allMatch(t -> t.startsWith("streamwright-monitor-dep-m"));
    }
  }

  /** A runtime that only knows its REST endpoint and says the job runs. */
  private record RestOnly(FlinkRestEndpoint rest) implements PipelineRuntime {
    @Override
    public Optional<FlinkRestEndpoint> flinkRest() {
      return Optional.of(rest);
    }

    @Override
    public String describe() {
      return "a MiniCluster";
    }

    @Override
    public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DeploymentStatus status(Deployment deployment) {
      return DeploymentStatus.of(DeploymentStatus.Phase.RUNNING);
    }

    @Override
    public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> stop(Deployment deployment, boolean savepoint) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultStream results(Deployment deployment, String sinkNodeId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void anUnreachableApiIsTheReportsProblem() throws Exception {
    LiveDrift live = new LiveDrift("dep", job.toHexString(), DriftReferences.NONE);
    try (FlinkRestClient nowhere =
        new FlinkRestClient(
            FlinkRestEndpoint.of(java.net.URI.create("http://127.0.0.1:1")),
            Duration.ofSeconds(2))) {
      Optional<DriftReport> r = live.poll(nowhere, Instant.now());
      assertThat(r).isPresent();
      assertThat(r.get().problem().orElseThrow()).contains("refused the connection");
    }
    // The next poll that reaches Flink clears the problem.
    Optional<DriftReport> back = live.poll(client, Instant.now());
    assertThat(back).isPresent();
    assertThat(back.get().problem()).isEmpty();
  }

  private static DriftReport awaitReport(LiveDrift live, Predicate<DriftReport> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    DriftReport last = null;
    while (Instant.now().isBefore(deadline)) {
      Optional<DriftReport> r = live.poll(client, Instant.now());
      if (r.isPresent()) {
        last = r.get();
        if (done.test(last)) {
          return last;
        }
      }
      Thread.sleep(100); // the monitor's poll interval, shortened
    }
    throw new AssertionError("No drift report as expected within " + WAIT + "; last: " + last);
  }

  /** Registers gauges as the drift tap does; each subtask's windows are fixed values. */
  static final class FakeTap extends RichMapFunction<Long, Long> {

    @Override
    public void open(OpenContext context) {
      int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
      MetricGroup group =
          getRuntimeContext()
              .getMetricGroup()
              .addGroup(TapMetrics.GROUP)
              .addGroup(TapMetrics.TAP_KEY, "score");
      group.gauge("amount", (Gauge<String>) () -> TapWire.encode(numeric(subtask, lastStart())));
      group.gauge(
          "country",
          (Gauge<String>)
              () ->
                  TapWire.encode(
                      new CategoricalWindow(
                          lastStart(),
                          WINDOW_MS,
                          subtask == 0 ? 2 : 1,
                          0,
                          0,
                          subtask == 0 ? Map.of("DE", 2L) : Map.of("FR", 1L))));
    }

    private static long lastStart() {
      return (System.currentTimeMillis() / WINDOW_MS - 1) * WINDOW_MS;
    }

    private static NumericWindow numeric(int subtask, long start) {
      return subtask == 0
          ? new NumericWindow(start, WINDOW_MS, 3, 1, 6, 14, 1, 3, new double[] {1, 2, 3})
          : new NumericWindow(start, WINDOW_MS, 2, 0, 9, 41, 4, 5, new double[] {4, 5});
    }

    @Override
    public Long map(Long value) throws InterruptedException {
      Thread.sleep(5); // a slow source: the job only has to keep running
      return value;
    }
  }
}
