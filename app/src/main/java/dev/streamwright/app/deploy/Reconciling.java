package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules that bring a deployment record in line with what its cluster reports: which job is the
 * deployment's now, and what the record should say. Pure: the service asks the cluster and applies
 * the decision.
 */
final class Reconciling {

  /**
   * How long a deploy may stay DEPLOYING without a job on the cluster before it counts as
   * interrupted: longer than any deploy waits (statement, then start).
   */
  static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(5);

  /**
   * What reconciling decided for one record.
   *
   * @param job the deployment's current job on the cluster, or null when the cluster has none
   * @param update the change to record, or null when the record is right
   * @param state the state after the change
   * @param reason why, for FAILED and UNKNOWN
   */
  record Decision(ClusterJob job, DeploymentUpdate update, DeploymentState state, String reason) {}

  private Reconciling() {}

  /** Decides for a record, given every job the cluster of its environment knows. */
  static Decision decide(DeploymentRecord r, List<ClusterJob> jobs, Instant now) {
    Optional<ClusterJob> recorded =
        r.jobId().isEmpty()
            ? Optional.empty()
            : jobs.stream().filter(j -> j.jobId().equals(r.jobId())).findFirst();
    Optional<ClusterJob> live =
        recorded
            .filter(j -> !j.status().phase().isTerminal())
            .or(
                () ->
                    jobs.stream()
                        .filter(j -> j.deploymentId().equals(r.id()))
                        .filter(j -> !j.status().phase().isTerminal())
                        .max(Comparator.comparing(ClusterJob::startedAt)));
    if (live.isPresent()) {
      ClusterJob j = live.get();
      if (r.state() == DeploymentState.RUNNING && j.jobId().equals(r.jobId())) {
        return new Decision(j, null, DeploymentState.RUNNING, "");
      }
      String why =
          r.state() == DeploymentState.DEPLOYING || !j.jobId().equals(r.jobId())
              ? "adopted job "
                  + j.jobId()
                  + ", found running on the cluster after an interrupted operation"
              : "the cluster reports job " + j.jobId() + " running";
      DeploymentUpdate u =
          new DeploymentUpdate()
              .state(DeploymentState.RUNNING, "")
              .jobId(j.jobId())
              .event(stateChanged(now, j.jobId(), why));
      return new Decision(j, u, DeploymentState.RUNNING, "");
    }
    if (r.state().isEnded()) {
      return new Decision(recorded.orElse(null), null, r.state(), r.stateMessage());
    }
    if (recorded.isPresent()) {
      ClusterJob j = recorded.get();
      DeploymentStatus s = j.status();
      DeploymentState ended =
          switch (s.phase()) {
            case FAILED -> DeploymentState.FAILED;
            case FINISHED ->
                r.state() == DeploymentState.STOPPING
                    ? DeploymentState.STOPPED
                    : DeploymentState.FINISHED;
            default -> DeploymentState.STOPPED;
          };
      String reason = ended == DeploymentState.FAILED ? s.message() : "";
      String why =
          "the cluster reports job "
              + j.jobId()
              + " "
              + ended.name().toLowerCase()
              + (reason.isEmpty() ? "" : ": " + reason);
      DeploymentUpdate u =
          new DeploymentUpdate().state(ended, reason).event(stateChanged(now, j.jobId(), why));
      return new Decision(j, u, ended, reason);
    }
    if (r.state() == DeploymentState.DEPLOYING) {
      if (Duration.between(r.updatedAt(), now).compareTo(INTERRUPTED_AFTER) < 0) {
        return new Decision(null, null, DeploymentState.DEPLOYING, "");
      }
      String reason =
          "the deploy was interrupted before its job reached the cluster; nothing runs. Deploy"
              + " again"
              + (r.savepoints().isEmpty() && r.checkpoints().isEmpty()
                  ? "."
                  : ", or resume it (streamwright resume " + r.id() + ").");
      DeploymentUpdate u =
          new DeploymentUpdate()
              .state(DeploymentState.FAILED, reason)
              .event(DeploymentEvent.failed(now, r.jobId(), reason));
      return new Decision(null, u, DeploymentState.FAILED, reason);
    }
    if (r.state() == DeploymentState.UNKNOWN) {
      return new Decision(null, null, DeploymentState.UNKNOWN, r.stateMessage());
    }
    String reason =
        "the cluster no longer knows job "
            + r.jobId()
            + " (it was restarted or its job history expired); resume the deployment from its"
            + " last savepoint or retained checkpoint";
    DeploymentUpdate u =
        new DeploymentUpdate()
            .state(DeploymentState.UNKNOWN, reason)
            .event(stateChanged(now, r.jobId(), reason));
    return new Decision(null, u, DeploymentState.UNKNOWN, reason);
  }

  /** The cluster's running Streamwright jobs whose deployment the workspace does not know. */
  static List<ClusterJob> unknownToWorkspace(List<ClusterJob> jobs, java.util.Set<String> known) {
    return jobs.stream()
        .filter(ClusterJob::isStreamwright)
        .filter(j -> !j.status().phase().isTerminal())
        .filter(j -> !known.contains(j.deploymentId()))
        .sorted(Comparator.comparing(ClusterJob::startedAt).reversed())
        .toList();
  }

  private static DeploymentEvent stateChanged(Instant at, String jobId, String message) {
    return new DeploymentEvent(at, DeploymentEvent.Kind.STATE_CHANGED, 0, jobId, "", message);
  }
}
