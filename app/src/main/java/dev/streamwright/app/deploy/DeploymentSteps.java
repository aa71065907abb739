package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.JobAlreadyEnded;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every lifecycle operation is made of: start a record's new job (restore verified) or
 * stop its job, and record the outcome in the deployment records.
 */
final class DeploymentSteps {

  // The lifecycle logs under the service's name, as it always has.
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentService.class);

  private final WorkspaceDeployments records;

  DeploymentSteps(WorkspaceDeployments records) {
    this.records = records;
  }

  /** Stops the record's job (with a savepoint, or draining) and records the outcome. */
  StopResult stopJob(
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
  DeployResult start(
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
        restored =
            Restores.verify(runtime, d, options.restoreFrom(), DeploymentService.RESTORE_CHECK);
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

  static DeployOptions options(
      String id, int parallelism, String from, Map<String, String> configuration) {
    return new DeployOptions(null, parallelism, null, configuration, from, id);
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

  /** Applies the update to the record, as one commit. */
  void update(String id, DeploymentUpdate u) throws DeployException {
    try {
      records.update(id, u);
    } catch (WorkspaceException e) {
      throw new DeployException(DeployException.Kind.FAILED, e.getMessage(), e);
    }
  }
}
