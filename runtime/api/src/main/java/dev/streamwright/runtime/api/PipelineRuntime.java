package dev.streamwright.runtime.api;

import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
   * Stops a deployment, with {@code drain} first letting every window and timer fire (Flink's
   * {@code --drain}: use it only when the pipeline will not resume from the savepoint). The
   * savepoint's path is returned only once the cluster reports the job ended.
   *
   * @throws JobAlreadyEnded when a savepoint was asked for and the job had already ended
   * @throws RuntimeFailure when the savepoint or the stop fails; the job then keeps running
   */
  default Optional<String> stop(Deployment deployment, boolean savepoint, boolean drain)
      throws RuntimeFailure {
    if (drain) {
      throw new RuntimeFailure(describe() + " cannot drain a job: stop it without --drain.");
    }
    return stop(deployment, savepoint);
  }

  /**
   * What the cluster says about the deployment's job: state, uptime, restarts, last checkpoint and
   * the savepoint it restored from. Runtimes that know less fill in what they know.
   *
   * @throws RuntimeFailure when the cluster cannot be asked
   */
  default DeploymentDetails details(Deployment deployment) throws RuntimeFailure {
    Instant started = deployment.startedAt() == null ? Instant.now() : deployment.startedAt();
    return new DeploymentDetails(
        deployment.jobId(),
        "",
        status(deployment),
        started,
        Duration.between(started, Instant.now()),
        -1,
        null,
        "");
  }

  /**
   * The jobs of the runtime's cluster, each with the Streamwright deployment its name carries, for
   * reconciling what a workspace believes runs with what does.
   *
   * @throws RuntimeFailure when the cluster cannot be asked
   */
  default List<ClusterJob> jobs() throws RuntimeFailure {
    return List.of();
  }

  /**
   * A handle to a job this runtime did not start in this process (after a restart of the studio),
   * found by its Flink job id; its name must carry a Streamwright deployment.
   *
   * @throws RuntimeFailure when the cluster does not know the job or it is not Streamwright's
   */
  default Deployment attach(String jobId) throws RuntimeFailure {
    throw new RuntimeFailure(describe() + " cannot attach to job " + jobId + ".");
  }

  /**
   * How the deployment's nodes are doing right now, by node id: only nodes that report anything
   * (Model score nodes) appear. Meant to be polled every few seconds while the job runs; it never
   * throws and returns quickly: when the runtime cannot be asked, it returns what it last knew, or
   * an empty map.
   */
  default Map<String, NodeHealth> nodeHealth(Deployment deployment) {
    return Map.of();
  }

  /**
   * Where this runtime's Flink REST API answers, for monitoring; empty while it has none (the
   * embedded runtime before its first deploy) or when it cannot be reached over REST.
   */
  default Optional<FlinkRestEndpoint> flinkRest() {
    return Optional.empty();
  }

  /** Follows the rows of one of the deployment's preview sinks. */
  ResultStream results(Deployment deployment, String sinkNodeId);

  /**
   * Releases the runtime's resources. The embedded runtime stops its deployments with its cluster;
   * a remote runtime leaves them running on theirs.
   */
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
