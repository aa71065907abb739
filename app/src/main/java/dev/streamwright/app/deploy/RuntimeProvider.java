package dev.streamwright.app.deploy;

import dev.streamwright.runtime.api.PipelineRuntime;

/**
 * Opens the runtime of an environment for the deployment service. The CLI's provider reaches only
 * remote environments ({@link RemoteRuntimes}); the studio may add its embedded runtime. The
 * service closes what it opened when it is closed.
 */
@FunctionalInterface
public interface RuntimeProvider {

  /**
   * A runtime deploying to the environment.
   *
   * @throws DeployException of kind {@link DeployException.Kind#REFUSED} when there is no such
   *     environment, its secrets cannot be resolved or no runtime can reach it
   */
  PipelineRuntime open(String environment) throws DeployException;
}
