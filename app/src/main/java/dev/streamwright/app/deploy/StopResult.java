package dev.streamwright.app.deploy;

/**
 * A deployment whose job the cluster reports ended.
 *
 * @param deploymentId Streamwright's deployment id
 * @param jobId the job that ended
 * @param savepoint the savepoint's path, or empty for a stop without savepoint
 */
public record StopResult(String deploymentId, String jobId, String savepoint) {

  public StopResult {
    savepoint = savepoint == null ? "" : savepoint;
  }

  /** Whether a savepoint was taken. */
  public boolean hasSavepoint() {
    return !savepoint.isEmpty();
  }
}
