package dev.streamwright.monitor;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Duration;
import java.util.Optional;

/**
 * A runtime as a monitor sees it with its Flink REST collection switched off: no REST endpoint (so
 * no job, vertex or checkpoint figures) and no model health (read through REST too); status and
 * everything else from the real runtime. For {@link MonitorOverheadBenchmark}'s attribution.
 */
final class WithoutFlinkRest implements PipelineRuntime {

  private final PipelineRuntime real;
  private final boolean keepJobFigures;

  /**
   * @param keepJobFigures keep the REST endpoint, so only the model health is off
   */
  WithoutFlinkRest(PipelineRuntime real, boolean keepJobFigures) {
    this.real = real;
    this.keepJobFigures = keepJobFigures;
  }

  @Override
  public Optional<FlinkRestEndpoint> flinkRest() {
    return keepJobFigures ? real.flinkRest() : Optional.empty();
  }

  @Override
  public String describe() {
    return real.describe();
  }

  @Override
  public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) {
    throw new UnsupportedOperationException("a monitor does not deploy");
  }

  @Override
  public DeploymentStatus status(Deployment deployment) {
    return real.status(deployment);
  }

  @Override
  public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout)
      throws InterruptedException {
    return real.awaitTermination(deployment, timeout);
  }

  @Override
  public Optional<String> stop(Deployment deployment, boolean savepoint) {
    throw new UnsupportedOperationException("a monitor does not stop");
  }

  @Override
  public ResultStream results(Deployment deployment, String sinkNodeId) {
    return real.results(deployment, sinkNodeId);
  }

  @Override
  public void close() {}
}
