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
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.JobAlreadyEnded;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import dev.streamwright.runtime.upgrade.StateCheck;
import dev.streamwright.runtime.upgrade.StateCheckResult;
import dev.streamwright.runtime.upgrade.StateLoss;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment lifecycle on remote environments, headless: deploy, list with reconciling, stop,
 * resume, upgrade and roll back. Every operation records what happened in the workspace's
 * deployment records (one commit per step, so an interrupted operation leaves a record a later
 * {@link #list} reconciles, never a half-created one), and gives each deployment's jobs its id so a
 * deploy is never made twice. Runtimes come from a {@link RuntimeProvider}; the service closes them
 * with itself. Operations block (bounded): call them off the UI thread. Thread-safe.
 */
public final class DeploymentService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentService.class);

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
  private final StateCheck stateCheck;
  private final Duration clusterTimeout;
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
    this.stateCheck = new StateCheck(types);
    this.clusterTimeout = clusterTimeout;
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
    return start(
        r,
        runtime,
        compiled,
        options(r.id(), parallelism, from, Map.of()),
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
    return stopJob(r, runtime(r.environment()), savepoint, drain, progress);
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
    update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    return start(
        r,
        runtime,
        compiled,
        options(r.id(), 0, path, Map.of()),
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
    return upgradeCheck(find(idOrPrefix), next).result();
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
    requireWritable("upgrade a deployment");
    DeploymentRecord r = find(idOrPrefix);
    PipelineRuntime runtime = runtime(r.environment());
    UpgradeCheck check = upgradeCheck(r, next);
    StateCheckResult result = check.result();
    if (result.losesState() && !allowStateLoss) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Upgrading deployment "
              + r.id()
              + " to this version would lose state:"
              + losses(result)
              + "\nNothing was stopped. Keep those nodes as they are, or accept the loss with"
              + " --allow-state-loss.");
    }
    String savepoint = savepointToLeave(r, runtime, progress);
    int number = records(r.id()).versions().size() + 1;
    Map<String, String> config =
        result.losesState()
            ? Map.of(RestoreFailures.IGNORE_UNCLAIMED_STATE, "true")
            : Map.<String, String>of();
    update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    String hint =
        " The deployment stays on version "
            + r.currentVersion()
            + " and its savepoint "
            + savepoint
            + " stays recorded: resume it with 'streamwright resume "
            + r.id()
            + "', or fix the new version and upgrade again.";
    progress.step("Deploying version " + number + " from savepoint " + savepoint);
    return start(
        r,
        runtime,
        check.compiled(),
        options(r.id(), 0, savepoint, config),
        progress,
        hint,
        number,
        (job, restored) ->
            new DeploymentUpdate()
                .newVersion(next.json(), next.workspaceVersion())
                .state(DeploymentState.RUNNING, "")
                .jobId(job)
                .event(DeploymentEvent.upgraded(Instant.now(), number, savepoint, job)));
  }

  /**
   * Rolls an upgraded deployment back to the version before its last upgrade: that version's exact
   * pipeline JSON, started from the savepoint taken at the upgrade. A running job is stopped with a
   * savepoint first (recorded too). Only the last upgrade is undone: a second rollback is refused.
   *
   * @throws DeployException REFUSED when the last change of version was not an upgrade, FAILED
   */
  public DeployResult rollback(String idOrPrefix, Progress progress) throws DeployException {
    requireWritable("roll back a deployment");
    DeploymentRecord r = find(idOrPrefix);
    // Only the last change of version can be undone: the upgrade that made the current version.
    DeploymentEvent upgrade =
        r.events().stream()
            .filter(
                e ->
                    e.kind() == DeploymentEvent.Kind.DEPLOYED
                        || e.kind() == DeploymentEvent.Kind.UPGRADED
                        || e.kind() == DeploymentEvent.Kind.ROLLED_BACK)
            .reduce((a, b) -> b)
            .filter(
                e -> e.kind() == DeploymentEvent.Kind.UPGRADED && e.version() == r.currentVersion())
            .orElseThrow(
                () ->
                    new DeployException(
                        DeployException.Kind.REFUSED,
                        "Deployment "
                            + r.id()
                            + " runs version "
                            + r.currentVersion()
                            + ", which its last upgrade did not start: there is nothing to roll"
                            + " back to. To run another version, upgrade to its pipeline file."));
    String path = upgrade.path();
    int previous =
        r.savepoints().stream()
            .filter(s -> s.path().equals(path))
            .map(SavepointRecord::version)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new DeployException(
                        DeployException.Kind.REFUSED,
                        "Deployment "
                            + r.id()
                            + " has no record of the savepoint "
                            + path
                            + " its upgrade started from, so it cannot roll back."));
    PipelineRuntime runtime = runtime(r.environment());
    CompiledPipeline compiled = compile(recorded(r, previous), r.environment());
    checkRestorable(path);
    if (!r.state().isEnded()) {
      savepointToLeave(r, runtime, progress);
    }
    update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    progress.step("Deploying version " + previous + " from savepoint " + path);
    return start(
        r,
        runtime,
        compiled,
        options(r.id(), 0, path, Map.of()),
        progress,
        "",
        previous,
        (job, restored) ->
            new DeploymentUpdate()
                .currentVersion(previous)
                .state(DeploymentState.RUNNING, "")
                .jobId(job)
                .event(DeploymentEvent.rolledBack(Instant.now(), previous, path, job)));
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

  /** What an upgrade would do: the state check and the new version compiled. */
  private record UpgradeCheck(StateCheckResult result, CompiledPipeline compiled) {}

  private UpgradeCheck upgradeCheck(DeploymentRecord r, PipelineSource next)
      throws DeployException {
    if (!next.pipeline().id().equals(r.pipelineId())) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment "
              + r.id()
              + " runs the pipeline '"
              + r.pipelineId()
              + "', not '"
              + next.pipeline().id()
              + "': an upgrade keeps the pipeline's id. Deploy '"
              + next.pipeline().id()
              + "' as a deployment of its own (streamwright deploy FILE --env "
              + r.environment()
              + ").");
    }
    CompiledPipeline compiled = compile(next, r.environment());
    PipelineSource running = recorded(r, r.currentVersion());
    Compilation old = compiler.compile(running.pipeline(), environment(running, r.environment()));
    StateCheckResult result =
        old.result()
            .map(c -> stateCheck.check(running.pipeline(), c, next.pipeline(), compiled))
            .orElseGet(() -> stateCheck.check(running.pipeline(), next.pipeline()));
    return new UpgradeCheck(result, compiled);
  }

  private static String losses(StateCheckResult result) {
    StringBuilder sb = new StringBuilder();
    for (StateLoss l : result.losses()) {
      sb.append("\n  ").append(l.message());
    }
    return sb.toString();
  }

  /**
   * Stops a running deployment with a savepoint and returns its path, or the newest savepoint of
   * the current version of a deployment that no longer runs.
   */
  private String savepointToLeave(DeploymentRecord r, PipelineRuntime runtime, Progress progress)
      throws DeployException {
    if (r.state() == DeploymentState.DEPLOYING || r.state() == DeploymentState.STOPPING) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment "
              + r.id()
              + " is "
              + r.state().name().toLowerCase()
              + "; wait until it runs or has stopped (streamwright deployments), then try again.");
    }
    if (!r.state().isEnded()) {
      return stopJob(r, runtime, true, false, progress).savepoint();
    }
    return r.savepoints().stream()
        .filter(s -> s.version() == r.currentVersion())
        .reduce((a, b) -> b)
        .map(SavepointRecord::path)
        .orElseThrow(
            () ->
                new DeployException(
                    DeployException.Kind.REFUSED,
                    "Deployment "
                        + r.id()
                        + " is not running and has no savepoint of its version "
                        + r.currentVersion()
                        + ": resume it first (streamwright resume "
                        + r.id()
                        + "), then upgrade."));
  }

  private StopResult stopJob(
      DeploymentRecord r,
      PipelineRuntime runtime,
      boolean savepoint,
      boolean drain,
      Progress progress)
      throws DeployException {
    if (r.jobId().isEmpty() || r.state() == DeploymentState.DEPLOYING) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment "
              + r.id()
              + " has no running job yet (it is "
              + r.state().name().toLowerCase()
              + "); list the deployments (streamwright deployments) to see whether its deploy"
              + " reached the cluster, then try again.");
    }
    if (r.state().isEnded()) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "Deployment "
              + r.id()
              + " is not running: it is "
              + r.state().name().toLowerCase()
              + (r.stateMessage().isEmpty() ? "" : " (" + r.stateMessage() + ")")
              + r.latestSavepoint().map(s -> "; its last savepoint is " + s.path()).orElse("")
              + ". Nothing was stopped.");
    }
    Deployment d = handle(r, runtime);
    DeploymentUpdate before = new DeploymentUpdate().state(DeploymentState.STOPPING, "");
    if (!savepoint) {
      retainedCheckpoint(r, runtime, d).ifPresent(before::checkpoint);
    }
    update(r.id(), before);
    progress.step(
        (savepoint
                ? "Stopping job " + r.jobId() + " with a savepoint" + (drain ? ", draining" : "")
                : "Cancelling job " + r.jobId())
            + "; waiting until the cluster reports it ended");
    Optional<String> path;
    try {
      path = runtime.stop(d, savepoint, drain);
    } catch (JobAlreadyEnded e) {
      DeploymentState s =
          switch (e.phase()) {
            case FAILED -> DeploymentState.FAILED;
            case FINISHED -> DeploymentState.FINISHED;
            default -> DeploymentState.STOPPED;
          };
      update(
          r.id(),
          new DeploymentUpdate()
              .state(s, s == DeploymentState.FAILED ? e.getMessage() : "")
              .event(
                  new DeploymentEvent(
                      Instant.now(),
                      DeploymentEvent.Kind.STATE_CHANGED,
                      0,
                      r.jobId(),
                      "",
                      e.getMessage())));
      throw new DeployException(DeployException.Kind.REFUSED, e.getMessage(), e);
    } catch (RuntimeFailure e) {
      update(
          r.id(),
          new DeploymentUpdate()
              .state(DeploymentState.RUNNING, "")
              .event(DeploymentEvent.failed(Instant.now(), r.jobId(), "stop: " + e.getMessage())));
      throw new DeployException(
          DeployException.Kind.FAILED, e.getMessage() + " The job keeps running.", e);
    }
    Instant now = Instant.now();
    String sp = path.orElse("");
    DeploymentUpdate u =
        new DeploymentUpdate()
            .state(DeploymentState.STOPPED, "")
            .event(DeploymentEvent.stopped(now, r.jobId(), sp));
    if (!sp.isEmpty()) {
      u.savepoint(new SavepointRecord(sp, now, r.currentVersion(), r.jobId()));
    }
    update(r.id(), u);
    return new StopResult(r.id(), r.jobId(), sp);
  }

  /** The job's last retained checkpoint, when the record does not have it yet. */
  private Optional<CheckpointRecord> retainedCheckpoint(
      DeploymentRecord r, PipelineRuntime runtime, Deployment d) {
    try {
      return checkpointRecord(r, runtime.details(d));
    } catch (RuntimeFailure e) {
      LOG.info("No checkpoint information for job {}: {}", d.jobId(), e.getMessage());
      return Optional.empty();
    }
  }

  /** A record of the details' last checkpoint, if it is retained and not recorded yet. */
  static Optional<CheckpointRecord> checkpointRecord(DeploymentRecord r, DeploymentDetails d) {
    CheckpointInfo c = d.lastCheckpoint();
    if (c == null || c.savepoint() || c.path().isEmpty()) {
      return Optional.empty();
    }
    if (r.checkpoints().stream().anyMatch(k -> k.path().equals(c.path()))) {
      return Optional.empty();
    }
    return Optional.of(
        new CheckpointRecord(
            c.path(), c.completedAt(), r.currentVersion(), d.jobId(), c.sizeBytes()));
  }

  /**
   * Deploys the compiled pipeline as the record's new job, verifies a restore, and records the
   * outcome: {@code onSuccess} with the job id and the confirmed restore path, or FAILED.
   */
  private DeployResult start(
      DeploymentRecord r,
      PipelineRuntime runtime,
      CompiledPipeline compiled,
      DeployOptions options,
      Progress progress,
      String failureHint,
      int version,
      BiFunction<String, String, DeploymentUpdate> onSuccess)
      throws DeployException {
    progress.step(
        "Submitting '"
            + compiled.pipelineId()
            + "' to '"
            + r.environment()
            + "'"
            + (options.restores() ? " from " + options.restoreFrom() : "")
            + "; waiting until its job runs");
    Deployment d;
    try {
      d = runtime.deploy(compiled, options);
    } catch (RuntimeFailure e) {
      fail(r.id(), "", e.getMessage());
      throw new DeployException(DeployException.Kind.FAILED, e.getMessage() + failureHint, e);
    }
    String restored = "";
    if (options.restores()) {
      progress.step("Checking that job " + d.jobId() + " restored from " + options.restoreFrom());
      try {
        restored = Restores.verify(runtime, d, options.restoreFrom(), RESTORE_CHECK);
      } catch (DeployException e) {
        cancelQuietly(runtime, d);
        fail(r.id(), d.jobId(), e.getMessage());
        throw new DeployException(e.kind(), e.getMessage() + failureHint, e);
      }
    }
    update(r.id(), onSuccess.apply(d.jobId(), restored));
    LOG.info("Deployment {} runs as job {} on '{}'", r.id(), d.jobId(), r.environment());
    return new DeployResult(
        r.id(),
        d.jobId(),
        r.environment(),
        compiled.pipelineId(),
        version,
        restored,
        d.previewSinks().isEmpty() ? compiled.previewSinks() : List.of());
  }

  private void fail(String id, String jobId, String reason) {
    try {
      update(
          id,
          new DeploymentUpdate()
              .state(DeploymentState.FAILED, reason)
              .event(DeploymentEvent.failed(Instant.now(), jobId, reason)));
    } catch (DeployException e) {
      LOG.warn("Could not record the failure of deployment {}: {}", id, e.getMessage());
    }
  }

  private static void cancelQuietly(PipelineRuntime runtime, Deployment d) {
    try {
      runtime.stop(d, false);
    } catch (RuntimeFailure e) {
      LOG.warn("Could not cancel job {}", d.jobId(), e);
    }
  }

  private static DeployOptions options(
      String id, int parallelism, String from, Map<String, String> configuration) {
    return new DeployOptions(null, parallelism, null, configuration, from, id);
  }

  private static void checkRestorable(String path) throws DeployException {
    if (path.isEmpty()) {
      return;
    }
    Optional<String> problem = RestoreFailures.checkLocal(path);
    if (problem.isPresent()) {
      throw new DeployException(DeployException.Kind.REFUSED, problem.get());
    }
  }

  private Deployment handle(DeploymentRecord r, PipelineRuntime runtime) {
    return new Deployment(
        r.id(),
        r.pipelineId(),
        r.current().pipelineVersion(),
        r.jobId(),
        runtime.describe(),
        null,
        List.of());
  }

  private PipelineSource recorded(DeploymentRecord r, int version) throws DeployException {
    try {
      return PipelineSource.recorded(records.pipelineJson(r.id(), version), compileEnvironment);
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.FAILED, e.getMessage(), e);
    }
  }

  private DeploymentRecord records(String id) throws DeployException {
    return find(id);
  }

  private CompiledPipeline compile(PipelineSource source, String environment)
      throws DeployException {
    Compilation c = compiler.compile(source.pipeline(), environment(source, environment));
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

  private void update(String id, DeploymentUpdate u) throws DeployException {
    try {
      records.update(id, u);
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.FAILED, e.getMessage(), e);
    }
  }

  private void requireWritable(String what) throws DeployException {
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
