package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipelines on a remote Flink session cluster: deploys through its SQL Gateway (one session
 * per deploy: {@code ADD JAR}s, the job's settings, the pipeline's tables and views, then its
 * inserts as one statement set) and operates the jobs through the cluster's REST API. Jobs live on
 * the cluster: closing the runtime leaves them running, and each job's name carries its
 * Streamwright deployment ({@link JobNames}), so {@link #jobs()} and {@link #attach(String)} find
 * them again from any process.
 *
 * <p>Preview sinks run as Flink {@code print} sinks named after their nodes ({@link
 * PreviewPrints}): their rows land in the TaskManagers' stdout log, as they cannot stream back from
 * a remote job.
 */
public final class GatewayRuntime implements PipelineRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

  /** Bound on one request to the gateway or the REST API. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Bound on one statement, e.g. the statement set's planning and submission. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(90);

  /** How long a deploy waits for the job and all its tasks to run. */
  static final Duration START_WAIT = Duration.ofSeconds(60);

  /** How long a stop waits for the savepoint, and then for the cluster to report the job ended. */
  static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RemoteTarget target;
  private final ExecutorService executor;
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final Object clientsLock = new Object();
  private Endpoint gateway; // guarded by clientsLock
  private FlinkRestApi rest; // guarded by clientsLock
  private volatile boolean closed;

  /** What this runtime remembers of a deployment: the failure mapping and whether it stopped it. */
  private static final class Known {
    final ConnectorTables connectors;
    volatile boolean stopRequested;

    Known(ConnectorTables connectors) {
      this.connectors = connectors;
    }

    void markStopped(boolean stopping) {
      stopRequested = stopping;
    }
  }

  /** A runtime for the target; nothing is contacted before the first operation. */
  public GatewayRuntime(RemoteTarget target) {
    this.target = target;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "streamwright-gateway-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The target this runtime deploys to. */
  public RemoteTarget target() {
    return target;
  }

  @Override
  public String describe() {
    return "Flink cluster '"
        + target.name()
        + "' (SQL Gateway "
        + target.gatewayUrl()
        + "; previews print to the TaskManagers' stdout log)";
  }

  // ---------------------------------------------------------------------------------- deploy

  @Override
  public Deployment deploy(CompiledPipeline compiled, DeployOptions options) throws RuntimeFailure {
    // Previews run as print sinks: their rows land in the TaskManagers' stdout log.
    CompiledPipeline pipeline = PreviewPrints.of(compiled);
    if (pipeline.inserts().isEmpty()) {
      throw new RuntimeFailure(
          "Pipeline '"
              + pipeline.pipelineId()
              + "' has no sink. Add a Kafka, file, print or preview sink to deploy it to '"
              + target.name()
              + "'.");
    }
    DeployOptions opts = options == null ? DeployOptions.defaults() : options;
    String id =
        opts.deploymentId().isEmpty()
            ? java.util.UUID.randomUUID().toString()
            : opts.deploymentId();
    Optional<ClusterJob> already =
        jobs().stream()
            .filter(j -> j.deploymentId().equals(id) && !j.status().phase().isTerminal())
            .findFirst();
    if (already.isPresent()) {
      // A deploy of this id reached the cluster before (an interrupted deploy): never twice.
      LOG.info("Deployment {} already runs as job {}", id, already.get().jobId());
      known.putIfAbsent(id, new Known(ConnectorTables.of(pipeline)));
      return attach(already.get().jobId());
    }
    String base =
        opts.jobName() == null || opts.jobName().isBlank()
            ? "streamwright-" + pipeline.pipelineId()
            : opts.jobName();
    String jobName = JobNames.name(base, id, pipeline.pipelineId(), pipeline.version());
    String jobId =
        new StatementRun(gateway(), target, pipeline, opts, jobName, STATEMENT_TIMEOUT).run();
    Deployment deployment =
        new Deployment(
            id,
            pipeline.pipelineId(),
            pipeline.version(),
            jobId,
            describe(),
            Instant.now(),
            List.of());
    Known k = new Known(ConnectorTables.of(pipeline));
    known.put(id, k);
    try {
      awaitRunning(deployment, k, opts);
    } catch (RuntimeFailure e) {
      cancelQuietly(jobId);
      throw e;
    }
    LOG.info(
        "Deployed pipeline '{}' v{} to '{}' as job {} (deployment {})",
        pipeline.pipelineId(),
        pipeline.version(),
        target.name(),
        jobId,
        id);
    return deployment;
  }

  /** Waits until the job and every task run (a bounded job may also have finished). */
  private void awaitRunning(Deployment d, Known k, DeployOptions opts) throws RuntimeFailure {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    String last = "not yet known to the cluster";
    while (true) {
      try {
        JobDetailsInfo info = rest().details(d.jobId());
        JobStatus s = info.getJobStatus();
        last = s.name();
        if (s == JobStatus.FINISHED || s == JobStatus.RUNNING && allTasksRunning(info)) {
          return;
        }
        if (s == JobStatus.FAILED) {
          throw new RuntimeFailure(startFailure(d, k, opts));
        }
        if (s.isGloballyTerminalState()) {
          throw new RuntimeFailure(
              "Job "
                  + d.jobId()
                  + " ended ("
                  + s.name().toLowerCase()
                  + ") right after it started.");
        }
      } catch (EndpointException e) {
        if (e.status() != 404) {
          throw new RuntimeFailure(e.getMessage(), e);
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new RuntimeFailure(
            "Job "
                + d.jobId()
                + " did not run within "
                + START_WAIT.toSeconds()
                + " s (it was "
                + last
                + "); it was cancelled. Check that the cluster has free task slots for its"
                + " parallelism.");
      }
      try {
        FlinkRestApi.pause();
      } catch (EndpointException e) {
        throw new RuntimeFailure(e.getMessage(), e);
      }
    }
  }

  private static boolean allTasksRunning(JobDetailsInfo info) {
    int running = 0;
    int total = 0;
    for (Map.Entry<ExecutionState, Integer> e : info.getJobVerticesPerState().entrySet()) {
      total += e.getValue();
      if (e.getKey() == ExecutionState.RUNNING || e.getKey() == ExecutionState.FINISHED) {
        running += e.getValue();
      }
    }
    return total > 0 && running == total;
  }

  private String startFailure(Deployment d, Known k, DeployOptions opts) {
    String cause = failureMessage(d.jobId(), k);
    if (opts.restores()) {
      return "Job "
          + d.jobId()
          + " could not start from '"
          + opts.restoreFrom()
          + "': "
          + cause
          + " Check the path: it must be a savepoint or retained checkpoint of this pipeline that"
          + " the cluster can read.";
    }
    return cause;
  }

  private String failureMessage(String jobId, Known k) {
    try {
      return rest()
          .failure(jobId)
          .map(
              t -> {
                LOG.warn("Flink job {} failed", jobId, t);
                return FlinkErrors.jobFailure(t, k == null ? null : k.connectors);
              })
          .orElse("The job failed.");
    } catch (EndpointException | RuntimeFailure e) {
      LOG.warn("Could not fetch the failure of job {}", jobId, e);
      return "The job failed.";
    }
  }

  private void cancelQuietly(String jobId) {
    try {
      rest().cancel(jobId);
      awaitEnded(jobId, STOP_WAIT);
    } catch (EndpointException | RuntimeFailure e) {
      LOG.warn("Could not cancel job {} after its deploy failed", jobId, e);
    }
  }

  // ---------------------------------------------------------------------------------- status

  @Override
  public DeploymentStatus status(Deployment deployment) {
    Known k = known.get(deployment.id());
    try {
      JobDetailsInfo info = rest().details(deployment.jobId());
      return map(info.getJobStatus(), deployment.jobId(), k);
    } catch (EndpointException e) {
      if (e.status() == 404) {
        return new DeploymentStatus(Phase.STOPPED, gone(deployment));
      }
      LOG.debug("Could not ask about job {}", deployment.jobId(), e);
      return new DeploymentStatus(Phase.STARTING, e.getMessage());
    } catch (RuntimeFailure e) {
      return new DeploymentStatus(Phase.STARTING, e.getMessage());
    }
  }

  /** Why the cluster answers 404 for a deployment's job, and what to do. */
  private String gone(Deployment deployment) {
    return "Job "
        + deployment.jobId()
        + " of deployment "
        + deployment.id()
        + " is no longer on cluster '"
        + target.name()
        + "': the cluster forgot it (its JobManager restarted without high availability, or the"
        + " job ended long ago). If it did not end on purpose, resume it from its last savepoint"
        + " or retained checkpoint.";
  }

  private DeploymentStatus map(JobStatus s, String jobId, Known k) {
    return switch (s) {
      case INITIALIZING, CREATED, RECONCILING -> DeploymentStatus.of(Phase.STARTING);
      case RUNNING, FAILING, RESTARTING, CANCELLING -> DeploymentStatus.of(Phase.RUNNING);
      case FINISHED ->
          DeploymentStatus.of(k != null && k.stopRequested ? Phase.STOPPED : Phase.FINISHED);
      case CANCELED, SUSPENDED -> DeploymentStatus.of(Phase.STOPPED);
      case FAILED -> new DeploymentStatus(Phase.FAILED, failureMessage(jobId, k));
    };
  }

  @Override
  public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      DeploymentStatus s = status(deployment);
      if (s.phase().isTerminal() || System.nanoTime() - deadline > 0) {
        return s;
      }
      Thread.sleep(250);
    }
  }

  @Override
  public DeploymentDetails details(Deployment deployment) throws RuntimeFailure {
    String jobId = deployment.jobId();
    JobDetailsInfo info;
    try {
      info = rest().details(jobId);
    } catch (EndpointException e) {
      throw new RuntimeFailure(e.status() == 404 ? gone(deployment) : e.getMessage(), e);
    }
    DeploymentStatus status = map(info.getJobStatus(), jobId, known.get(deployment.id()));
    CheckpointInfo last = null;
    String restored = "";
    try {
      CheckpointingStatistics cs = rest().checkpoints(jobId);
      CheckpointingStatistics.LatestCheckpoints latest = cs.getLatestCheckpoints();
      last = newest(latest.getCompletedCheckpointStatistics(), latest.getSavepointStatistics());
      if (latest.getRestoredCheckpointStatistics() != null) {
        restored = latest.getRestoredCheckpointStatistics().getExternalPath();
      }
    } catch (EndpointException e) {
      LOG.debug("No checkpoint statistics for job {}", jobId, e);
    }
    long restarts =
        info.getJobStatus().isGloballyTerminalState() ? -1 : rest().restarts(jobId).orElse(-1L);
    return new DeploymentDetails(
        jobId,
        info.getName(),
        status,
        Instant.ofEpochMilli(info.getStartTime()),
        Duration.ofMillis(Math.max(0, info.getDuration())),
        restarts,
        last,
        restored);
  }

  private static CheckpointInfo newest(
      CheckpointStatistics.CompletedCheckpointStatistics checkpoint,
      CheckpointStatistics.CompletedCheckpointStatistics savepoint) {
    CheckpointStatistics.CompletedCheckpointStatistics pick = checkpoint;
    if (savepoint != null
        && (pick == null || savepoint.getLatestAckTimestamp() > pick.getLatestAckTimestamp())) {
      pick = savepoint;
    }
    if (pick == null || pick.getStatus() != CheckpointStatsStatus.COMPLETED) {
      return null;
    }
    return new CheckpointInfo(
        pick.getId(),
        Instant.ofEpochMilli(pick.getLatestAckTimestamp()),
        pick.getStateSize(),
        pick.isDiscarded() ? "" : pick.getExternalPath(),
        pick.isSavepoint());
  }

  @Override
  public List<ClusterJob> jobs() throws RuntimeFailure {
    List<ClusterJob> result = new ArrayList<>();
    try {
      for (JobDetails j : rest().jobs()) {
        Optional<JobNames.Mark> mark = JobNames.parse(j.getJobName());
        result.add(
            new ClusterJob(
                j.getJobId().toHexString(),
                j.getJobName(),
                map(j.getStatus(), j.getJobId().toHexString(), null),
                Instant.ofEpochMilli(j.getStartTime()),
                mark.map(JobNames.Mark::deploymentId).orElse(""),
                mark.map(JobNames.Mark::pipelineId).orElse(""),
                mark.map(JobNames.Mark::version).orElse(0L)));
      }
    } catch (EndpointException e) {
      if (e.status() == 404) {
        throw new RuntimeFailure(
            target.restUrl()
                + " is not Flink's REST API (no /jobs/overview): give the JobManager's REST"
                + " address (rest.port, 8081 by default) as the REST URL; the SQL Gateway has its"
                + " own.",
            e);
      }
      throw new RuntimeFailure(e.getMessage(), e);
    }
    return result;
  }

  @Override
  public Deployment attach(String jobId) throws RuntimeFailure {
    JobDetailsInfo info;
    try {
      info = rest().details(jobId);
    } catch (IllegalArgumentException e) {
      throw new RuntimeFailure("'" + jobId + "' is not a Flink job id (32 hex digits).", e);
    } catch (EndpointException e) {
      if (e.status() == 404) {
        throw new RuntimeFailure(
            "Cluster '" + target.name() + "' does not know job " + jobId + ".", e);
      }
      throw new RuntimeFailure(e.getMessage(), e);
    }
    JobNames.Mark mark =
        JobNames.parse(info.getName())
            .orElseThrow(
                () ->
                    new RuntimeFailure(
                        "Job "
                            + jobId
                            + " ('"
                            + info.getName()
                            + "') was not deployed by Streamwright: its name carries no"
                            + " deployment."));
    known.putIfAbsent(mark.deploymentId(), new Known(null));
    return new Deployment(
        mark.deploymentId(),
        mark.pipelineId(),
        mark.version(),
        jobId,
        describe(),
        Instant.ofEpochMilli(info.getStartTime()),
        List.of());
  }

  // ---------------------------------------------------------------------------------- stop

  @Override
  public Optional<String> stop(Deployment deployment, boolean savepoint) throws RuntimeFailure {
    return stop(deployment, savepoint, false);
  }

  @Override
  public Optional<String> stop(Deployment deployment, boolean savepoint, boolean drain)
      throws RuntimeFailure {
    Known k = known.computeIfAbsent(deployment.id(), id -> new Known(null));
    return new JobStop(rest(), target, deployment, k::markStopped, STOP_WAIT)
        .stop(savepoint, drain);
  }

  /** Waits until the cluster reports the job in a globally terminal state. */
  JobStatus awaitEnded(String jobId, Duration wait) throws RuntimeFailure {
    return JobStop.awaitEnded(rest(), jobId, wait);
  }

  @Override
  public ResultStream results(Deployment deployment, String sinkNodeId) {
    return new EndedResultStream();
  }

  // ---------------------------------------------------------------------------------- clients

  Endpoint gateway() throws RuntimeFailure {
    synchronized (clientsLock) {
      if (closed) {
        throw new RuntimeFailure("The runtime for '" + target.name() + "' is closed.");
      }
      if (gateway == null) {
        gateway = endpoint("SQL Gateway", target.gatewayUrl());
      }
      return gateway;
    }
  }

  /**
   * The cluster's REST API for monitoring: the target's REST URL and HTTP headers, with a TLS
   * context from its Flink TLS client options when the URL is {@code https} ({@link FlinkRestTls}).
   */
  @Override
  public Optional<FlinkRestEndpoint> flinkRest() {
    return Optional.of(
        new FlinkRestEndpoint(
            target.restUrl(),
            target.httpHeaders(),
            FlinkRestTls.of(target.restUrl(), target.clientOptions())));
  }

  FlinkRestApi rest() throws RuntimeFailure {
    synchronized (clientsLock) {
      if (closed) {
        throw new RuntimeFailure("The runtime for '" + target.name() + "' is closed.");
      }
      if (rest == null) {
        rest = new FlinkRestApi(endpoint("Flink REST API", target.restUrl()));
      }
      return rest;
    }
  }

  private Endpoint endpoint(String what, java.net.URI url) throws RuntimeFailure {
    try {
      return new Endpoint(
          what, url, target.httpHeaders(), target.clientOptions(), executor, REQUEST_TIMEOUT);
    } catch (EndpointException e) {
      throw new RuntimeFailure(e.getMessage(), e);
    }
  }

  /** Releases the clients; the deployed jobs keep running on the cluster. */
  @Override
  public void close() {
    synchronized (clientsLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (gateway != null) {
        gateway.close();
      }
      if (rest != null) {
        rest.endpoint().close();
      }
    }
    executor.shutdown();
  }
}
