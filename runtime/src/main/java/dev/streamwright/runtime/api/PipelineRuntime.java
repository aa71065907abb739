package dev.streamwright.runtime.api;

import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where compiled pipelines run: the embedded Flink inside the studio, or a remote cluster behind a
 * SQL Gateway. The studio and the CLI only see this interface.
 */
public interface PipelineRuntime extends AutoCloseable {

  /** A one-line description of the runtime and where it is, for status bars and logs. */
  String describe();

  /**
   * Submits the pipeline and returns once the job is accepted.
   *
   * @throws RuntimeFailure when the runtime cannot be reached or refuses the job
   */
  Deployment deploy(CompiledPipeline pipeline, DeployOptions options) throws RuntimeFailure;

  /** The current status of a deployment made by this runtime. */
  DeploymentStatus status(Deployment deployment);

  /**
   * Waits until the deployment reaches a terminal phase or the timeout passes.
   *
   * @return the status at that moment
   */
  DeploymentStatus awaitTermination(Deployment deployment, Duration timeout)
      throws InterruptedException;

  /**
   * Stops a deployment. With {@code savepoint} the job is stopped with a savepoint whose path is
   * returned, waiting (bounded) for a job that is still starting to run first; without, it is
   * cancelled.
   */
  Optional<String> stop(Deployment deployment, boolean savepoint) throws RuntimeFailure;

  /**
   * How the deployment's nodes are doing right now, by node id: only nodes that report anything
   * (Model score nodes) appear. Meant to be polled every few seconds while the job runs; it never
   * throws and returns quickly: when the runtime cannot be asked, it returns what it last knew, or
   * an empty map.
   */
  default Map<String, NodeHealth> nodeHealth(Deployment deployment) {
    return Map.of();
  }

  /** Follows the rows of one of the deployment's preview sinks. */
  ResultStream results(Deployment deployment, String sinkNodeId);

  /** Stops every deployment still running and releases the runtime's resources. */
  @Override
  void close();

  /**
   * Starts what the runtime needs before its first deploy (the embedded runtime: its cluster), so a
   * front end can overlap that start with the checks before a run. Optional: deploy starts what is
   * missing anyway, and a failure here resurfaces there. Does nothing by default.
   *
   * @throws RuntimeFailure when the runtime cannot start
   */
  default void warmUp() throws RuntimeFailure {}
}
