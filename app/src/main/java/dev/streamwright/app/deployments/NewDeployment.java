package dev.streamwright.app.deployments;

import java.util.Objects;

/**
 * What a deploy records before it submits anything, so an interrupted deploy is found later.
 *
 * @param pipelineId the pipeline's id
 * @param pipelineName its name, as lists show it
 * @param pipelineVersion its workspace version, or 0 when deployed from a file
 * @param pipelineJson the exact pipeline JSON being deployed
 * @param environment the environment's name
 */
public record NewDeployment(
    String pipelineId,
    String pipelineName,
    long pipelineVersion,
    String pipelineJson,
    String environment) {

  public NewDeployment {
    Objects.requireNonNull(pipelineId, "pipelineId");
    pipelineName = pipelineName == null ? pipelineId : pipelineName;
    Objects.requireNonNull(pipelineJson, "pipelineJson");
    Objects.requireNonNull(environment, "environment");
  }
}
