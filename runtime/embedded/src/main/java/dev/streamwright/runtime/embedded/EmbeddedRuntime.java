package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.health.FlinkRestHealth;
import dev.streamwright.runtime.health.ModelNodes;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.messages.FlinkJobNotFoundException;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipelines on one Flink MiniCluster inside the studio's JVM: started on the first deploy,
 * shared by every deployment after it (a cluster per job costs 1-3 s; a job on a warm cluster a few
 * hundred milliseconds), bound to loopback and writing only into its work directory.
 *
 * <p>Each deployment is one Flink job: the inserts run as one statement set and every preview query
 * streams its rows back through a collect sink in the same job. Jobs go straight to the MiniCluster
 * ({@link MiniClusterSubmission}) rather than through its REST port, which Flink's remote client
 * would hammer with a new connection per preview poll; the REST port stays open on loopback for
 * Flink's metrics and job APIs.
 */
public final class EmbeddedRuntime implements PipelineRuntime {

  /** Task slots by default: room for a few small pipelines side by side on a laptop. */
  public static final int DEFAULT_SLOTS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

  /** Bound on any single request to the local cluster; it only exceeds seconds when stuck. */
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Bound on each request of a node health read: the REST server is on loopback and answers metric
   * requests from memory, so anything slower is a hiccup, and the studio polls again in seconds.
   */
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  /** How long a drain thread may take to notice its job ended, when closing. */
  private static final Duration DRAIN_STOP_WAIT = Duration.ofSeconds(2);

  private final WorkDirs dirs;
  private final int slots;
  private final Duration savepointStartWait;
  private final Object lifecycle = new Object();
  private final Object deploying = new Object();
  private final Map<String, EmbeddedJob> jobs = new ConcurrentHashMap<>();

  private MiniCluster cluster;

  /** Made on the first health read: its HTTP client keeps a selector thread while it lives. */
  private FlinkRestHealth health; // guarded by lifecycle

  private volatile URI rest;
  private volatile boolean closed;

  /** A runtime with {@link #DEFAULT_SLOTS} task slots. */
  public EmbeddedRuntime(Path workDir) {
    this(workDir, DEFAULT_SLOTS);
  }

  /**
   * A runtime whose cluster starts on the first deploy.
   *
   * @param workDir an app-owned folder for Flink's temp files, checkpoints and savepoints
   * @param slots task slots of the cluster's single task manager
   */
  public EmbeddedRuntime(Path workDir, int slots) {
    this(workDir, slots, SavepointStop.DEFAULT_START_WAIT);
  }

