package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.monitor.alerts.Alert;
import dev.streamwright.monitor.alerts.AlertCenter;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.ModelNodeReferences;
import dev.streamwright.monitor.drift.live.TapReader;
import dev.streamwright.monitor.drift.live.WindowDrift;
import dev.streamwright.monitor.flink.FlinkRestClient;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.DriftTapSpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.gateway.GatewayRuntime;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import dev.streamwright.runtime.upgrade.StateCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drift, cost and alerts of a deployment on a remote cluster: a pipeline with a Model score node
 * (the sample fraud scorer) deployed through the SQL Gateway of the dev cluster (JobManager,
 * TaskManager and SQL Gateway in child JVMs), watched by a {@link Monitor} over the cluster's REST
 * API only. The drift tap's windows arrive merged into a {@link DriftReport} counting exactly the
 * rows sent, compared with the model card's references; cost and the alert values of both reach an
 * {@link AlertCenter}. Then an upgrade that only changes the drift window keeps the job's state
 * (the Kafka source's offsets) through a savepoint.
 */
@ExtendWith(DevClusterExtension.class)
@Timeout(300)
class RemoteDriftIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path MODELS =
      Path.of("..", "samples", "models").toAbsolutePath().normalize();
  private static final String IN = "remote-drift-in";
  private static final String OUT = "remote-drift-out";
  private static final int FIRST = 60;
  private static final int SECOND = 25;

  @Test
  void driftCostAndAlertsOfARemoteDeploymentAndAnUpgradeOfItsWindowKeepsState(DevCluster cluster)
      throws Exception {
    KAFKA.broker().createTopics(Map.of(IN, 1, OUT, 1));
    RemoteTarget target =
        new RemoteTarget(
            "dev-cluster",
            cluster.gatewayUrl(),
            cluster.restUrl(),
            KAFKA.bootstrapServers(),
            Map.of(),
            List.of(),
            1,
            cluster.folder().savepoints().toUri().toString(),
            Map.of(),
            Map.of());
    Pipeline v1 = pipeline("4s");
    Compilation c1 = compile(v1);
    List<String> tapped =
        c1.result().orElseThrow().driftTaps().get(0).columns().stream()
            .map(DriftTapSpec.Column::name)
            .toList();
    assertThat(tapped).contains("amount", "avg_1min_spend", "fraud_score");

    long started = System.nanoTime();
    try (GatewayRuntime runtime = new GatewayRuntime(target);
        AlertCenter center = new AlertCenter(rules());
        KafkaProducer<String, String> producer = producer()) {
      Deployment d1 = runtime.deploy(c1.result().orElseThrow(), options("remote-drift"));
      String savepoint = null;
      try (Monitor monitor = watch(d1, runtime, v1, c1, center)) {
        // The tap's gauges are found over the cluster's REST API before any row is sent.
        await(monitor::latestDrift, r -> r.column("scored", "amount").isPresent(), "tap found");
        log(started, "deployed, tap gauges found");
        send(producer, 0, FIRST);

        DriftReport report =
            await(
                monitor::latestDrift,
                r -> viewRows(r, "fraud_score") >= FIRST && viewRows(r, "amount") >= FIRST,
                FIRST + " rows in the view");
        log(started, "drift report with every row");
        assertThat(report.problem()).isEmpty();
        for (String column : tapped) {
          ColumnLiveDrift c = report.column("scored", column).orElseThrow();
          assertThat(c.subtasks()).as(column).isEqualTo(1);
          assertThat(c.reference()).as(column + "'s card reference").isPresent();
          WindowDrift view = c.view().orElseThrow();
          assertThat(view.rows()).as(column).isEqualTo(FIRST);
          assertThat(view.missing()).as(column).isZero();
          assertThat(view.drift()).as(column + "'s measures").isPresent();
        }
        NumericProfile amount =
            (NumericProfile)
                report
                    .column("scored", "amount")
                    .orElseThrow()
                    .view()
                    .orElseThrow()
                    .current()
                    .orElseThrow();
        assertThat(amount.mean()).isCloseTo(meanAmount(0, FIRST), within(1e-9));
        // One gauge per column: the tap is one call although two branches read its rows, so the
        // pipeline's planner setting reached the gateway session.
        try (FlinkRestClient rest =
            new FlinkRestClient(runtime.flinkRest().orElseThrow(), Duration.ofSeconds(10))) {
          TapReader reader = new TapReader(d1.jobId());
          assertThat(reader.discover(rest, Instant.now())).isTrue();
          assertThat(reader.gauges()).hasSize(tapped.size());
        }

        // Cost, and the alert values of cost and drift, arrive for the remote deployment.
        DeploymentCost cost =
            await(
                monitor::latestCost,
                x -> x.projectedMonthly().isPresent() && x.recordsRead() > 0,
                "a cost with a projection");
        assertThat(cost.deploymentId()).isEqualTo("remote-drift");
        assertThat(cost.requestedCores()).isEqualTo(1.5);
        assertThat(cost.cost().total()).isPositive();
        awaitFiring(center, SeriesKey.pipeline(Metric.PROJECTED_MONTHLY_COST, d1.id()));
        awaitFiring(center, SeriesKey.pipeline(Metric.DATASET_DRIFT_SHARE, d1.id()));
        awaitFiring(center, SeriesKey.column(Metric.DRIFT_PSI, d1.id(), "scored", "amount"));
        log(started, "cost and alerts");
        savepoint = runtime.stop(d1, true).orElseThrow();
      } finally {
        if (savepoint == null) {
          runtime.stop(d1, false); // the cluster's slot is free for the test JVM's other tests
        }
      }
      log(started, "stopped with a savepoint");

      // An upgrade that only changes the drift window: the same job graph, so state maps.
      Pipeline v2 = pipeline("5s");
      Compilation c2 = compile(v2);
      assertThat(
              new StateCheck(NodeTypeRegistry.load())
                  .check(v1, c1.result().orElseThrow(), v2, c2.result().orElseThrow())
                  .losesState())
          .isFalse();
      Deployment d2 =
          runtime.deploy(
              c2.result().orElseThrow(), options("remote-drift-2").restoringFrom(savepoint));
      try (Monitor monitor = watch(d2, runtime, v2, c2, center)) {
        await(monitor::latestDrift, r -> r.column("scored", "amount").isPresent(), "tap found");
        send(producer, FIRST, SECOND);
        DriftReport report =
            await(
                monitor::latestDrift,
                r -> viewRows(r, "amount") >= SECOND,
                SECOND + " rows in the upgraded job's view");
        WindowDrift view = report.column("scored", "amount").orElseThrow().view().orElseThrow();
        assertThat(view.rows()).isEqualTo(SECOND);
        WindowDrift last = report.column("scored", "amount").orElseThrow().lastWindow().get();
        assertThat(Duration.between(last.start(), last.end())).isEqualTo(Duration.ofSeconds(5));
        // The source resumed at its saved offsets: no row was read twice.
        List<?> written =
            await(
                () -> Optional.of(MonitorIT.readToEnd(KAFKA, OUT, 1)),
                x -> x.size() >= FIRST + SECOND,
                "rows in " + OUT);
        assertThat(written).hasSize(FIRST + SECOND);
        log(started, "upgraded job counted its rows");
      } finally {
        runtime.stop(d2, false);
      }
    }
  }

  /**
   * in (Kafka) -> scored (the fraud scorer, tapped by default) -> out (Kafka) and audit (print):
   * two branches read the tapped rows, so only the pipeline's planner setting, set through the
   * gateway session, keeps the tap one call that counts each row once.
   */
  private static Pipeline pipeline(String window) {
    Node in =
        Node.of(
            "in",
            "kafka-source",
            Map.of(
                "topic",
                IN,
                "groupId",
                "remote-drift",
                "columns",
                List.of(
                    column("amount", "DOUBLE"),
                    column("avg_1min_spend", "DOUBLE"),
                    column("tx_count_1min", "INT"),
                    column("amount_ratio", "FLOAT")),
                "startupMode",
                "earliest-offset"));
    Node scored =
        Node.of("scored", "model-score", Map.of("model", "fraud-scorer/fraud-scorer.onnx"));
    Node scores = Node.of("scores", "filter", Map.of("condition", "fraud_score >= 0"));
    Node out = Node.of("out", "kafka-sink", Map.of("topic", OUT));
    Node high = Node.of("high", "filter", Map.of("condition", "fraud_score > 0.5"));
    Node audit = Node.of("audit", "print-sink", Map.of());
    return new Pipeline(
        "remote-drift",
        "Remote drift",
        "",
        1,
        List.of(),
        List.of(in, scored, scores, out, high, audit),
        List.of(
            Edge.of("in", "scored"),
            Edge.of("scored", "scores"),
            Edge.of("scores", "out"),
            Edge.of("scored", "high"),
            Edge.of("high", "audit")),
        DriftSettings.DEFAULTS.withWindow(window));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  private static Compilation compile(Pipeline p) {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                p,
                Map.of(
                    "kafka.bootstrap.servers",
                    KAFKA.bootstrapServers(),
                    "models.dir",
                    MODELS.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c;
  }

  private static DeployOptions options(String id) {
    return new DeployOptions(null, 1, Duration.ofSeconds(1), Map.of(), "", id);
  }

  /** Always-firing rules on cost, the dataset drift share and amount's PSI: values arrived. */
  private static RuleSet rules() {
    return RuleSet.of(
        Rule.of("remote-cost", Metric.PROJECTED_MONTHLY_COST, "> 0"),
        Rule.of("remote-drift-share", Metric.DATASET_DRIFT_SHARE, ">= 0"),
        Rule.of("remote-psi", Metric.DRIFT_PSI, ">= 0"));
  }

  private static Monitor watch(
      Deployment d, GatewayRuntime runtime, Pipeline p, Compilation c, AlertCenter center) {
    Monitor monitor =
        Monitor.of(
                MonitorTarget.of(d, runtime, p, c),
                MonitorSettings.DEFAULTS.withInterval(Duration.ofMillis(500)))
            .costSettings(
                new CostSettings(EnvironmentProfile.DEFAULT, PricePresets.AWS_US_EAST_1, 1));
    monitor
        .drift()
        .references(
            ModelNodeReferences.of(p, MODELS.toString(), (id, v) -> Map.of(), n -> Map.of()));
    MonitorAlerts.attach(monitor, center);
    return monitor.start();
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /** Rows {@code from} to {@code from + n - 1}: amounts 10.5, 11.5, ... (exact in binary). */
  private static void send(KafkaProducer<String, String> producer, int from, int n)
      throws Exception {
    for (int i = from; i < from + n; i++) {
      double amount = amount(i);
      String row =
          "{\"amount\": "
              + amount
              + ", \"avg_1min_spend\": 20.0, \"tx_count_1min\": 2, \"amount_ratio\": "
              + amount / 20.0
              + "}";
      producer.send(new ProducerRecord<>(IN, row)).get();
    }
  }

  private static double amount(int i) {
    return 10.5 + i;
  }

  private static double meanAmount(int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += amount(i);
    }
    return sum / n;
  }

  private static long viewRows(DriftReport r, String column) {
    return r.column("scored", column)
        .flatMap(ColumnLiveDrift::view)
        .map(WindowDrift::rows)
        .orElse(0L);
  }

  private static void log(long started, String what) {
    System.out.printf(
        "RemoteDriftIT: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  private static void awaitFiring(AlertCenter center, SeriesKey series) throws Exception {
    await(
        () -> center.firing().stream().filter(a -> a.series().equals(series)).findFirst(),
        (Alert a) -> a.state() == Alert.State.FIRING,
        "an alert firing on " + series.describe());
  }

  /** Polls {@code what} until it holds a value satisfying {@code until}, bounded by WAIT. */
  private static <T> T await(Supplier<Optional<T>> what, Predicate<T> until, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Optional<T> last = Optional.empty();
    while (System.nanoTime() - deadline < 0) {
      last = what.get();
      if (last.isPresent() && until.test(last.get())) {
        return last.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not within " + WAIT + ": " + expected + "; last: " + last);
  }
}
