package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists deployments reconciled with their clusters: asks every environment at once, each within the
 * same bound, and applies {@link Reconciling}'s decisions to the records (unless the workspace is
 * read-only, when the list shows them without recording).
 */
final class DeploymentLister {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentLister.class);

  /** Opens an environment's runtime. */
  @FunctionalInterface
  interface Opener {
    PipelineRuntime open(String environment) throws DeployException;
  }

  /** What one cluster said: its jobs and the details of its running Streamwright jobs. */
  private record Facts(List<ClusterJob> jobs, Map<String, DeploymentDetails> details) {}

  /** Why a cluster could not be asked; {@code checkable} is false where no runtime applies. */
  private record NoFacts(String reason, boolean checkable) {}

  /** The system property overriding {@link #PARALLELISM} (for measuring; 1 is sequential). */
  static final String PARALLELISM_PROPERTY = "streamwright.reconcile.parallelism";

  /** Job details asked at once, across environments; each job takes three REST requests. */
  static final int PARALLELISM = 4;

  private static final ThreadFactory LOOKUP_THREADS =
      r -> {
        Thread t = new Thread(r, "streamwright-reconcile");
        t.setDaemon(true);
        return t;
      };

  private final Workspace workspace;
  private final WorkspaceDeployments records;
  private final Opener runtimes;
  private final Duration timeout;

  DeploymentLister(
      Workspace workspace, WorkspaceDeployments records, Opener runtimes, Duration timeout) {
    this.workspace = workspace;
    this.records = records;
    this.runtimes = runtimes;
    this.timeout = timeout;
  }

  /** Refuses a name that is no environment of the workspace nor of any of its records. */
  static void requireKnown(Workspace workspace, WorkspaceDeployments records, String environment)
      throws DeployException {
    Set<String> known = new TreeSet<>();
    WorkspaceEnvironments.of(workspace).list().forEach(e -> known.add(e.name()));
    records.list().forEach(r -> known.add(r.environment()));
    if (EnvironmentNames.EMBEDDED.equals(environment) || known.contains(environment)) {
      return;
    }
    List<String> names = new ArrayList<>();
    names.add(EnvironmentNames.EMBEDDED);
    names.addAll(known);
    throw new DeployException(
        DeployException.Kind.REFUSED,
        "There is no environment '"
            + environment
            + "' in the workspace "
            + workspace.directory()
            + "; its environments are: "
            + String.join(", ", names)
            + ". See them with: streamwright env list");
  }

  List<DeploymentView> list(String environment) {
    ExecutorService pool = Executors.newCachedThreadPool(LOOKUP_THREADS);
    ExecutorService detailsPool = Executors.newFixedThreadPool(parallelism(), LOOKUP_THREADS);
    try {
      Map<String, Object> answers = new LinkedHashMap<>();
      Map<String, Future<Facts>> pending = new LinkedHashMap<>();
      Set<String> envs = new LinkedHashSet<>();
      if (environment != null) {
        envs.add(environment);
      } else {
        WorkspaceEnvironments.of(workspace).list().stream()
            .map(RemoteEnvironment::name)
            .forEach(envs::add);
      }
      // the clusters are asked while the records are read (at parallelism 1: after)
      boolean overlap = parallelism() > 1;
      if (overlap) {
        envs.forEach(env -> ask(env, pool, detailsPool, pending, answers));
      }
      List<DeploymentRecord> recs = records.list(environment);
      if (!overlap) {
        envs.forEach(env -> ask(env, pool, detailsPool, pending, answers));
      }
      for (DeploymentRecord r : recs) {
        if (envs.add(r.environment())) { // an environment removed since: its records remain
          ask(r.environment(), pool, detailsPool, pending, answers);
        }
      }
      collect(pending, answers);
      return views(recs, envs, answers);
    } finally {
      pool.shutdownNow();
      detailsPool.shutdownNow();
    }
  }

  private List<DeploymentView> views(
      List<DeploymentRecord> recs, Set<String> envs, Map<String, Object> answers) {
    Instant now = Instant.now();
    Set<String> known = new HashSet<>();
    records.list().forEach(r -> known.add(r.id()));
    List<DeploymentView> views = new ArrayList<>();
    for (DeploymentRecord r : recs) {
      Object answer = answers.get(r.environment());
      views.add(answer instanceof Facts f ? reconciled(r, f, now) : unchecked(r, (NoFacts) answer));
    }
    for (String env : envs) {
      if (answers.get(env) instanceof Facts f) {
        Set<String> shown = new HashSet<>();
        for (ClusterJob j : Reconciling.unknownToWorkspace(f.jobs(), known)) {
          if (shown.add(j.deploymentId())) {
            views.add(clusterOnly(env, j, f.details().get(j.jobId()), now));
          }
        }
      }
    }
    return views;
  }

  /** Starts asking an environment's cluster, or records why it cannot be asked. */
  private void ask(
      String env,
      ExecutorService pool,
      ExecutorService detailsPool,
      Map<String, Future<Facts>> pending,
      Map<String, Object> answers) {
    PipelineRuntime runtime;
    try {
      runtime = runtimes.open(env);
    } catch (DeployException e) {
      answers.put(env, new NoFacts(e.getMessage(), e.kind() != DeployException.Kind.REFUSED));
      return;
    }
    pending.put(env, pool.submit(() -> facts(runtime, detailsPool)));
  }

  /** Every asked environment's facts or why there are none, within one shared deadline. */
  private void collect(Map<String, Future<Facts>> pending, Map<String, Object> answers) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<String, Future<Facts>> p : pending.entrySet()) {
      String env = p.getKey();
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        answers.put(env, p.getValue().get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        p.getValue().cancel(true);
        answers.put(
            env,
            new NoFacts(
                "the cluster of '" + env + "' did not answer within " + seconds() + " s", true));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        LOG.info("Cannot reconcile '{}': {}", env, cause.getMessage());
        answers.put(env, new NoFacts(String.valueOf(cause.getMessage()), true));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answers.put(env, new NoFacts("interrupted", true));
      }
    }
  }

  private String seconds() {
    return Long.toString(Math.max(1, timeout.toSeconds()));
  }

  /**
   * The cluster's job list, then the details of each running Streamwright job: several requests
   * each, so they are asked {@link #parallelism()} at a time on {@code pool}.
   */
  private static Facts facts(PipelineRuntime runtime, ExecutorService pool)
      throws RuntimeFailure, InterruptedException {
    List<ClusterJob> jobs = runtime.jobs();
    Map<String, Future<DeploymentDetails>> asked = new LinkedHashMap<>();
    for (ClusterJob j : jobs) {
      if (j.isStreamwright() && !j.status().phase().isTerminal()) {
        asked.put(j.jobId(), pool.submit(() -> runtime.details(deployment(runtime, j))));
      }
    }
    Map<String, DeploymentDetails> details = new HashMap<>();
    for (Map.Entry<String, Future<DeploymentDetails>> a : asked.entrySet()) {
      try {
        details.put(a.getKey(), a.getValue().get());
      } catch (ExecutionException e) {
        LOG.debug("No details of job {}: {}", a.getKey(), e.getCause().getMessage());
      }
    }
    return new Facts(jobs, details);
  }

  private static Deployment deployment(PipelineRuntime runtime, ClusterJob j) {
    return new Deployment(
        j.deploymentId(),
        j.pipelineId(),
        j.pipelineVersion(),
        j.jobId(),
        runtime.describe(),
        j.startedAt(),
        List.of());
  }

  /**
   * How many job details are asked of the clusters at once: {@value #PARALLELISM}, or the {@code
   * streamwright.reconcile.parallelism} system property (1 does one thing after the other: the
   * records are read, then the clusters asked, one job after the other).
   */
  static int parallelism() {
    return Math.max(1, Integer.getInteger(PARALLELISM_PROPERTY, PARALLELISM));
  }

  private DeploymentView reconciled(DeploymentRecord r, Facts f, Instant now) {
    Reconciling.Decision d = Reconciling.decide(r, f.jobs(), now);
    DeploymentDetails details = d.job() == null ? null : f.details().get(d.job().jobId());
    DeploymentUpdate u = d.update();
    if (details != null && d.state() == DeploymentState.RUNNING) {
      var checkpoint = DeploymentSteps.checkpointRecord(r, details);
      if (checkpoint.isPresent()) {
        u = u == null ? new DeploymentUpdate() : u;
        u.checkpoint(checkpoint.get());
      }
    }
    DeploymentRecord after = r;
    if (u != null && !workspace.isReadOnly()) {
      try {
        after = records.update(r.id(), u);
      } catch (WorkspaceException e) {
        LOG.warn("Could not record what the cluster says about {}: {}", r.id(), e.getMessage());
      }
    }
    boolean running = d.state() == DeploymentState.RUNNING && details != null;
    return new DeploymentView(
        r.id(),
        DeploymentView.Origin.WORKSPACE,
        r.pipelineId(),
        r.pipelineName(),
        after.currentVersion(),
        after.current().pipelineVersion(),
        r.environment(),
        d.state(),
        d.reason(),
        d.job() != null && d.state() == DeploymentState.RUNNING ? d.job().jobId() : after.jobId(),
        running ? details.startedAt() : null,
        running ? details.uptime() : null,
        running ? details.restarts() : -1,
        running && details.lastCheckpoint() != null
            ? details.lastCheckpoint()
            : recordedCheckpoint(after),
        after.savepoints(),
        after,
        now);
  }

  private static DeploymentView unchecked(DeploymentRecord r, NoFacts why) {
    boolean unknown = why.checkable() && !r.state().isEnded();
    return new DeploymentView(
        r.id(),
        DeploymentView.Origin.WORKSPACE,
        r.pipelineId(),
        r.pipelineName(),
        r.currentVersion(),
        r.current().pipelineVersion(),
        r.environment(),
        unknown ? DeploymentState.UNKNOWN : r.state(),
        unknown ? why.reason() : r.stateMessage(),
        r.jobId(),
        null,
        null,
        -1,
        recordedCheckpoint(r),
        r.savepoints(),
        r,
        null);
  }

  private static DeploymentView clusterOnly(
      String env, ClusterJob j, DeploymentDetails details, Instant now) {
    return new DeploymentView(
        j.deploymentId(),
        DeploymentView.Origin.CLUSTER_ONLY,
        j.pipelineId(),
        j.pipelineId(),
        0,
        j.pipelineVersion(),
        env,
        DeploymentState.RUNNING,
        "deployed from another workspace: this workspace has no record of it",
        j.jobId(),
        j.startedAt(),
        details == null ? null : details.uptime(),
        details == null ? -1 : details.restarts(),
        details == null ? null : details.lastCheckpoint(),
        List.of(),
        null,
        now);
  }

  private static CheckpointInfo recordedCheckpoint(DeploymentRecord r) {
    return r.latestCheckpoint()
        .map(
            (CheckpointRecord c) ->
                new CheckpointInfo(0, c.completedAt(), c.sizeBytes(), c.path(), false))
        .orElse(null);
  }
}
