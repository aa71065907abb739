package dev.streamwright.app.deploy;

import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.JobAlreadyEnded;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster in memory for the service's decisions: jobs with the deployment id in their name, as
 * the remote runtime reports them, and scripted faults. Not a Flink: the ITs use the dev cluster.
 */
final class ScriptedRuntime implements PipelineRuntime {

  /** One job the fake cluster knows. */
  static final class Job {
    final String jobId;
    final String deploymentId;
    final String pipelineId;
    Phase phase;
    final String restoredFrom;
    final DeployOptions options;
    CheckpointInfo checkpoint;

    Job(String jobId, String deploymentId, String pipelineId, DeployOptions options) {
      this.jobId = jobId;
      this.deploymentId = deploymentId;
      this.pipelineId = pipelineId;
      this.phase = Phase.RUNNING;
      this.restoredFrom = options == null ? "" : options.restoreFrom();
      this.options = options;
    }
  }

  final Map<String, Job> jobs = new LinkedHashMap<>();
  final List<DeployOptions> deploys = new ArrayList<>();
  String deployFailure;
  String reportRestoredFrom;
  String stopFailure;
  CountDownLatch hang;
  private int next;

  @Override
  public String describe() {
    return "scripted cluster";
  }

  @Override
  public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) throws RuntimeFailure {
    deploys.add(options);
    if (deployFailure != null) {
      throw new RuntimeFailure(deployFailure);
    }
    Job j = start(options.deploymentId(), pipeline.pipelineId(), options);
    return handle(j);
  }

  /** A job running on the cluster, as another process may have started it. */
  Job start(String deploymentId, String pipelineId, DeployOptions options) {
    Job j = new Job(String.format("%032x", ++next), deploymentId, pipelineId, options);
    jobs.put(j.jobId, j);
    return j;
  }

  private Deployment handle(Job j) {
    return new Deployment(
        j.deploymentId, j.pipelineId, 1, j.jobId, describe(), Instant.now(), List.of());
  }

  List<Job> live(String deploymentId) {
    return jobs.values().stream()
        .filter(j -> j.deploymentId.equals(deploymentId) && !j.phase.isTerminal())
        .toList();
  }

  @Override
  public DeploymentStatus status(Deployment d) {
    Job j = jobs.get(d.jobId());
    return DeploymentStatus.of(j == null ? Phase.STOPPED : j.phase);
  }

  @Override
  public DeploymentStatus awaitTermination(Deployment d, Duration timeout) {
    return status(d);
  }

  @Override
  public Optional<String> stop(Deployment d, boolean savepoint) throws RuntimeFailure {
    return stop(d, savepoint, false);
  }

  @Override
  public Optional<String> stop(Deployment d, boolean savepoint, boolean drain)
      throws RuntimeFailure {
    Job j = jobs.get(d.jobId());
    if (j == null || j.phase.isTerminal()) {
      if (!savepoint) {
        return Optional.empty();
      }
      throw new JobAlreadyEnded(
          "Job " + d.jobId() + " had already ended (failed) before this stop.",
          j == null ? Phase.STOPPED : j.phase);
    }
    if (stopFailure != null) {
      throw new RuntimeFailure(stopFailure);
    }
    j.phase = savepoint ? Phase.FINISHED : Phase.STOPPED;
    return savepoint ? Optional.of("s3://sp/savepoint-" + j.jobId) : Optional.empty();
  }

  @Override
  public DeploymentDetails details(Deployment d) throws RuntimeFailure {
    Job j = jobs.get(d.jobId());
    if (j == null) {
      throw new RuntimeFailure("no job " + d.jobId());
    }
    return new DeploymentDetails(
        j.jobId,
        "",
        DeploymentStatus.of(j.phase),
        Instant.now(),
        Duration.ofSeconds(42),
        0,
        j.checkpoint,
        reportRestoredFrom != null ? reportRestoredFrom : j.restoredFrom);
  }

  @Override
  public List<ClusterJob> jobs() throws RuntimeFailure {
    if (hang != null) {
      try {
        hang.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new RuntimeFailure("interrupted");
    }
    List<ClusterJob> out = new ArrayList<>();
    for (Job j : jobs.values()) {
      out.add(
          new ClusterJob(
              j.jobId,
              "streamwright-" + j.pipelineId,
              DeploymentStatus.of(j.phase),
              Instant.now(),
              j.deploymentId,
              j.pipelineId,
              1));
    }
    return out;
  }

  @Override
  public ResultStream results(Deployment d, String sinkNodeId) {
    throw new UnsupportedOperationException("no previews here");
  }

  @Override
  public void close() {
    if (hang != null) {
      hang.countDown();
    }
  }
}
