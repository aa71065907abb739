package dev.streamwright.app.deployments;

/** A deployment's state as last known to Streamwright (the cluster may have moved on since). */
public enum DeploymentState {
  /** Recorded before the job is submitted: a deploy that was interrupted stays findable. */
  DEPLOYING,
  /** The job runs. */
  RUNNING,
  /** A stop (with or without savepoint) was asked for and has not been confirmed yet. */
  STOPPING,
  /** The job was stopped; it may be resumed from a savepoint or retained checkpoint. */
  STOPPED,
  /** The job ended by itself (bounded sources). */
  FINISHED,
  /** The job failed; the state message says why. */
  FAILED,
  /** The cluster could not be asked or does not know the job any more. */
  UNKNOWN;

  /** Whether no job of the deployment runs in this state. */
  public boolean isEnded() {
    return this == STOPPED || this == FINISHED || this == FAILED;
  }
}
