package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.devcluster.ClusterClasspath;
import dev.streamwright.runtime.devcluster.ClusterProcess.Role;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults of the cluster itself, on a dev cluster of their own that lacks the Kafka SQL connector
 * and the onnx model provider (as many users' clusters do) and notices a lost TaskManager or
 * JobManager within seconds: a killed TaskManager (the job restarts on a new one, and the
 * deployment's details count the restart), a restarted JobManager (the job is gone, said in words,
 * and the deployment resumes from its retained checkpoint on the restarted cluster), and a missing
 * connector or model provider (the deploy names it and the fix, and nothing runs).
 */
class ClusterFaultsIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static DevCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster =
        DevCluster.in(DevClusterExtension.newFolder("faults"))
            .without(ClusterClasspath.Part.KAFKA_CONNECTOR)
            .without(ClusterClasspath.Part.ONNX_PROVIDER)
            // A killed process is noticed after two failed heartbeats (1 s apart); a TaskManager
            // notices a new JobManager after the heartbeat timeout.
            .setting("heartbeat.interval", "1000")
            .setting("heartbeat.timeout", "8000")
            .start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aKilledTaskManagerRestartsTheJobOnANewOneAndDetailsCountTheRestart() throws Exception {
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      Deployment d = runtime.deploy(quickstart(), checkpointingEverySecond("tm-killed"));
      assertThat(runtime.details(d).restarts()).isZero();

      cluster.kill(Role.TASK_MANAGER);
      cluster.relaunch(Role.TASK_MANAGER, WAIT);

      DeploymentDetails after =
          await(() -> runtime.details(d), x -> x.restarts() >= 1 && allRunning(runtime, d));
      System.out.printf(
          "TaskManager killed: restarts %d, job %s%n",
          after.restarts(), runtime.rest().details(d.jobId()).getJobStatus());
      assertThat(after.status().phase()).isEqualTo(Phase.RUNNING);
      assertThat(after.jobId()).isEqualTo(d.jobId());
      assertThat(Clusters.live(runtime, d.id())).hasSize(1);
      runtime.stop(d, false);
    }
  }

  @Test
  void aRestartedJobManagerForgetsTheJobInWordsAndTheResumeFromItsRetainedCheckpointWorks()
      throws Exception {
    RemoteTarget target = Clusters.target(cluster, "");
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      CompiledPipeline pipeline = quickstart();
      Deployment d = runtime.deploy(pipeline, checkpointingEverySecond("jm-restarted"));
      CheckpointInfo retained =
          await(
                  () -> runtime.details(d),
                  x -> x.checkpoint().filter(c -> !c.path().isEmpty()).isPresent())
              .lastCheckpoint();

      cluster.relaunch(Role.JOB_MANAGER, WAIT);

      String gone =
          "Job " + d.jobId() + " of deployment jm-restarted is no longer on cluster 'dev-cluster'";
      DeploymentStatus status = runtime.status(d);
      assertThat(status.phase()).isEqualTo(Phase.STOPPED);
      assertThat(status.message())
          .startsWith(gone)
          .contains("resume it from its last savepoint or retained checkpoint");
      Throwable forgotten = catchThrowable(() -> runtime.details(d));
      assertThat(forgotten)
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith(gone)
          .hasMessageNotContaining("\tat ");
      // The words, not Flink's raw HTTP answer; the job id is random hex and may hold "404" itself.
      assertThat(forgotten.getMessage().replace(d.jobId(), "<job>"))
          .doesNotContain("404", "Not Found", "NotFound");
      assertThat(runtime.jobs()).noneMatch(j -> j.deploymentId().equals(d.id()));

      Deployment resumed =
          runtime.deploy(
              pipeline,
              checkpointingEverySecond("jm-restarted-resumed").restoringFrom(retained.path()));
      assertThat(runtime.details(resumed).restoredFrom()).isEqualTo(retained.path());
      assertThat(Clusters.live(runtime, resumed.id())).hasSize(1);
      assertThat(runtime.status(resumed).phase()).isEqualTo(Phase.RUNNING);
      runtime.stop(resumed, false);
    }
  }

  @Test
  void aClusterWithoutTheKafkaConnectorIsNamedWithTheFixAndTheFixWorks() throws Exception {
    String broker = KAFKA.broker().bootstrapServers();
    KAFKA.broker().createTopics(Map.of("faults-in", 1));
    CompiledPipeline kafka =
        Clusters.compile(kafkaToPrint(), Map.of("kafka.bootstrap.servers", broker));
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, broker))) {
      assertThatThrownBy(
              () -> runtime.deploy(kafka, DeployOptions.defaults().withDeploymentId("no-kafka")))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("node 'in': ")
          .hasMessageContaining("Could not find any factory for identifier 'kafka'")
          .hasMessageContaining("The cluster has no Kafka SQL connector")
          .hasMessageContaining("add the flink-sql-connector-kafka jar")
          .hasMessageContaining("ADD JAR")
          .hasMessageNotContaining("\tat ");
      assertThat(Clusters.live(runtime, "no-kafka")).isEmpty();
    }

    // The fix the sentence names: the connector jar among the environment's jars.
    RemoteTarget withJar =
        Clusters.target(
            cluster.gatewayUrl(),
            cluster.restUrl(),
            broker,
            List.of(jarOnClassPath("flink-sql-connector-kafka")),
            Clusters.savepoints(cluster));
    try (GatewayRuntime runtime = new GatewayRuntime(withJar)) {
      Deployment d = runtime.deploy(kafka, DeployOptions.defaults().withDeploymentId("add-jar"));
      assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
      runtime.stop(d, false);
    }
  }

  @Test
  void aClusterWithoutTheOnnxProviderIsNamedWithTheFixAndNothingRuns() throws Exception {
    Map<String, String> env = Map.of("models.dir", sampleModels().toString());
    CompiledPipeline scoring = Clusters.compile(scoreToPrint(), env);
    // Without its drift tap the first statement that needs the jar is the model's.
    CompiledPipeline untapped =
        Clusters.compile(
            scoreToPrint()
                .withDrift(
                    dev.streamwright.runtime.model.DriftSettings.DEFAULTS.withEnabled(false)),
            env);
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      assertThatThrownBy(
              () -> runtime.deploy(scoring, DeployOptions.defaults().withDeploymentId("no-onnx")))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("node 'scored': ")
          .hasMessageContaining("cannot load the drift tap's class")
          .hasMessageContaining("The cluster has no onnx model provider")
          .hasMessageContaining("streamwright-onnx-provider.jar")
          .hasMessageNotContaining("\tat ");
      assertThatThrownBy(
              () ->
                  runtime.deploy(untapped, DeployOptions.defaults().withDeploymentId("no-onnx-2")))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("node 'scored': ")
          .hasMessageContaining("ModelProviderFactory")
          .hasMessageContaining("The cluster has no onnx model provider")
          .hasMessageNotContaining("\tat ");
      assertThat(Clusters.live(runtime, "no-onnx")).isEmpty();
      assertThat(Clusters.live(runtime, "no-onnx-2")).isEmpty();
    }
  }

  private static CompiledPipeline quickstart() throws Exception {
    return Clusters.compile(Clusters.quickstartWithPrintSink(), Map.of());
  }

  private static DeployOptions checkpointingEverySecond(String deploymentId) {
    return new DeployOptions(null, 0, Duration.ofSeconds(1), Map.of(), "", deploymentId);
  }

  private static boolean allRunning(GatewayRuntime runtime, Deployment d) {
    try {
      var info = runtime.rest().details(d.jobId());
      return info.getJobVertexInfos().stream()
          .allMatch(
              v ->
                  v.getTasksPerState()
                          .getOrDefault(
                              org.apache.flink.runtime.execution.ExecutionState.RUNNING, 0)
                      == v.getParallelism());
    } catch (Exception e) {
      return false;
    }
  }

  private static <T> T await(Callable<T> what, Predicate<T> until) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    T last = null;
    Exception error = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        last = what.call();
        error = null;
        if (until.test(last)) {
          return last;
        }
      } catch (RuntimeFailure e) {
        error = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not within " + WAIT + "; last: " + last, error);
  }

  private static Pipeline kafkaToPrint() {
    Node in =
        Node.of(
            "in",
            "kafka-source",
            Map.of(
                "topic",
                "faults-in",
                "columns",
                List.of(Map.of("name", "user_id", "type", "STRING")),
                "startupMode",
                "earliest-offset"));
    Node out = Node.of("out", "print-sink", Map.of());
    return new Pipeline(
        "kafka-to-print",
        "kafka-to-print",
        "",
        1,
        List.of(),
        List.of(in, out),
        List.of(Edge.of("in", "out")));
  }

  private static Pipeline scoreToPrint() {
    Node features =
        Node.of(
            "features",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    column("amount", "DOUBLE"),
                    column("avg_1min_spend", "DOUBLE"),
                    column("tx_count_1min", "INT"),
                    column("amount_ratio", "FLOAT")),
                "rowsPerSecond",
                5L));
    Node scored =
        Node.of("scored", "model-score", Map.of("model", "fraud-scorer/fraud-scorer.onnx"));
    Node out = Node.of("out", "print-sink", Map.of());
    return new Pipeline(
        "score-to-print",
        "score-to-print",
        "",
        1,
        List.of(),
        List.of(features, scored, out),
        List.of(Edge.of("features", "scored"), Edge.of("scored", "out")));
  }

  private static Path sampleModels() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (p.resolve("samples/models/fraud-scorer").toFile().isDirectory()) {
        return p.resolve("samples/models");
      }
    }
    throw new AssertionError("samples/models not found");
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  /** The absolute path of a jar of this JVM's class path, by its artifact id. */
  private static String jarOnClassPath(String artifactId) {
    for (Path entry : ClusterClasspath.ofCurrentJvm()) {
      String name = entry.getFileName().toString();
      if (name.startsWith(artifactId + "-") && name.endsWith(".jar")) {
        return entry.toString();
      }
    }
    throw new AssertionError(artifactId + " is not on the test class path");
  }
}
