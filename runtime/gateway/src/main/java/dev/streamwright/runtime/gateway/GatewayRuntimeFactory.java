package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;

/**
 * Makes {@link GatewayRuntime}s and checks their targets; found through {@link
 * java.util.ServiceLoader}.
 */
public final class GatewayRuntimeFactory implements RemoteRuntimeFactory {

  @Override
  public EnvironmentCheck check(RemoteTarget target) {
    return new TargetCheck(target).run();
  }

  @Override
  public PipelineRuntime open(RemoteTarget target) {
    return new GatewayRuntime(target);
  }
}
