package dev.streamwright.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment service's decisions and what it records, against a scripted cluster: refusals that
 * change nothing, failures recorded in the cluster's words, the savepoint or checkpoint a resume
 * picks, the state check before an upgrade, rollback's version and savepoint, and the reconciling
 * rules of the list. The same operations run on the real dev cluster in DeploymentLifecycleIT.
 */
class DeploymentServiceTest {

  private static final Path QUICKSTART = Path.of("../samples/quickstart/pipeline.json");
  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  @TempDir Path dir;

  private Workspace workspace;
  private final ScriptedRuntime cluster = new ScriptedRuntime();
  private DeploymentService service;

  @BeforeEach
  void open() {
    workspace = Workspace.open(dir, OpenMode.READ_WRITE);
    WorkspaceEnvironments.of(workspace)
        .add(
            RemoteEnvironment.builder("prod")
                .gatewayUrl("http://gw:8083")
                .restUrl("http://jm:8081")
                .kafkaBootstrapServers("kafka:9093")
                .build());
    service = service(Duration.ofSeconds(5));
  }

  private DeploymentService service(Duration timeout) {
    return new DeploymentService(
        workspace,
        env -> {
          if (!env.equals("prod")) {
            throw new DeployException(DeployException.Kind.REFUSED, "no environment " + env);
          }
          return cluster;
        },
        Map.of(),
        TYPES,
        timeout);
  }

  @AfterEach
  void close() {
    service.close();
    workspace.close();
  }

  private static PipelineSource quickstart() throws Exception {
    return PipelineSource.read(QUICKSTART, Map.of());
  }

  /** The quickstart with one property of one node changed. */
  private static PipelineSource changed(String node, String property, Object value)
      throws Exception {
    Pipeline p = quickstart().pipeline();
    Node n = p.node(node).orElseThrow();
    return PipelineSource.of(p.withNode(n.withProperty(property, value)), 0, Map.of());
  }

  private DeploymentRecord record(String id) {
    return WorkspaceDeployments.of(workspace).get(id).orElseThrow();
  }

