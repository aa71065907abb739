package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.upgrade.StateCheckResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The deployment lifecycle on remote environments, headless: deploy, list with reconciling, stop,
 * resume, upgrade and roll back. Every operation records what happened in the workspace's
 * deployment records (one commit per step, so an interrupted operation leaves a record a later
 * {@link #list} reconciles, never a half-created one), and gives each deployment's jobs its id so a
 * deploy is never made twice. Runtimes come from a {@link RuntimeProvider}; the service closes them
 * with itself. Operations block (bounded): call them off the UI thread. Thread-safe.
 */
public final class DeploymentService implements AutoCloseable {

  /** How long a list waits for one environment's cluster before showing it as unknown. */
  public static final Duration DEFAULT_CLUSTER_TIMEOUT = Duration.ofSeconds(10);

  /**
   * A service over the workspace's records.
   *
   * @param workspace the open workspace (read-only workspaces can list, but reconciling then
   *     changes nothing and the other operations are refused)
   * @param runtimes opens the runtime of an environment
   * @param compileEnvironment the compiler's environment for recorded pipelines (resume, rollback),
   *     e.g. {@code ${data}}
   */
  public DeploymentService(
      Workspace workspace, RuntimeProvider runtimes, Map<String, String> compileEnvironment) {
    this(workspace, runtimes, compileEnvironment, NodeTypeRegistry.load(), DEFAULT_CLUSTER_TIMEOUT);
  }

  /** A service with its node types and cluster timeout given, for tests. */
  DeploymentService(
      Workspace workspace,
      RuntimeProvider runtimes,
      Map<String, String> compileEnvironment,
      NodeTypeRegistry types,
      Duration clusterTimeout) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Deploys a pipeline and waits until its job runs. The record is created (DEPLOYING) before
   * anything is submitted and ends RUNNING, or FAILED with the root cause. Preview sinks run as
   * Flink {@code print} sinks on a cluster ({@link DeployResult#printedPreviews()}).
   *
   * @param pipeline the pipeline and its exact JSON
   * @param environment the environment's name
   * @param fromSavepoint a savepoint or retained checkpoint to start from, or null/empty
   * @param parallelism the job's parallelism, or 0 for the environment's default
   * @param progress where the steps are reported
   * @throws DeployException INVALID_PIPELINE when it does not compile, REFUSED for an unknown
   *     environment or a savepoint that is not there, FAILED when the cluster refused or failed the
   *     job (the record says so)
   */
  public DeployResult deploy(
      PipelineSource pipeline,
      String environment,
      String fromSavepoint,
      int parallelism,
      Progress progress)
      throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The deployments, newest first, reconciled with their clusters: records believed running are
   * checked (and updated when the cluster moved on), an interrupted deploy (DEPLOYING) whose job
   * reached the cluster is adopted, and cluster jobs carrying a Streamwright deployment id the
   * workspace lacks are shown as {@link DeploymentView.Origin#CLUSTER_ONLY}. An environment that
   * does not answer within the cluster timeout shows its deployments as UNKNOWN with the reason.
   * Never throws for cluster faults.
   *
   * @param environment one environment's name, or null for every one
   */
  public List<DeploymentView> list(String environment) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The deployment whose id is {@code idOrPrefix} or uniquely starts with it.
   *
   * @throws DeployException REFUSED when none or several match
   */
  public DeploymentRecord find(String idOrPrefix) throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Stops a deployment's job; returns only once the cluster reports it ended. With {@code
   * savepoint} the savepoint is recorded; {@code drain} first lets windows and timers fire (use it
   * only when the deployment will not be resumed).
   *
   * @throws DeployException REFUSED when the job is not running (already ended: no savepoint was
   *     taken, the message says how it ended), FAILED when the savepoint or stop failed (the job
   *     then keeps running)
   */
  public StopResult stop(String idOrPrefix, boolean savepoint, boolean drain, Progress progress)
      throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Starts a stopped deployment's current version again from saved state: {@code from} when given,
   * else its latest savepoint, else its latest retained checkpoint; then verifies from the new
   * job's details that it restored from exactly that path.
   *
   * @throws DeployException REFUSED when it still runs or there is nothing to resume from, FAILED
   *     when the job could not start from that state
   */
  public DeployResult resume(String idOrPrefix, String from, Progress progress)
      throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Which stateful nodes of the deployment's current version lose their state in the new version;
   * nothing is stopped. The studio shows it before asking to confirm an upgrade.
   *
   * @throws DeployException INVALID_PIPELINE when the new version does not compile
   */
  public StateCheckResult checkUpgrade(String idOrPrefix, PipelineSource next)
      throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Upgrades a deployment to a new pipeline version keeping its state: the state check first
   * (refused, listing the lost state, unless {@code allowStateLoss}, which then lets the new job
   * drop state that has no place in it), then stop with a savepoint, then deploy the new version
   * from it. When the new version fails to start, the old savepoint stays recorded and the
   * deployment stays on its old version, so resume or a fixed upgrade can follow.
   *
   * @throws DeployException INVALID_PIPELINE, REFUSED (state loss not allowed, a different pipeline
   *     id) or FAILED
   */
  public DeployResult upgrade(
      String idOrPrefix, PipelineSource next, boolean allowStateLoss, Progress progress)
      throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Rolls an upgraded deployment back to the version before its last upgrade: that version's exact
   * pipeline JSON, started from the savepoint taken at the upgrade. A running job is stopped with a
   * savepoint first (recorded too).
   *
   * @throws DeployException REFUSED when the current version was not reached by an upgrade, FAILED
   */
  public DeployResult rollback(String idOrPrefix, Progress progress) throws DeployException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Closes the runtimes this service opened; remote jobs keep running on their clusters. */
  @Override
  public void close() {}
}
