package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.health.ModelNodes;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * What the embedded runtime remembers about one deployment: its Flink job, its preview feeds, its
 * models' nodes, whether the user asked it to stop, its final status once known (so a finished job
 * is not asked about again), the node health last read, and its connector tables (a failure that
 * names a topic is reported on the Kafka node that uses it).
 */
final class EmbeddedJob {

  final Deployment deployment;
  final JobID jobId;
  final Map<String, PreviewFeed> feeds;
  final ModelNodes models;
  final ConnectorTables connectors;

  /**
   * Set by stop(): a job stopped with a savepoint ends as Flink FINISHED, which the user must see
   * as STOPPED.
   */
  volatile boolean stopRequested;

  /** The terminal status once reached; a terminal status never changes. */
  volatile DeploymentStatus terminal;

  /** The savepoint the job started from, or empty: a failure to restore names it. */
  volatile String restoredFrom = "";

  /** The node health last read, returned when the cluster cannot be asked. */
  volatile Map<String, NodeHealth> health = Map.of();

  EmbeddedJob(
      Deployment deployment,
      JobID jobId,
      Map<String, PreviewFeed> feeds,
      ModelNodes models,
      ConnectorTables connectors) {
    this.deployment = deployment;
    this.jobId = jobId;
    this.feeds = Map.copyOf(feeds);
    this.models = models;
    this.connectors = connectors;
  }
}
