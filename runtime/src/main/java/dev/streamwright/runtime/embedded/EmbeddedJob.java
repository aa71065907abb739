package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * What the embedded runtime remembers about one deployment: its Flink job, its preview feeds,
 * whether the user asked it to stop, and its final status once known (so a finished job is not
 * asked about again).
 */
final class EmbeddedJob {

  final Deployment deployment;
  final JobID jobId;
  final Map<String, PreviewFeed> feeds;

  /**
   * Set by stop(): a job stopped with a savepoint ends as Flink FINISHED, which the user must see
   * as STOPPED.
   */
  volatile boolean stopRequested;

  /** The terminal status once reached; a terminal status never changes. */
  volatile DeploymentStatus terminal;

  EmbeddedJob(Deployment deployment, JobID jobId, Map<String, PreviewFeed> feeds) {
    this.deployment = deployment;
    this.jobId = jobId;
    this.feeds = Map.copyOf(feeds);
  }
}
