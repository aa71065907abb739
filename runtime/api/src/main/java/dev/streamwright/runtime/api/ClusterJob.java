package dev.streamwright.runtime.api;

import java.time.Instant;

/**
 * A job a cluster knows, with the Streamwright deployment it belongs to when its name carries one:
 * what reconciling compares with the deployments a workspace believes are running.
 *
 * @param jobId the Flink job id
 * @param jobName the Flink job name
 * @param status where the job stands
 * @param startedAt when it started
 * @param deploymentId the Streamwright deployment id in its name; empty for other jobs
 * @param pipelineId the pipeline it runs, from its name; empty for other jobs
 * @param pipelineVersion that pipeline's version, from its name; 0 for other jobs
 */
public record ClusterJob(
    String jobId,
    String jobName,
    DeploymentStatus status,
    Instant startedAt,
    String deploymentId,
    String pipelineId,
    long pipelineVersion) {

  public ClusterJob {
    deploymentId = deploymentId == null ? "" : deploymentId;
    pipelineId = pipelineId == null ? "" : pipelineId;
  }

  /** Whether Streamwright deployed this job. */
  public boolean isStreamwright() {
    return !deploymentId.isEmpty();
  }
}