  @Test
  void aDeployRecordsItsJobAndTheExactPipelineJson() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 2, Progress.NONE);

    DeploymentRecord rec = record(r.deploymentId());
    assertThat(rec.state()).isEqualTo(DeploymentState.RUNNING);
    assertThat(rec.jobId()).isEqualTo(r.jobId());
    assertThat(rec.events())
        .extracting(DeploymentEvent::kind)
        .containsExactly(DeploymentEvent.Kind.DEPLOYED);
    assertThat(WorkspaceDeployments.of(workspace).pipelineJson(rec.id(), 1))
        .isEqualTo(Files.readString(QUICKSTART));
    DeployOptions sent = cluster.deploys.get(0);
    assertThat(sent.deploymentId()).as("the job carries the record's id").isEqualTo(rec.id());
    assertThat(sent.parallelism()).isEqualTo(2);
    assertThat(r.printedPreviews()).containsExactly("preview");
    assertThat(service.find(rec.id().substring(0, 3)).id()).isEqualTo(rec.id());
  }

  @Test
  void aRefusedJobIsRecordedAsFailedInTheClustersWords() throws Exception {
    cluster.deployFailure = "The cluster lacks the Kafka SQL connector: add its jar.";

    assertThatThrownBy(() -> service.deploy(quickstart(), "prod", null, 0, Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class, e -> assertThat(e.kind()).isEqualTo(DeployException.Kind.FAILED))
        .hasMessageContaining("lacks the Kafka SQL connector");

    List<DeploymentRecord> all = WorkspaceDeployments.of(workspace).list();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).state()).isEqualTo(DeploymentState.FAILED);
    assertThat(all.get(0).stateMessage()).contains("Kafka SQL connector");
    assertThat(cluster.jobs).isEmpty();
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsRecorded() throws Exception {
    assertThatThrownBy(() -> service.deploy(quickstart(), "nope", null, 0, Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class,
            e -> assertThat(e.kind()).isEqualTo(DeployException.Kind.REFUSED));
    PipelineSource invalid = changed("clicks_per_user", "size", "banana");
    assertThatThrownBy(() -> service.deploy(invalid, "prod", null, 0, Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DeployException.Kind.INVALID_PIPELINE);
              assertThat(e.problems()).isNotEmpty();
            });
    Path missing = dir.resolve("no-savepoint");
    assertThatThrownBy(
            () -> service.deploy(quickstart(), "prod", missing.toString(), 0, Progress.NONE))
        .hasMessageContaining("there is no savepoint there");
    assertThatThrownBy(
            () -> new RemoteRuntimes(workspace, null, v -> null, Optional::empty).open("embedded"))
        .hasMessageContaining("streamwright run");
    assertThat(WorkspaceDeployments.of(workspace).list()).isEmpty();
    assertThat(cluster.deploys).isEmpty();
  }

  @Test
  void stopWithSavepointRecordsThePath() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);

    StopResult stopped = service.stop(r.deploymentId(), true, false, Progress.NONE);

    assertThat(stopped.savepoint()).isEqualTo("s3://sp/savepoint-" + r.jobId());
    DeploymentRecord rec = record(r.deploymentId());
    assertThat(rec.state()).isEqualTo(DeploymentState.STOPPED);
    assertThat(rec.latestSavepoint().orElseThrow().path()).isEqualTo(stopped.savepoint());
    assertThat(rec.latestSavepoint().orElseThrow().version()).isEqualTo(1);
    assertThat(rec.events().get(rec.events().size() - 1).describe())
        .isEqualTo("stopped with savepoint " + stopped.savepoint() + " (job " + r.jobId() + ")");
    assertThatThrownBy(() -> service.stop(r.deploymentId(), true, false, Progress.NONE))
        .hasMessageContaining("is not running");
  }

  @Test
  void stoppingAJobThatAlreadyFailedTakesNoSavepointAndSaysSo() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    cluster.jobs.get(r.jobId()).phase = Phase.FAILED;

    assertThatThrownBy(() -> service.stop(r.deploymentId(), true, false, Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class,
            e -> assertThat(e.kind()).isEqualTo(DeployException.Kind.REFUSED))
        .hasMessageContaining("already ended");
    DeploymentRecord rec = record(r.deploymentId());
    assertThat(rec.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(rec.savepoints()).isEmpty();
  }

  @Test
  void aFailedStopKeepsTheDeploymentRunning() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    cluster.stopFailure = "The savepoint folder s3://sp is not writable.";

    assertThatThrownBy(() -> service.stop(r.deploymentId(), true, false, Progress.NONE))
        .hasMessageContaining("not writable")
        .hasMessageContaining("keeps running");
    assertThat(record(r.deploymentId()).state()).isEqualTo(DeploymentState.RUNNING);
  }

  @Test
  void resumeStartsFromTheLatestSavepointElseTheLatestRetainedCheckpoint() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    String id = r.deploymentId();
    assertThatThrownBy(() -> service.resume(id, null, Progress.NONE))
        .hasMessageContaining("stop it first");
    cluster.jobs.get(r.jobId()).checkpoint =
        new CheckpointInfo(7, Instant.now(), 2048, "s3://cp/chk-7", false);
    service.stop(id, false, false, Progress.NONE);
    assertThat(record(id).latestCheckpoint().orElseThrow().path()).isEqualTo("s3://cp/chk-7");

    DeployResult fromCheckpoint = service.resume(id, null, Progress.NONE);

    assertThat(fromCheckpoint.restoredFrom()).isEqualTo("s3://cp/chk-7");
    String savepoint = service.stop(id, true, false, Progress.NONE).savepoint();
    DeployResult fromSavepoint = service.resume(id, null, Progress.NONE);
    assertThat(cluster.deploys.get(cluster.deploys.size() - 1).restoreFrom()).isEqualTo(savepoint);
    assertThat(fromSavepoint.restoredFrom()).isEqualTo(savepoint);
    DeploymentRecord rec = record(id);
    assertThat(rec.state()).isEqualTo(DeploymentState.RUNNING);
    assertThat(rec.jobId()).isEqualTo(fromSavepoint.jobId());
    assertThat(rec.events().stream().filter(e -> e.kind() == DeploymentEvent.Kind.RESUMED))
        .extracting(DeploymentEvent::path)
        .containsExactly("s3://cp/chk-7", savepoint);
    assertThat(cluster.live(id)).hasSize(1);
  }

  @Test
  void aSavepointOfAnotherPipelineIsRefusedBeforeAnythingStarts() throws Exception {
    DeployResult quick = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    String savepoint = service.stop(quick.deploymentId(), true, false, Progress.NONE).savepoint();
    Pipeline q = quickstart().pipeline();
    Pipeline other =
        new Pipeline("other-pipeline", "Other", q.description(), 1, q.tags(), q.nodes(), q.edges());
    DeployResult second =
        service.deploy(PipelineSource.of(other, 0, Map.of()), "prod", null, 0, Progress.NONE);
    service.stop(second.deploymentId(), false, false, Progress.NONE);
    int deploys = cluster.deploys.size();

    assertThatThrownBy(() -> service.resume(second.deploymentId(), savepoint + "/", Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class,
            e -> assertThat(e.kind()).isEqualTo(DeployException.Kind.REFUSED))
        .hasMessageContaining("holds the state of pipeline 'quickstart'")
        .hasMessageContaining("not of 'other-pipeline'");
    assertThatThrownBy(
            () ->
                service.deploy(
                    PipelineSource.of(other, 0, Map.of()), "prod", savepoint, 0, Progress.NONE))
        .hasMessageContaining("holds the state of pipeline 'quickstart'");
    assertThat(cluster.deploys).as("nothing reached the cluster").hasSize(deploys);
    assertThat(WorkspaceDeployments.of(workspace).list()).hasSize(2);
  }

  @Test
  void aResumedJobThatRestoredFromAnotherPathIsCancelled() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    service.stop(r.deploymentId(), true, false, Progress.NONE);
    cluster.reportRestoredFrom = "s3://sp/someone-elses";

    assertThatThrownBy(() -> service.resume(r.deploymentId(), null, Progress.NONE))
        .hasMessageContaining("restored from s3://sp/someone-elses instead of")
        .hasMessageContaining("cancelled");
    assertThat(cluster.live(r.deploymentId())).isEmpty();
    assertThat(record(r.deploymentId()).state()).isEqualTo(DeploymentState.FAILED);
  }

  @Test
  void anUpgradeThatLosesStateIsRefusedUnlessAllowed() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    PipelineSource wider = changed("clicks_per_user", "size", "20s");

    assertThatThrownBy(() -> service.upgrade(r.deploymentId(), wider, false, Progress.NONE))
        .isInstanceOfSatisfying(
            DeployException.class,
            e -> assertThat(e.kind()).isEqualTo(DeployException.Kind.REFUSED))
        .hasMessageContaining("clicks_per_user")
        .hasMessageContaining("Nothing was stopped")
        .hasMessageContaining("--allow-state-loss");
    assertThat(cluster.jobs.get(r.jobId()).phase).isEqualTo(Phase.RUNNING);
    assertThat(cluster.deploys).hasSize(1);

    DeployResult upgraded = service.upgrade(r.deploymentId(), wider, true, Progress.NONE);

    assertThat(upgraded.version()).isEqualTo(2);
    assertThat(cluster.deploys.get(1).configuration())
        .containsEntry(RestoreFailures.IGNORE_UNCLAIMED_STATE, "true");
    DeploymentRecord rec = record(r.deploymentId());
    assertThat(rec.currentVersion()).isEqualTo(2);
    assertThat(rec.versions()).hasSize(2);
    assertThat(rec.events().get(rec.events().size() - 1).kind())
        .isEqualTo(DeploymentEvent.Kind.UPGRADED);
  }

  @Test
  void aFailedUpgradeStaysOnTheOldVersionWithItsSavepoint() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    cluster.deployFailure = "Table 'x' is refused.";

    assertThatThrownBy(
            () ->
                service.upgrade(
                    r.deploymentId(), changed("clicks", "rowsPerSecond", 60), false, Progress.NONE))
        .hasMessageContaining("refused")
        .hasMessageContaining("stays on version 1")
        .hasMessageContaining("streamwright resume " + r.deploymentId());

    DeploymentRecord rec = record(r.deploymentId());
    assertThat(rec.currentVersion()).isEqualTo(1);
    assertThat(rec.versions()).hasSize(1);
    String savepoint = rec.latestSavepoint().orElseThrow().path();
    cluster.deployFailure = null;
    assertThat(service.resume(r.deploymentId(), null, Progress.NONE).restoredFrom())
        .isEqualTo(savepoint);
  }

  @Test
  void rollbackStartsThePreviousVersionFromTheUpgradesSavepoint() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    String id = r.deploymentId();
    assertThatThrownBy(() -> service.rollback(id, Progress.NONE))
        .hasMessageContaining("nothing to roll back to");
    service.upgrade(id, changed("clicks", "rowsPerSecond", 60), false, Progress.NONE);
    String upgradeSavepoint = record(id).latestSavepoint().orElseThrow().path();

    DeployResult back = service.rollback(id, Progress.NONE);

    assertThat(back.version()).isEqualTo(1);
    assertThat(back.restoredFrom()).isEqualTo(upgradeSavepoint);
    DeploymentRecord rec = record(id);
    assertThat(rec.currentVersion()).isEqualTo(1);
    assertThat(rec.savepoints()).as("the upgraded version's stop is kept too").hasSize(2);
    assertThat(rec.events().get(rec.events().size() - 1).describe())
        .startsWith("rolled back to version 1 from " + upgradeSavepoint);
    assertThat(cluster.live(id)).hasSize(1);
    assertThatThrownBy(() -> service.rollback(id, Progress.NONE))
        .hasMessageContaining("nothing to roll back to");
  }

  @Test
  void theListAdoptsAnInterruptedDeployAndShowsWhatTheClusterSays() throws Exception {
    WorkspaceDeployments records = WorkspaceDeployments.of(workspace);
    DeploymentRecord interrupted =
        records.create(
            new NewDeployment("quickstart", "Quickstart", 0, Files.readString(QUICKSTART), "prod"));
    ScriptedRuntime.Job started = cluster.start(interrupted.id(), "quickstart", null);
    DeployResult failing = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    cluster.jobs.get(failing.jobId()).phase = Phase.FAILED;
    cluster.start("feedbeef", "elsewhere", null);
    cluster.jobs.get(started.jobId).checkpoint =
        new CheckpointInfo(3, Instant.now(), 4096, "s3://cp/chk-3", false);

    List<DeploymentView> views = service.list(null);

    DeploymentView adopted = view(views, interrupted.id());
    assertThat(adopted.state()).isEqualTo(DeploymentState.RUNNING);
    assertThat(adopted.jobId()).isEqualTo(started.jobId);
    assertThat(adopted.uptime()).isEqualTo(Duration.ofSeconds(42));
    assertThat(record(interrupted.id()).jobId()).isEqualTo(started.jobId);
    assertThat(record(interrupted.id()).latestCheckpoint().orElseThrow().path())
        .isEqualTo("s3://cp/chk-3");
    assertThat(cluster.live(interrupted.id())).as("adopted, never deployed twice").hasSize(1);
    assertThat(view(views, failing.deploymentId()).state()).isEqualTo(DeploymentState.FAILED);
    assertThat(record(failing.deploymentId()).state()).isEqualTo(DeploymentState.FAILED);
    DeploymentView foreign = view(views, "feedbeef");
    assertThat(foreign.origin()).isEqualTo(DeploymentView.Origin.CLUSTER_ONLY);
    assertThat(foreign.pipelineId()).isEqualTo("elsewhere");
  }

  @Test
  void anUnreachableClusterShowsItsDeploymentsAsUnknownWithoutHanging() throws Exception {
    DeployResult r = service.deploy(quickstart(), "prod", null, 0, Progress.NONE);
    DeploymentService quick = service(Duration.ofMillis(300));
    cluster.hang = new CountDownLatch(1);
    try {
      long started = System.nanoTime();
      List<DeploymentView> views = quick.list("prod");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      DeploymentView v = view(views, r.deploymentId());
      assertThat(v.state()).isEqualTo(DeploymentState.UNKNOWN);
      assertThat(v.reason()).contains("did not answer");
      assertThat(record(r.deploymentId()).state())
          .as("an outage does not rewrite the record")
          .isEqualTo(DeploymentState.RUNNING);
    } finally {
      cluster.hang.countDown();
    }
  }

  private static DeploymentView view(List<DeploymentView> views, String id) {
    return views.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }
}
