package dev.streamwright.runtime.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster says about a deployment's job right now, for a deployments list or a details
 * pane.
 *
 * @param jobId the Flink job id
 * @param jobName the Flink job name
 * @param status where the deployment stands
 * @param startedAt when the job started
 * @param uptime how long it has run (until it ended, for an ended job)
 * @param restarts how often the job restarted after a failure; -1 when the cluster does not say
 *     (Flink reports it only while the job runs)
 * @param lastCheckpoint the last completed checkpoint, or null when there is none yet
 * @param restoredFrom the savepoint or checkpoint the job started from, as the cluster reports it;
 *     empty when it started without state
 */
public record DeploymentDetails(
    String jobId,
    String jobName,
    DeploymentStatus status,
    Instant startedAt,
    Duration uptime,
    long restarts,
    CheckpointInfo lastCheckpoint,
    String restoredFrom) {

  public DeploymentDetails {
    jobName = jobName == null ? "" : jobName;
    uptime = uptime == null ? Duration.ZERO : uptime;
    restoredFrom = restoredFrom == null ? "" : restoredFrom;
  }

  /** The last completed checkpoint, if there is one. */
  public Optional<CheckpointInfo> checkpoint() {
    return Optional.ofNullable(lastCheckpoint);
  }
}
