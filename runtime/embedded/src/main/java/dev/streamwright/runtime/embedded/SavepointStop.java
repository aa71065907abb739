package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.errors.FlinkErrors;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.flink.runtime.dispatcher.UnavailableDispatcherOperationException;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a job of the embedded cluster with a savepoint, waiting for the job to run first. Flink
 * takes a savepoint only once the JobManager runs the job and every task is running, and refuses at
 * once before: right after a deploy (the first rows can reach a preview before the JobManager has
 * recorded all tasks as running, more so on a busy machine) or while the job restarts. A user who
 * stops right after pressing Run would get Flink's "Not all required tasks are currently running";
 * such refusals are asked again until the tasks run, within a bound.
 */
final class SavepointStop {

  /**
   * How long a stop with a savepoint waits for a job's tasks to run by default: a job on a busy
   * laptop can take seconds to deploy its tasks.
   */
  static final Duration DEFAULT_START_WAIT = Duration.ofSeconds(30);

  /** How often a refused savepoint is asked for again while the tasks start. */
  private static final Duration RETRY_EVERY = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(SavepointStop.class);

  private final MiniCluster cluster;
  private final Duration requestTimeout;
  private final Duration startWait;

  /**
   * @param requestTimeout bound on each request to the cluster
   * @param startWait how long the job's tasks may take to run before the stop gives up
   */
  SavepointStop(MiniCluster cluster, Duration requestTimeout, Duration startWait) {
    this.cluster = cluster;
    this.requestTimeout = requestTimeout;
    this.startWait = startWait;
  }

  /**
   * Stops the job with a savepoint in the directory.
   *
   * @param status the deployment's current status, asked after each refusal
   * @return the savepoint's location as Flink reports it
   * @throws RuntimeFailure when the tasks do not all run within the wait (the job keeps running),
   *     or the job ends meanwhile
   * @throws ExecutionException when Flink refuses or fails the savepoint for another reason
   */
  String stop(JobID job, String directory, Supplier<DeploymentStatus> status)
      throws RuntimeFailure, InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + startWait.toNanos();
    int refused = 0;
    while (true) {
      try {
        String location =
            cluster
                .stopWithSavepoint(job, directory, false, SavepointFormatType.CANONICAL)
                .get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (refused > 0) {
          LOG.info(
              "Flink job {} took the savepoint after {} refusals while starting", job, refused);
        }
        return location;
      } catch (ExecutionException e) {
        if (!notRunningYet(e)) {
          throw e;
        }
        refused++;
        DeploymentStatus now = status.get();
        if (now.phase().isTerminal()) {
          throw new RuntimeFailure(
              "The job ended ("
                  + now.phase().name().toLowerCase()
                  + ") before all its tasks were running: there is nothing to take a savepoint"
                  + " of.",
              e);
        }
        if (System.nanoTime() - deadline >= 0) {
          LOG.warn("Flink job {} refused a savepoint {} times while starting", job, refused, e);
          throw new RuntimeFailure(
              "Could not stop the job with a savepoint: "
                  + runningTasks(job)
                  + " after "
                  + startWait.toSeconds()
                  + " s, and Flink takes a savepoint only while every task runs. The job keeps"
                  + " running: stop it again once it runs, or stop it without a savepoint.",
              e);
        }
        LOG.debug("Flink job {} is not running yet; asking for the savepoint again", job);
        Thread.sleep(RETRY_EVERY.toMillis());
      }
    }
  }

  /**
   * Whether Flink refused only because the job is not running yet: its JobManager is still
   * starting, or some of its tasks are still being deployed or restarted.
   */
  static boolean notRunningYet(Throwable error) {
    for (Throwable t : FlinkErrors.chain(error)) {
      if (t instanceof UnavailableDispatcherOperationException
          || t instanceof CheckpointException c
              && c.getCheckpointFailureReason()
                  == CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING) {
        return true;
      }
    }
    return false;
  }

  /** {@code 1 of 2 tasks were running}, as far as the cluster says. */
  private String runningTasks(JobID job) {
    try {
      int all = 0;
      int running = 0;
      for (AccessExecutionVertex v :
          cluster
              .getExecutionGraph(job)
              .get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .getAllExecutionVertices()) {
        all++;
        if (v.getExecutionState() == ExecutionState.RUNNING) {
          running++;
        }
      }
      return running + " of its " + all + " tasks " + (running == 1 ? "was" : "were") + " running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not all its tasks were running";
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return "not all its tasks were running";
    }
  }
}
