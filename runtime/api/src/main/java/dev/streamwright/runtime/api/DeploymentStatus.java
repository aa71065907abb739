package dev.streamwright.runtime.api;

/**
 * Where a deployment stands.
 *
 * @param phase the lifecycle phase
 * @param message for {@link Phase#FAILED}, the root cause in words a user can act on; else empty
 */
public record DeploymentStatus(Phase phase, String message) {

  /** Lifecycle phases of a deployment. */
  public enum Phase {
    STARTING,
    RUNNING,
    FINISHED,
    STOPPED,
    FAILED;

    /** Whether the job has ended and will not change again. */
    public boolean isTerminal() {
      return this == FINISHED || this == STOPPED || this == FAILED;
    }
  }

  public DeploymentStatus {
    message = message == null ? "" : message;
  }

  /** A status without a message. */
  public static DeploymentStatus of(Phase phase) {
    return new DeploymentStatus(phase, "");
  }
}
