package dev.streamwright.runtime.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run a deployment.
 *
 * @param jobName the Flink job name (defaults to {@code streamwright-<pipeline id>})
 * @param parallelism default operator parallelism, or 0 for the runtime's default
 * @param checkpointInterval checkpoint interval; file and exactly-once Kafka sinks commit on
 *     checkpoints, so it must not be zero for them
 * @param configuration extra Flink configuration entries for this job
 * @param restoreFrom the savepoint or retained checkpoint the job starts from (a path or URI the
 *     runtime's cluster can read), or empty to start without state
 * @param deploymentId the id the deployment gets, chosen by the caller so a deploy interrupted
 *     before it returned can be found on the cluster and never made twice; empty lets the runtime
 *     pick one
 */
public record DeployOptions(
    String jobName,
    int parallelism,
    Duration checkpointInterval,
    Map<String, String> configuration,
    String restoreFrom,
    String deploymentId) {

  /**
   * Checkpoint often enough that file sinks show their rows within seconds on a laptop, rarely
   * enough that checkpoint overhead stays small next to the pipeline's own work.
   */
  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

  public DeployOptions {
    checkpointInterval =
        checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
    configuration = Map.copyOf(new TreeMap<>(configuration == null ? Map.of() : configuration));
    restoreFrom = restoreFrom == null ? "" : restoreFrom.strip();
    deploymentId = deploymentId == null ? "" : deploymentId.strip();
  }

  /** Options whose deployment id the runtime picks. */
  public DeployOptions(
      String jobName,
      int parallelism,
      Duration checkpointInterval,
      Map<String, String> configuration,
      String restoreFrom) {
    this(jobName, parallelism, checkpointInterval, configuration, restoreFrom, "");
  }

  /** Options that start the job without state. */
  public DeployOptions(
      String jobName,
      int parallelism,
      Duration checkpointInterval,
      Map<String, String> configuration) {
    this(jobName, parallelism, checkpointInterval, configuration, "", "");
  }

  /** Defaults: named after the pipeline, runtime parallelism, 5 s checkpoints. */
  public static DeployOptions defaults() {
    return new DeployOptions(null, 0, null, Map.of());
  }

  /** These options with another job name. */
  public DeployOptions withJobName(String name) {
    return new DeployOptions(
        name, parallelism, checkpointInterval, configuration, restoreFrom, deploymentId);
  }

  /** These options with another parallelism. */
  public DeployOptions withParallelism(int p) {
    return new DeployOptions(
        jobName, p, checkpointInterval, configuration, restoreFrom, deploymentId);
  }

  /** These options starting from a savepoint or retained checkpoint. */
  public DeployOptions restoringFrom(String path) {
    return new DeployOptions(
        jobName, parallelism, checkpointInterval, configuration, path, deploymentId);
  }

  /** These options with the deployment id chosen by the caller. */
  public DeployOptions withDeploymentId(String id) {
    return new DeployOptions(
        jobName, parallelism, checkpointInterval, configuration, restoreFrom, id);
  }

  /** Whether the job starts from saved state. */
  public boolean restores() {
    return !restoreFrom.isEmpty();
  }
}
