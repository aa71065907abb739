package dev.streamwright.app.deploy;

import java.util.List;

/**
 * A job that runs after a deploy, resume, upgrade or rollback.
 *
 * @param deploymentId Streamwright's deployment id
 * @param jobId the new Flink job id
 * @param environment where it runs
 * @param pipelineId the pipeline
 * @param version the deployment's version number now running (1 for the first deploy, +1 per
 *     upgrade)
 * @param restoredFrom the savepoint or checkpoint the job restored from, as the cluster confirmed
 *     it; empty when it started without state
 * @param printedPreviews the preview sinks that run as Flink {@code print} sinks on the cluster
 *     (their rows land in the TaskManagers' stdout log), by node id
 */
public record DeployResult(
    String deploymentId,
    String jobId,
    String environment,
    String pipelineId,
    int version,
    String restoredFrom,
    List<String> printedPreviews) {

  public DeployResult {
    restoredFrom = restoredFrom == null ? "" : restoredFrom;
    printedPreviews = List.copyOf(printedPreviews == null ? List.of() : printedPreviews);
  }
}