  /** A runtime whose stop with a savepoint waits up to {@code savepointStartWait} for the tasks. */
  EmbeddedRuntime(Path workDir, int slots, Duration savepointStartWait) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.dirs = WorkDirs.under(workDir);
    this.slots = slots;
    this.savepointStartWait = savepointStartWait;
  }

  @Override
  public String describe() {
    URI r = rest;
    if (closed) {
      return "embedded Flink (closed)";
    }
    return r == null
        ? "embedded Flink (starts on first deploy)"
        : "embedded Flink at " + r.getHost() + ":" + r.getPort();
  }

  /** The cluster's REST endpoint, once started: Flink's REST API serves job metrics there. */
  public Optional<URI> restAddress() {
    return Optional.ofNullable(rest);
  }

  @Override
  public Optional<FlinkRestEndpoint> flinkRest() {
    return restAddress().map(FlinkRestEndpoint::of);
  }

  /** The folder savepoints are written to. */
  public Path savepointDirectory() {
    return dirs.savepoints();
  }

  @Override
  public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) throws RuntimeFailure {
    if (pipeline.inserts().isEmpty() && pipeline.previews().isEmpty()) {
      throw new RuntimeFailure(
          "Pipeline '" + pipeline.pipelineId() + "' has no sink: add a sink or a preview first.");
    }
    DeployOptions opts = options == null ? DeployOptions.defaults() : options;
    if (opts.restores()) {
      Optional<String> unusable = RestoreFailures.checkLocal(opts.restoreFrom());
      if (unusable.isPresent()) {
        throw new RuntimeFailure(unusable.get());
      }
    }
    String jobName =
        opts.jobName() == null || opts.jobName().isBlank()
            ? "streamwright-" + pipeline.pipelineId()
            : opts.jobName();
    synchronized (deploying) {
      MiniCluster mc = cluster();
      Configuration conf = LoopbackConfig.job(dirs, opts, jobName);
      // The pipeline's own planner settings; the deploy's configuration still wins.
      conf.addAll(Configuration.fromMap(pipeline.jobConfiguration()));
      conf.addAll(Configuration.fromMap(opts.configuration()));
      JobSubmission.Submitted submitted =
          JobSubmission.submit(mc, conf, pipeline, opts, jobName, DRAIN_STOP_WAIT);
      Deployment deployment =
          new Deployment(
              UUID.randomUUID().toString(),
              pipeline.pipelineId(),
              pipeline.version(),
              submitted.client().getJobID().toHexString(),
              describe(),
              Instant.now(),
              pipeline.previewSinks());
      EmbeddedJob job =
          new EmbeddedJob(
              deployment,
              submitted.client().getJobID(),
              submitted.feeds(),
              ModelNodes.of(pipeline),
              ConnectorTables.of(pipeline));
      job.restoredFrom = opts.restoreFrom();
      jobs.put(deployment.id(), job);
      submitted.feeds().values().forEach(PreviewFeed::start);
      LOG.info(
          "Deployed pipeline '{}' v{} as Flink job {} ({})",
          pipeline.pipelineId(),
          pipeline.version(),
          deployment.jobId(),
          jobName);
      return deployment;
    }
  }

  @Override
  public DeploymentStatus status(Deployment deployment) {
    EmbeddedJob job = jobs.get(deployment.id());
    if (job == null) {
      LOG.debug("Status asked for deployment {} that this runtime did not make", deployment.id());
      return DeploymentStatus.of(Phase.STOPPED);
    }
    if (job.terminal != null) {
      return job.terminal;
    }
    MiniCluster mc = runningCluster();
    if (mc == null) {
      return DeploymentStatus.of(Phase.STOPPED);
    }
    JobStatus flink;
    try {
      flink = mc.getJobStatus(job.jobId).get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeploymentStatus.of(Phase.RUNNING);
    } catch (ExecutionException | TimeoutException e) {
      if (FlinkErrors.chain(e).stream().anyMatch(FlinkJobNotFoundException.class::isInstance)) {
        // The cluster forgets ended jobs after an hour (jobstore.expiration-time).
        job.terminal = DeploymentStatus.of(Phase.STOPPED);
        return job.terminal;
      }
      LOG.warn("Could not ask the embedded cluster about job {}", job.jobId, e);
      return DeploymentStatus.of(Phase.STARTING);
    }
    DeploymentStatus status = map(flink, job);
    if (status.phase().isTerminal()) {
      job.terminal = status;
    }
    return status;
  }

  private DeploymentStatus map(JobStatus flink, EmbeddedJob job) {
    return switch (flink) {
      case INITIALIZING, CREATED, RECONCILING -> DeploymentStatus.of(Phase.STARTING);
      case RUNNING, FAILING, RESTARTING, CANCELLING -> DeploymentStatus.of(Phase.RUNNING);
      case FINISHED -> DeploymentStatus.of(job.stopRequested ? Phase.STOPPED : Phase.FINISHED);
      case CANCELED, SUSPENDED -> DeploymentStatus.of(Phase.STOPPED);
      case FAILED -> new DeploymentStatus(Phase.FAILED, failureMessage(job));
    };
  }

  private String failureMessage(EmbeddedJob job) {
    MiniCluster mc = runningCluster();
    if (mc == null) {
      return "The job failed.";
    }
    try {
      JobResult result =
          mc.requestJobResult(job.jobId).get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return result
          .getSerializedThrowable()
          .map(
              t -> {
                LOG.warn("Flink job {} failed", job.jobId, t);
                return (job.restoredFrom.isEmpty()
                        ? Optional.<String>empty()
                        : RestoreFailures.describe(t, job.restoredFrom))
                    .orElseGet(() -> FlinkErrors.jobFailure(t, job.connectors));
              })
          .orElse("The job failed.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "The job failed.";
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Could not fetch the failure of job {}", job.jobId, e);
      return "The job failed.";
    }
  }

  /**
   * Reads the models' metrics through the cluster's REST API ({@link FlinkRestHealth}), as a remote
   * cluster's would be read. The cluster refreshes them every {@link
   * LoopbackConfig#METRICS_REFRESH}; once Flink no longer reports them (the job ended, the cluster
   * is slow to answer), the last values read are returned.
   */
  @Override
  public Map<String, NodeHealth> nodeHealth(Deployment deployment) {
    EmbeddedJob job = jobs.get(deployment.id());
    if (job == null || job.models.isEmpty()) {
      return Map.of();
    }
    URI r = rest;
    FlinkRestHealth reader = healthReader();
    if (r == null || reader == null) {
      return job.health;
    }
    try {
      Map<String, NodeHealth> now = reader.read(r, job.jobId.toHexString(), job.models);
      if (!now.isEmpty()) {
        job.health = Map.copyOf(now);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // A job that is still starting has no vertices yet (404); the next poll tries again.
      LOG.debug("Could not read the node health of job {}", job.jobId, e);
    }
    return job.health;
  }

  @Override
  public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout)
      throws InterruptedException {
    EmbeddedJob job = jobs.get(deployment.id());
    MiniCluster mc = runningCluster();
    if (job != null && job.terminal == null && mc != null) {
      try {
        mc.requestJobResult(job.jobId).get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // Still running, or the cluster is going away: the status below says which.
      }
    }
    return status(deployment);
  }

  @Override
  public Optional<String> stop(Deployment deployment, boolean savepoint) throws RuntimeFailure {
    EmbeddedJob job = jobs.get(deployment.id());
    if (job == null) {
      throw new RuntimeFailure("Deployment " + deployment.id() + " is not known to this runtime.");
    }
    DeploymentStatus now = status(deployment);
    if (now.phase().isTerminal()) {
      if (savepoint) {
        throw new RuntimeFailure(
            "The job has already ended ("
                + now.phase().name().toLowerCase()
                + "): there is nothing to take a savepoint of.");
      }
      return Optional.empty();
    }
    MiniCluster mc = runningCluster();
    if (mc == null) {
      throw new RuntimeFailure("The embedded runtime is closed.");
    }
    job.stopRequested = true;
    try {
      Optional<String> path;
      if (savepoint) {
        String location =
            new SavepointStop(mc, CLUSTER_TIMEOUT, savepointStartWait)
                .stop(job.jobId, dirs.savepoints().toUri().toString(), () -> status(deployment));
        path = Optional.of(localPath(location));
      } else {
        mc.cancelJob(job.jobId).get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        path = Optional.empty();
      }
      awaitTermination(deployment, CLUSTER_TIMEOUT);
      LOG.info(
          "Stopped Flink job {}{}", job.jobId, path.map(p -> " with savepoint " + p).orElse(""));
      return path;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure("Interrupted while stopping the job.", e);
    } catch (RuntimeFailure e) {
      job.stopRequested = false;
      throw e;
    } catch (ExecutionException | TimeoutException e) {
      job.stopRequested = false;
      LOG.warn("Stopping Flink job {} failed", job.jobId, e);
      throw new RuntimeFailure(
          (savepoint ? "Could not stop the job with a savepoint: " : "Could not cancel the job: ")
              + FlinkErrors.rootMessage(e),
          e);
    }
  }

  /** Flink reports savepoints as {@code file:} URIs; users and scripts want a plain path. */
  private static String localPath(String location) {
    try {
      URI uri = URI.create(location);
      return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : location;
    } catch (IllegalArgumentException e) {
      return location;
    }
  }

  @Override
  public ResultStream results(Deployment deployment, String sinkNodeId) {
    EmbeddedJob job = jobs.get(deployment.id());
    if (job == null) {
      throw new IllegalArgumentException(
          "Deployment " + deployment.id() + " is not known to this runtime.");
    }
    PreviewFeed feed = job.feeds.get(sinkNodeId);
    if (feed == null) {
      throw new IllegalArgumentException(
          "Deployment "
              + deployment.id()
              + " has no preview sink '"
              + sinkNodeId
              + "'; its preview sinks are "
              + deployment.previewSinks());
    }
    return new EmbeddedResultStream(feed);
  }

  @Override
  public void close() {
    synchronized (deploying) {
      MiniCluster mc;
      synchronized (lifecycle) {
        if (closed) {
          return;
        }
        closed = true;
        mc = cluster;
        cluster = null;
        if (health != null) {
          health.close();
          health = null;
        }
      }
      if (mc != null) {
        cancelRunningJobs(mc);
      }
      for (EmbeddedJob job : jobs.values()) {
        job.feeds.values().forEach(f -> f.close(DRAIN_STOP_WAIT));
      }
      if (mc != null) {
        try {
          mc.closeAsync().get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          LOG.warn("The embedded Flink cluster did not shut down cleanly", e);
        }
      }
      rest = null;
      dirs.delete();
      LOG.info("Embedded Flink runtime closed");
    }
  }

  private void cancelRunningJobs(MiniCluster mc) {
    List<CompletableFuture<?>> results = new ArrayList<>();
    for (EmbeddedJob job : jobs.values()) {
      if (job.terminal == null) {
        job.stopRequested = true;
        results.add(
            mc.cancelJob(job.jobId)
                .exceptionally(e -> null)
                .thenCompose(ack -> mc.requestJobResult(job.jobId))
                .exceptionally(e -> null));
      }
    }
    try {
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Not every job was cancelled before closing the embedded cluster", e);
    }
  }

  /**
   * Starts the cluster now instead of on the first deploy, so a caller can overlap the ~1 s start
   * with other work such as planner validation. Does nothing when it is already running.
   *
   * @throws RuntimeFailure when the cluster cannot start
   */
  public void start() throws RuntimeFailure {
    cluster();
  }

  /** Starts the cluster ({@link #start()}). */
  @Override
  public void warmUp() throws RuntimeFailure {
    start();
  }

  /** The cluster, started on first use. */
  private MiniCluster cluster() throws RuntimeFailure {
    synchronized (lifecycle) {
      if (closed) {
        throw new RuntimeFailure("The embedded runtime is closed.");
      }
      if (cluster != null) {
        return cluster;
      }
      long started = System.nanoTime();
      MiniCluster mc = null;
      try {
        dirs.create();
        Configuration conf = LoopbackConfig.cluster(dirs, slots);
        mc =
            new MiniCluster(
                new MiniClusterConfiguration.Builder()
                    .setConfiguration(conf)
                    .setNumTaskManagers(1)
                    .setNumSlotsPerTaskManager(slots)
                    .build());
        mc.start();
        rest = mc.getRestAddress().get(CLUSTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        cluster = mc;
        LOG.info(
            "Embedded Flink started at {} with {} slots in {} ms",
            rest,
            slots,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return mc;
      } catch (Exception e) {
        LOG.error("Could not start the embedded Flink cluster", e);
        if (mc != null) {
          mc.closeAsync();
        }
        rest = null;
        throw new RuntimeFailure(
            "Could not start the embedded Flink cluster: " + FlinkErrors.rootMessage(e), e);
      }
    }
  }

  private FlinkRestHealth healthReader() {
    synchronized (lifecycle) {
      if (!closed && health == null) {
        health = new FlinkRestHealth(HEALTH_TIMEOUT);
      }
      return health;
    }
  }

  private MiniCluster runningCluster() {
    synchronized (lifecycle) {
      return cluster;
    }
  }
}
