package dev.streamwright.monitor.flink;

import dev.streamwright.monitor.figures.Unreachable;

/**
 * Flink's REST API answered that it does not know a job (HTTP 404 on a {@code /jobs/{jid}} path):
 * the job ended and the cluster forgot it, or it runs on another cluster.
 */
public final class JobGone extends Unreachable {

  private static final long serialVersionUID = 1L;

  private final String jobId;

  /** The job the cluster does not know, in words. */
  public JobGone(String jobId, String message) {
    super(message);
    this.jobId = jobId;
  }

  /** The Flink job id the path named. */
  public String jobId() {
    return jobId;
  }
}
