package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.JobAlreadyEnded;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.rest.messages.TriggerId;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.apache.flink.runtime.rest.messages.job.savepoints.SavepointInfo;
import org.apache.flink.util.SerializedThrowable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a job on a remote cluster and reports success only when the cluster says the job ended: a
 * savepoint's path is returned after the job is FINISHED, never on Flink's word that the savepoint
 * completed alone (the job could keep running). A job that is still deploying its tasks is asked
 * again, within a bound, as Flink takes a savepoint only while every task runs.
 */
final class JobStop {

  private static final Logger LOG = LoggerFactory.getLogger(JobStop.class);

  private final FlinkRestApi rest;
  private final RemoteTarget target;
  private final Deployment deployment;
  private final Consumer<Boolean> stopRequested;
  private final Duration wait;

  JobStop(
      FlinkRestApi rest,
      RemoteTarget target,
      Deployment deployment,
      Consumer<Boolean> stopRequested,
      Duration wait) {
    this.rest = rest;
    this.target = target;
    this.deployment = deployment;
    this.stopRequested = stopRequested;
    this.wait = wait;
  }

  Optional<String> stop(boolean savepoint, boolean drain) throws RuntimeFailure {
    String jobId = deployment.jobId();
    JobDetailsInfo info;
    try {
      info = rest.details(jobId);
    } catch (EndpointException e) {
      if (e.status() == 404) {
        throw new JobAlreadyEnded(
            "Cluster '"
                + target.name()
                + "' no longer knows job "
                + jobId
                + " of deployment "
                + deployment.id()
                + ": it ended earlier, and no savepoint was taken now.",
            Phase.STOPPED);
      }
      throw new RuntimeFailure(e.getMessage(), e);
    }
    JobStatus now = info.getJobStatus();
    if (now.isGloballyTerminalState()) {
      if (!savepoint) {
        return Optional.empty();
      }
      throw new JobAlreadyEnded(
          "Job "
              + jobId
              + " of deployment "
              + deployment.id()
              + " had already ended ("
              + now.name().toLowerCase()
              + ") before this stop: no savepoint was taken. Resume from its last savepoint or"
              + " retained checkpoint instead.",
          now == JobStatus.FAILED
              ? Phase.FAILED
              : now == JobStatus.FINISHED ? Phase.FINISHED : Phase.STOPPED);
    }
    stopRequested.accept(true);
    try {
      if (!savepoint) {
        rest.cancel(jobId);
        awaitEnded(rest, jobId, wait);
        LOG.info("Cancelled job {} of deployment {}", jobId, deployment.id());
        return Optional.empty();
      }
      String location = takeSavepoint(jobId, drain);
      JobStatus ended = awaitEndedAfterSavepoint(jobId, location);
      LOG.info(
          "Stopped job {} of deployment {} with savepoint {} ({})",
          jobId,
          deployment.id(),
          location,
          ended);
      return Optional.of(location);
    } catch (RuntimeFailure e) {
      stopRequested.accept(false);
      throw e;
    } catch (EndpointException e) {
      stopRequested.accept(false);
      throw new RuntimeFailure(e.getMessage(), e);
    }
  }

  private String takeSavepoint(String jobId, boolean drain)
      throws RuntimeFailure, EndpointException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      TriggerId trigger = rest.triggerStop(jobId, target.savepointDir(), drain);
      SavepointInfo result = rest.awaitSavepoint(jobId, trigger, wait);
      SerializedThrowable failure = result.getFailureCause();
      if (failure == null && result.getLocation() != null) {
        return result.getLocation();
      }
      if (failure != null && notRunningYet(failure) && System.nanoTime() - deadline < 0) {
        JobStatus s = rest.details(jobId).getJobStatus();
        if (s.isGloballyTerminalState()) {
          throw new JobAlreadyEnded(
              "Job " + jobId + " ended (" + s.name().toLowerCase() + ") before the savepoint.",
              Phase.STOPPED);
        }
        FlinkRestApi.pause();
        continue;
      }
      LOG.warn("The savepoint of job {} failed", jobId, failure);
      String where =
          target.savepointDir().isBlank()
              ? "the cluster's savepoint folder (execution.checkpointing.savepoint-dir)"
              : "'" + target.savepointDir() + "'";
      throw new RuntimeFailure(
          "Could not stop job "
              + jobId
              + " with a savepoint in "
              + where
              + ": "
              + (failure == null ? "Flink reported no location" : FlinkErrors.jobFailure(failure))
              + ". The job keeps running. Check that the folder exists and the cluster's"
              + " JobManager and TaskManagers may write there, or choose another savepoint folder.",
          failure);
    }
  }

  /** Whether Flink refused only because some task is not running yet. */
  private static boolean notRunningYet(Throwable failure) {
    for (Throwable t : FlinkErrors.chain(failure)) {
      String m = String.valueOf(t.getMessage());
      String type =
          t instanceof SerializedThrowable st
              ? st.getOriginalErrorClassName()
              : t.getClass().getName();
      if (m.contains("Not all required tasks are currently running")
          || type.endsWith("UnavailableDispatcherOperationException")) {
        return true;
      }
    }
    return false;
  }

  private JobStatus awaitEndedAfterSavepoint(String jobId, String location) throws RuntimeFailure {
    try {
      return awaitEnded(rest, jobId, wait);
    } catch (RuntimeFailure e) {
      throw new RuntimeFailure(
          "Flink reported the savepoint "
              + location
              + ", but job "
              + jobId
              + " has not ended: "
              + e.getMessage()
              + " The stop is not confirmed; check the job in the Flink web UI at "
              + target.restUrl()
              + ".",
          e);
    }
  }

  /** Waits until the cluster reports the job in a globally terminal state. */
  static JobStatus awaitEnded(FlinkRestApi rest, String jobId, Duration wait)
      throws RuntimeFailure {
    long deadline = System.nanoTime() + wait.toNanos();
    JobStatus last = null;
    while (true) {
      try {
        last = rest.details(jobId).getJobStatus();
        if (last.isGloballyTerminalState()) {
          return last;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new RuntimeFailure(
              "the cluster still reports it " + last + " after " + wait.toSeconds() + " s.");
        }
        FlinkRestApi.pause();
      } catch (EndpointException e) {
        throw new RuntimeFailure(e.getMessage(), e);
      }
    }
  }
}
