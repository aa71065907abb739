package dev.streamwright.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.deployments.DeployedVersion;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that bring a record in line with its cluster, case by case. */
class ReconcilingTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private static DeploymentRecord record(DeploymentState state, String jobId) {
    return new DeploymentRecord(
        "d1",
        "orders",
        "Orders",
        "prod",
        1,
        jobId,
        state,
        "",
        T0,
        T0,
        List.of(new DeployedVersion(1, 0, "00", T0)),
        List.of(),
        List.of(),
        List.of());
  }

  private static ClusterJob job(String jobId, String deploymentId, Phase phase, String message) {
    return new ClusterJob(
        jobId,
        "streamwright-orders",
        new DeploymentStatus(phase, message),
        T0,
        deploymentId,
        "orders",
        1);
  }

  @Test
  void aRunningJobAsRecordedChangesNothing() {
    var d =
        Reconciling.decide(
            record(DeploymentState.RUNNING, "j1"), List.of(job("j1", "d1", Phase.RUNNING, "")), T0);
    assertThat(d.update()).isNull();
    assertThat(d.state()).isEqualTo(DeploymentState.RUNNING);
  }

  @Test
  void aDeployInterruptedAfterTheSubmitIsAdopted() {
    var d =
        Reconciling.decide(
            record(DeploymentState.DEPLOYING, ""),
            List.of(job("j9", "d1", Phase.RUNNING, ""), job("j8", "other", Phase.RUNNING, "")),
            T0.plusSeconds(10));
    assertThat(d.state()).isEqualTo(DeploymentState.RUNNING);
    assertThat(d.update().jobId()).contains("j9");
    assertThat(d.update().events().get(0).message()).contains("adopted job j9");
  }

  @Test
  void aDeployThatNeverReachedTheClusterWaitsThenCountsAsFailed() {
    DeploymentRecord r = record(DeploymentState.DEPLOYING, "");
    var soon = Reconciling.decide(r, List.of(), T0.plusSeconds(30));
    assertThat(soon.update()).as("it may still be deploying in another process").isNull();
    assertThat(soon.state()).isEqualTo(DeploymentState.DEPLOYING);

    var later =
        Reconciling.decide(r, List.of(), T0.plus(Reconciling.INTERRUPTED_AFTER).plusSeconds(1));
    assertThat(later.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(later.reason()).contains("interrupted before its job reached the cluster");
  }

  @Test
  void anEndedJobEndsTheRecordTheWayItEnded() {
    var failed =
        Reconciling.decide(
            record(DeploymentState.RUNNING, "j1"),
            List.of(job("j1", "d1", Phase.FAILED, "Kafka topic 'x' does not exist.")),
            T0);
    assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(failed.reason()).contains("does not exist");

    var stopped =
        Reconciling.decide(
            record(DeploymentState.STOPPING, "j1"),
            List.of(job("j1", "d1", Phase.FINISHED, "")),
            T0);
    assertThat(stopped.state()).isEqualTo(DeploymentState.STOPPED);
  }

  @Test
  void aJobTheClusterForgotIsUnknownAndAnEndedRecordStaysAsItIs() {
    var forgotten = Reconciling.decide(record(DeploymentState.RUNNING, "j1"), List.of(), T0);
    assertThat(forgotten.state()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(forgotten.reason()).contains("no longer knows job j1");

    var ended = Reconciling.decide(record(DeploymentState.STOPPED, "j1"), List.of(), T0);
    assertThat(ended.update()).isNull();
    assertThat(ended.state()).isEqualTo(DeploymentState.STOPPED);
  }

  @Test
  void onlyRunningStreamwrightJobsUnknownToTheWorkspaceAreShown() {
    List<ClusterJob> jobs =
        List.of(
            job("j1", "d1", Phase.RUNNING, ""),
            job("j2", "d2", Phase.RUNNING, ""),
            job("j3", "d3", Phase.STOPPED, ""),
            job("j4", "", Phase.RUNNING, ""));
    assertThat(Reconciling.unknownToWorkspace(jobs, java.util.Set.of("d1")))
        .extracting(ClusterJob::jobId)
        .containsExactly("j2");
  }
}
