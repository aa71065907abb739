package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import dev.streamwright.runtime.upgrade.StateCheck;
import dev.streamwright.runtime.upgrade.StateCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment lifecycle on remote environments, headless: deploy, list with reconciling, stop,
 * resume, upgrade and roll back. Every operation records what happened in the workspace's
 * deployment records (one commit per step, so an interrupted operation leaves a record a later
 * {@link #list} reconciles, never a half-created one), and gives each deployment's jobs its id so a
 * deploy is never made twice. Runtimes come from a {@link RuntimeProvider}; the service closes them
 * with itself. Operations block (bounded): call them off the UI thread. Thread-safe.
 */
public final class DeploymentService implements AutoCloseable {

  /** The compiler setting Kafka nodes without brokers of their own use. */
  static final String BOOTSTRAP_KEY = "kafka.bootstrap.servers";

  /** How long a restore check waits for the new job to report what it restored from. */
  static final Duration RESTORE_CHECK = Duration.ofSeconds(20);

  /** How long a list waits for one environment's cluster before showing it as unknown. */
  public static final Duration DEFAULT_CLUSTER_TIMEOUT = Duration.ofSeconds(10);

  private final Workspace workspace;
  private final WorkspaceDeployments records;
  private final RuntimeProvider provider;
  private final Map<String, String> compileEnvironment;
  private final PipelineCompiler compiler;
  private final Duration clusterTimeout;
  private final DeploymentSteps steps;
  private final Upgrades upgrades;
  private final Map<String, PipelineRuntime> open = new HashMap<>(); // guarded by itself

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
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.records = WorkspaceDeployments.of(workspace);
    this.provider = Objects.requireNonNull(runtimes, "runtimes");
    this.compileEnvironment = Map.copyOf(compileEnvironment);
    this.compiler = new PipelineCompiler(types);
    this.clusterTimeout = clusterTimeout;
    this.steps = new DeploymentSteps(records);
    this.upgrades = new Upgrades(this, steps, new StateCheck(types));
  }

  /** The workspace the deployments are recorded in (with prices and drift references). */
  public Workspace workspace() {
    return workspace;
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
    requireWritable("deploy");
    Objects.requireNonNull(pipeline, "pipeline");
    PipelineRuntime runtime = runtime(environment);
    CompiledPipeline compiled = compile(pipeline, environment);
    String from = fromSavepoint == null ? "" : fromSavepoint.strip();
    checkRestorable(from);
    Restores.checkOwner(from, pipeline.pipeline().id(), records.list());
    progress.step(
        "Recording the deployment of '" + pipeline.pipeline().id() + "' to '" + environment + "'");
    DeploymentRecord r;
    try {
      r =
          records.create(
              new NewDeployment(
                  pipeline.pipeline().id(),
                  pipeline.pipeline().name(),
                  pipeline.workspaceVersion(),
                  pipeline.json(),
                  environment));
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.REFUSED, e.getMessage(), e);
    }
    return steps.start(
        r,
        runtime,
        compiled,
        DeploymentSteps.options(r.id(), parallelism, from, Map.of()),
        progress,
        "",
        1,
        (job, restored) ->
            new DeploymentUpdate()
                .state(DeploymentState.RUNNING, "")
                .jobId(job)
                .event(
                    new DeploymentEvent(
                        Instant.now(), DeploymentEvent.Kind.DEPLOYED, 1, job, restored, "")));
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
    return new DeploymentLister(workspace, records, this::runtime, clusterTimeout)
        .list(environment);
  }

  /**
   * Refuses an environment name that is neither {@code embedded}, nor a remote environment of the
   * workspace, nor the environment of any recorded deployment (one since removed).
   *
   * @throws DeployException REFUSED naming the unknown environment and the known ones
   */
  public void requireKnownEnvironment(String environment) throws DeployException {
    DeploymentLister.requireKnown(workspace, records, environment);
  }

  /**
   * The deployment whose id is {@code idOrPrefix} or uniquely starts with it.
   *
   * @throws DeployException REFUSED when none or several match
   */
  public DeploymentRecord find(String idOrPrefix) throws DeployException {
    try {
      return records.find(idOrPrefix == null ? "" : idOrPrefix.strip());
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.REFUSED, e.getMessage(), e);
    }
  }

  /**
   * What a monitor needs to watch a recorded deployment: its job's handle on its environment's
   * runtime and the pipeline version it runs, compiled for that environment.
   *
   * @throws DeployException REFUSED when no deployment or several match, FAILED when its recorded
   *     pipeline cannot be read or no longer compiles, or the environment cannot be opened
   */
  public Watched watch(String idOrPrefix) throws DeployException {
    return watch(idOrPrefix, Map.of());
  }

  /**
   * As {@link #watch(String)}, compiling with {@code environment} on top of this service's own
   * (e.g. the folder a deployment's models are in, which its record does not keep).
   */
  public Watched watch(String idOrPrefix, Map<String, String> environment) throws DeployException {
    DeploymentRecord r = find(idOrPrefix);
    if (r.jobId() == null || r.jobId().isBlank()) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment " + r.id() + " has no job to watch: it never started on its cluster.");
    }
    PipelineRuntime runtime = runtime(r.environment());
    PipelineSource recorded = recorded(r, r.currentVersion());
    Map<String, String> env = new HashMap<>(recorded.compileEnvironment());
    env.putAll(environment);
    PipelineSource source = new PipelineSource(recorded.pipeline(), recorded.json(), 0, env);
    Compilation c = compilation(source, r.environment());
    if (c.result().isEmpty()) {
      String first =
          c.problems().stream()
              .filter(Problem::isError)
              .findFirst()
              .map(Problem::toString)
              .orElse("");
      throw new DeployException(
          DeployException.Kind.FAILED,
          "The pipeline version deployment "
              + r.id()
              + " runs does not compile here, so its figures cannot be mapped to its nodes: "
              + first
              + (first.contains("model")
                  ? " Give the folder of its models with --models DIR."
                  : ""));
    }
    Deployment d =
        new Deployment(
            r.id(),
            r.pipelineId(),
            r.current().pipelineVersion(),
            r.jobId(),
            runtime.describe(),
            r.updatedAt(),
            List.of());
    return new Watched(r, d, runtime, source.pipeline(), c);
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
    requireWritable("stop a deployment");
    DeploymentRecord r = find(idOrPrefix);
    return steps.stopJob(r, runtime(r.environment()), savepoint, drain, progress);
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
    requireWritable("resume a deployment");
    DeploymentRecord r = find(idOrPrefix);
    if (!r.state().isEnded() && r.state() != DeploymentState.UNKNOWN) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment "
              + r.id()
              + " is "
              + r.state().name().toLowerCase()
              + (r.jobId().isEmpty() ? "" : " (job " + r.jobId() + ")")
              + "; stop it first: streamwright stop "
              + r.id()
              + " --savepoint");
    }
    String path =
        from != null && !from.isBlank()
            ? from.strip()
            : r.latestSavepoint()
                .map(SavepointRecord::path)
                .or(() -> r.latestCheckpoint().map(CheckpointRecord::path))
                .orElseThrow(
                    () ->
                        new DeployException(
                            DeployException.Kind.REFUSED,
                            "Deployment "
                                + r.id()
                                + " has no savepoint and no retained checkpoint to resume from."
                                + " Deploy the pipeline again to start it without state"
                                + " (streamwright deploy FILE --env "
                                + r.environment()
                                + ")."));
    checkRestorable(path);
    Restores.checkOwner(path, r.pipelineId(), records.list());
    PipelineRuntime runtime = runtime(r.environment());
    CompiledPipeline compiled = compile(recorded(r, r.currentVersion()), r.environment());
    steps.update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    return steps.start(
        r,
        runtime,
        compiled,
        DeploymentSteps.options(r.id(), 0, path, Map.of()),
        progress,
        "",
        r.currentVersion(),
        (job, restored) ->
            new DeploymentUpdate()
                .state(DeploymentState.RUNNING, "")
                .jobId(job)
                .event(DeploymentEvent.resumed(Instant.now(), path, job)));
  }

  /**
   * Which stateful nodes of the deployment's current version lose their state in the new version;
   * nothing is stopped. The studio shows it before asking to confirm an upgrade.
   *
   * @throws DeployException INVALID_PIPELINE when the new version does not compile
   */
  public StateCheckResult checkUpgrade(String idOrPrefix, PipelineSource next)
      throws DeployException {
    return upgrades.upgradeCheck(find(idOrPrefix), next).result();
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
    return upgrades.upgrade(idOrPrefix, next, allowStateLoss, progress);
  }

  /**
   * Rolls an upgraded deployment back to the version before its last upgrade: that version's exact
   * pipeline JSON, started from the savepoint taken at the upgrade. A running job is stopped with a
   * savepoint first (recorded too). Only the last upgrade is undone: a second rollback is refused.
   *
   * @throws DeployException REFUSED when the last change of version was not an upgrade, FAILED
   */
  public DeployResult rollback(String idOrPrefix, Progress progress) throws DeployException {
    return upgrades.rollback(idOrPrefix, progress);
  }

  /** Closes the runtimes this service opened; remote jobs keep running on their clusters. */
  @Override
  public void close() {
    synchronized (open) {
      open.values().forEach(PipelineRuntime::close);
      open.clear();
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /** Refuses a savepoint or checkpoint path that is plainly not there. */
  static void checkRestorable(String path) throws DeployException {
    if (path.isEmpty()) {
      return;
    }
    Optional<String> problem = RestoreFailures.checkLocal(path);
    if (problem.isPresent()) {
      throw new DeployException(DeployException.Kind.REFUSED, problem.get());
    }
  }

  /** The recorded pipeline of the deployment's version, for this service's compiler environment. */
  PipelineSource recorded(DeploymentRecord r, int version) throws DeployException {
    try {
      return PipelineSource.recorded(records.pipelineJson(r.id(), version), compileEnvironment);
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.FAILED, e.getMessage(), e);
    }
  }

  /** The source compiled for the environment. */
  CompiledPipeline compile(PipelineSource source, String environment) throws DeployException {
    Compilation c = compilation(source, environment);
    if (c.result().isPresent()) {
      return c.result().get();
    }
    List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
    throw new DeployException(
        DeployException.Kind.INVALID_PIPELINE,
        "Pipeline '"
            + source.pipeline().id()
            + "' has "
            + errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + "; nothing was deployed. Fix "
            + (errors.size() == 1 ? "it" : "them")
            + " first (streamwright validate FILE shows them).",
        c.problems(),
        null);
  }

  /** The compilation of the source for the environment, errors and all. */
  Compilation compilation(PipelineSource source, String environment) {
    return compiler.compile(source.pipeline(), environment(source, environment));
  }

  /** The compiler's environment: the source's, with the environment's Kafka brokers. */
  private Map<String, String> environment(PipelineSource source, String environment) {
    Map<String, String> env = new HashMap<>(source.compileEnvironment());
    WorkspaceEnvironments.of(workspace)
        .get(environment)
        .map(e -> e.kafkaBootstrapServers())
        .filter(b -> !b.isBlank())
        .ifPresent(b -> env.put(BOOTSTRAP_KEY, b));
    return env;
  }

  /** Refuses to change anything in a read-only workspace, saying what was refused. */
  void requireWritable(String what) throws DeployException {
    if (workspace.isReadOnly()) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "The workspace "
              + workspace.directory()
              + " is open read-only, so this Streamwright cannot "
              + what
              + ": close the other Streamwright that has it open (the studio?) and try again.");
    }
  }

  /** The environment's runtime, opened once per service. */
  PipelineRuntime runtime(String environment) throws DeployException {
    synchronized (open) {
      PipelineRuntime r = open.get(environment);
      if (r == null) {
        r = provider.open(environment);
        open.put(environment, r);
      }
      return r;
    }
  }
}
