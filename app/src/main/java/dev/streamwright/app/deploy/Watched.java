package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.model.Pipeline;

/**
 * What a monitor needs of a recorded deployment: a handle to its job on its environment's runtime,
 * and the pipeline version it runs with what the compiler makes of it there.
 *
 * @param record the deployment's record
 * @param deployment a handle to its job
 * @param runtime its environment's runtime (owned by the service that made this)
 * @param pipeline the version it runs
 * @param compilation that version compiled for the environment
 */
public record Watched(
    DeploymentRecord record,
    Deployment deployment,
    PipelineRuntime runtime,
    Pipeline pipeline,
    Compilation compilation) {}
