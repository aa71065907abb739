package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.runtime.api.CheckpointInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the deployments list after reconciling: what the workspace recorded, corrected by what
 * the cluster said at {@code checkedAt}.
 *
 * @param id the deployment id
 * @param origin whether the workspace knows it or only the cluster does
 * @param pipelineId the pipeline
 * @param pipelineName its name (the pipeline id for cluster-only jobs)
 * @param version the deployment's version number running or last run (0 when unknown)
 * @param pipelineVersion that pipeline's version (its workspace version, or the version the job's
 *     name carries)
 * @param environment where it runs
 * @param state the state now: {@link DeploymentState#UNKNOWN} when the cluster could not be asked
 * @param reason why, for FAILED and UNKNOWN (e.g. the cluster's error or the unreachable URL)
 * @param jobId the current Flink job id, or empty
 * @param startedAt when the current job started, or null when unknown
 * @param uptime how long it has run, or null when unknown
 * @param restarts restarts after failures, or -1 when unknown
 * @param lastCheckpoint the last completed checkpoint, or null
 * @param savepoints the savepoints recorded, oldest first
 * @param record the workspace's record after reconciling, or null for a cluster-only job
 * @param checkedAt when the cluster was asked, or null when it was not
 */
public record DeploymentView(
    String id,
    Origin origin,
    String pipelineId,
    String pipelineName,
    int version,
    long pipelineVersion,
    String environment,
    DeploymentState state,
    String reason,
    String jobId,
    Instant startedAt,
    Duration uptime,
    long restarts,
    CheckpointInfo lastCheckpoint,
    List<SavepointRecord> savepoints,
    DeploymentRecord record,
    Instant checkedAt) {

  /** Who knows the deployment. */
  public enum Origin {
    /** Recorded in the workspace. */
    WORKSPACE,
    /** A job on the cluster whose name carries a Streamwright deployment the workspace lacks. */
    CLUSTER_ONLY
  }

  public DeploymentView {
    reason = reason == null ? "" : reason;
    jobId = jobId == null ? "" : jobId;
    savepoints = List.copyOf(savepoints == null ? List.of() : savepoints);
  }

  /** The workspace's record, when it has one. */
  public Optional<DeploymentRecord> recorded() {
    return Optional.ofNullable(record);
  }

  /** The newest savepoint, if any. */
  public Optional<SavepointRecord> latestSavepoint() {
    return savepoints.isEmpty()
        ? Optional.empty()
        : Optional.of(savepoints.get(savepoints.size() - 1));
  }
}
