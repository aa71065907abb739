package dev.streamwright.runtime.api;

/**
 * A stop found the job already ended, so no savepoint was taken: front ends say so instead of
 * reporting a stop that did nothing.
 */
public class JobAlreadyEnded extends RuntimeFailure {

  private static final long serialVersionUID = 1L;

  private final DeploymentStatus.Phase phase;

  public JobAlreadyEnded(String message, DeploymentStatus.Phase phase) {
    super(message);
    this.phase = phase;
  }

  /** How the job ended. */
  public DeploymentStatus.Phase phase() {
    return phase;
  }
}
