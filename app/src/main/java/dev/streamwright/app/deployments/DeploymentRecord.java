package dev.streamwright.app.deployments;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deployment as the workspace remembers it (without the pipeline JSON, which is read on demand).
 *
 * @param id Streamwright's id of the deployment (also given to its jobs, to find them on the
 *     cluster)
 * @param pipelineId the pipeline deployed
 * @param pipelineName its name when last deployed
 * @param environment the environment it runs in
 * @param currentVersion the number of the {@link DeployedVersion} running or last run
 * @param jobId the current (or last) Flink job id, or empty before the submit
 * @param state the state as last known
 * @param stateMessage why, for {@link DeploymentState#FAILED} and {@link DeploymentState#UNKNOWN}
 * @param createdAt when the deployment was recorded
 * @param updatedAt when it last changed
 * @param versions the pipeline versions it ran, oldest first
 * @param events its history, oldest first
 * @param savepoints savepoints taken, oldest first
 * @param checkpoints retained checkpoints, oldest first
 */
public record DeploymentRecord(
    String id,
    String pipelineId,
    String pipelineName,
    String environment,
    int currentVersion,
    String jobId,
    DeploymentState state,
    String stateMessage,
    Instant createdAt,
    Instant updatedAt,
    List<DeployedVersion> versions,
    List<DeploymentEvent> events,
    List<SavepointRecord> savepoints,
    List<CheckpointRecord> checkpoints) {

  public DeploymentRecord {
    versions = List.copyOf(versions);
    events = List.copyOf(events);
    savepoints = List.copyOf(savepoints);
    checkpoints = List.copyOf(checkpoints);
  }

  /** The version running or last run. */
  public DeployedVersion current() {
    return versions.stream()
        .filter(v -> v.number() == currentVersion)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(id + " has no version " + currentVersion));
  }

  /** The newest savepoint, if any. */
  public Optional<SavepointRecord> latestSavepoint() {
    return savepoints.stream().max(Comparator.comparing(SavepointRecord::takenAt));
  }

  /** The newest retained checkpoint, if any. */
  public Optional<CheckpointRecord> latestCheckpoint() {
    return checkpoints.stream().max(Comparator.comparing(CheckpointRecord::completedAt));
  }
}
