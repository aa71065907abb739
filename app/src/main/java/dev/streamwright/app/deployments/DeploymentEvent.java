package dev.streamwright.app.deployments;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a deployment's history.
 *
 * @param at when it happened
 * @param kind what happened
 * @param version the deployment's pipeline version it concerns (see {@link DeployedVersion}), or 0
 * @param jobId the Flink job it concerns, or empty
 * @param path the savepoint or checkpoint it names, or empty
 * @param message a reason or detail in words (a failure's cause), or empty
 */
public record DeploymentEvent(
    Instant at, Kind kind, int version, String jobId, String path, String message) {

  /** What happened. */
  public enum Kind {
    DEPLOYED,
    STOPPED,
    RESUMED,
    UPGRADED,
    ROLLED_BACK,
    FAILED,
    STATE_CHANGED
  }

  public DeploymentEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    jobId = jobId == null ? "" : jobId;
    path = path == null ? "" : path;
    message = message == null ? "" : message;
  }

  /** Deployed version {@code version} as job {@code jobId}. */
  public static DeploymentEvent deployed(Instant at, int version, String jobId) {
    return new DeploymentEvent(at, Kind.DEPLOYED, version, jobId, "", "");
  }

  /** Stopped, with the savepoint's path or empty for a stop without savepoint. */
  public static DeploymentEvent stopped(Instant at, String jobId, String savepoint) {
    return new DeploymentEvent(at, Kind.STOPPED, 0, jobId, savepoint, "");
  }

  /** Resumed from a savepoint or retained checkpoint as a new job. */
  public static DeploymentEvent resumed(Instant at, String from, String newJobId) {
    return new DeploymentEvent(at, Kind.RESUMED, 0, newJobId, from, "");
  }

  /** Upgraded to version {@code version}, started from a savepoint. */
  public static DeploymentEvent upgraded(Instant at, int version, String from, String jobId) {
    return new DeploymentEvent(at, Kind.UPGRADED, version, jobId, from, "");
  }

  /** Rolled back to version {@code version}, started from a savepoint. */
  public static DeploymentEvent rolledBack(Instant at, int version, String from, String jobId) {
    return new DeploymentEvent(at, Kind.ROLLED_BACK, version, jobId, from, "");
  }

  /** Failed, with the root cause in words. */
  public static DeploymentEvent failed(Instant at, String jobId, String reason) {
    return new DeploymentEvent(at, Kind.FAILED, 0, jobId, "", reason);
  }

  /** What happened, as a history line shows it, e.g. {@code stopped with savepoint s3://...}. */
  public String describe() {
    String job = jobId.isEmpty() ? "" : " (job " + jobId + ")";
    return switch (kind) {
      case DEPLOYED -> "deployed version " + version + job;
      case STOPPED -> (path.isEmpty() ? "stopped" : "stopped with savepoint " + path) + job;
      case RESUMED -> "resumed from " + path + job;
      case UPGRADED -> "upgraded to version " + version + from() + job;
      case ROLLED_BACK -> "rolled back to version " + version + from() + job;
      case FAILED -> "failed: " + message + job;
      case STATE_CHANGED -> message + job;
    };
  }

  private String from() {
    return path.isEmpty() ? "" : " from " + path;
  }
}
