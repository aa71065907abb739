package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.rest.handler.async.AsynchronousOperationResult;
import org.apache.flink.runtime.rest.messages.DashboardConfigurationHeaders;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobCancellationHeaders;
import org.apache.flink.runtime.rest.messages.JobCancellationMessageParameters;
import org.apache.flink.runtime.rest.messages.JobMessageParameters;
import org.apache.flink.runtime.rest.messages.JobsOverviewHeaders;
import org.apache.flink.runtime.rest.messages.TerminationModeQueryParameter;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatisticsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.apache.flink.runtime.rest.messages.job.JobExecutionResultHeaders;
import org.apache.flink.runtime.rest.messages.job.JobExecutionResultResponseBody;
import org.apache.flink.runtime.rest.messages.job.metrics.JobMetricsHeaders;
import org.apache.flink.runtime.rest.messages.job.metrics.JobMetricsMessageParameters;
import org.apache.flink.runtime.rest.messages.job.metrics.Metric;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointInfo;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointStatusHeaders;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointStatusMessageParameters;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointTriggerMessageParameters;
import org.apache.flink.runtime.rest.messages.job.savepoints.stop.StopWithSavepointRequestBody;
import org.apache.flink.runtime.rest.messages.job.savepoints.stop.StopWithSavepointTriggerHeaders;
import org.apache.flink.runtime.rest.messages.queue.QueueStatus;
import org.apache.flink.util.SerializedThrowable;

/**
 * The calls of Flink's REST API (the JobManager's) the gateway runtime needs, each one of Flink's
 * own message headers sent through an {@link Endpoint}: jobs, job details, checkpoint statistics,
 * stop with a savepoint, cancel, the cluster's version and a failed job's cause.
 */
final class FlinkRestApi {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Endpoint rest;

  FlinkRestApi(Endpoint rest) {
    this.rest = rest;
  }

  Endpoint endpoint() {
    return rest;
  }

  /** The cluster's Flink version, e.g. {@code 2.2.0}. */
  String flinkVersion() throws EndpointException {
    return rest.send(
            DashboardConfigurationHeaders.getInstance(),
            EmptyMessageParameters.getInstance(),
            EmptyRequestBody.getInstance())
        .getFlinkVersion();
  }

  /** Every job the cluster knows (running and recently ended). */
  Collection<JobDetails> jobs() throws EndpointException {
    return rest.send(
            JobsOverviewHeaders.getInstance(),
            EmptyMessageParameters.getInstance(),
            EmptyRequestBody.getInstance())
        .getJobs();
  }

  /** A job's details; an {@link EndpointException} with status 404 when the cluster forgot it. */
  JobDetailsInfo details(String jobId) throws EndpointException {
    JobMessageParameters p = new JobMessageParameters();
    p.jobPathParameter.resolve(JobID.fromHexString(jobId));
    return rest.send(JobDetailsHeaders.getInstance(), p, EmptyRequestBody.getInstance());
  }

  /** A job's checkpoint statistics: counts, latest completed, savepoint and restored one. */
  CheckpointingStatistics checkpoints(String jobId) throws EndpointException {
    JobMessageParameters p = new JobMessageParameters();
    p.jobPathParameter.resolve(JobID.fromHexString(jobId));
    return rest.send(
        CheckpointingStatisticsHeaders.getInstance(), p, EmptyRequestBody.getInstance());
  }

  /** How often the job restarted, while it runs (Flink keeps the metric only then). */
  Optional<Long> restarts(String jobId) {
    try {
      JobMetricsMessageParameters p = new JobMetricsMessageParameters();
      p.jobPathParameter.resolve(JobID.fromHexString(jobId));
      p.metricsFilterParameter.resolve(List.of("numRestarts"));
      for (Metric m :
          rest.send(JobMetricsHeaders.getInstance(), p, EmptyRequestBody.getInstance())
              .getMetrics()) {
        if (m.getId().equals("numRestarts") && m.getValue() != null) {
          return Optional.of(Long.parseLong(m.getValue()));
        }
      }
    } catch (EndpointException | NumberFormatException e) {
      // not reported (yet)
    }
    return Optional.empty();
  }

  /** Why an ended job failed, as Flink serialized it; empty when it did not fail or is running. */
  Optional<SerializedThrowable> failure(String jobId) throws EndpointException {
    JobMessageParameters p = new JobMessageParameters();
    p.jobPathParameter.resolve(JobID.fromHexString(jobId));
    JobExecutionResultResponseBody body =
        rest.send(JobExecutionResultHeaders.getInstance(), p, EmptyRequestBody.getInstance());
    if (body.getStatus().getId() != QueueStatus.Id.COMPLETED) {
      return Optional.empty();
    }
    JobResult result = body.getJobExecutionResult();
    return result == null ? Optional.empty() : result.getSerializedThrowable();
  }

  /** Asks Flink to cancel the job. */
  void cancel(String jobId) throws EndpointException {
    JobCancellationMessageParameters p =
        new JobCancellationMessageParameters()
            .resolveJobId(JobID.fromHexString(jobId))
            .resolveTerminationMode(TerminationModeQueryParameter.TerminationMode.CANCEL);
    rest.send(JobCancellationHeaders.getInstance(), p, EmptyRequestBody.getInstance());
  }

  /** Triggers a stop with a savepoint and returns the trigger to follow. */
  TriggerId triggerStop(String jobId, String directory, boolean drain) throws EndpointException {
    SavepointTriggerMessageParameters p = new SavepointTriggerMessageParameters();
    p.jobID.resolve(JobID.fromHexString(jobId));
    return rest.send(
            StopWithSavepointTriggerHeaders.getInstance(),
            p,
            new StopWithSavepointRequestBody(
                directory == null || directory.isBlank() ? null : directory,
                drain,
                SavepointFormatType.CANONICAL,
                null))
        .getTriggerId();
  }

  /**
   * Follows a savepoint trigger until Flink reports it done or {@code wait} passes.
   *
   * @return the savepoint: its location, or its failure cause
   * @throws EndpointException when the wait passes or the API cannot be reached
   */
  SavepointInfo awaitSavepoint(String jobId, TriggerId trigger, Duration wait)
      throws EndpointException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      SavepointStatusMessageParameters p = new SavepointStatusMessageParameters();
      p.jobIdPathParameter.resolve(JobID.fromHexString(jobId));
      p.triggerIdPathParameter.resolve(trigger);
      AsynchronousOperationResult<SavepointInfo> r =
          rest.send(SavepointStatusHeaders.getInstance(), p, EmptyRequestBody.getInstance());
      if (r.queueStatus().getId() == QueueStatus.Id.COMPLETED) {
        return r.resource();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new EndpointException(
            "Flink did not complete the savepoint of job "
                + jobId
                + " within "
                + wait.toSeconds()
                + " s; the job may still be running: check it in the Flink web UI at "
                + rest.url(),
            0,
            null);
      }
      pause();
    }
  }

  static void pause() throws EndpointException {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndpointException("Interrupted while waiting for the cluster.", 0, e);
    }
  }
}
