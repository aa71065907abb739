package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import dev.streamwright.runtime.upgrade.StateCheck;
import dev.streamwright.runtime.upgrade.StateCheckResult;
import dev.streamwright.runtime.upgrade.StateLoss;
import java.time.Instant;
import java.util.Map;

/**
 * Changing the version a deployment runs while keeping its state: the state check, the upgrade and
 * the rollback of the last upgrade.
 */
final class Upgrades {

  private final DeploymentService service;
  private final DeploymentSteps steps;
  private final StateCheck stateCheck;

  Upgrades(DeploymentService service, DeploymentSteps steps, StateCheck stateCheck) {
    this.service = service;
    this.steps = steps;
    this.stateCheck = stateCheck;
  }

  /** {@link DeploymentService#upgrade}: check, stop with a savepoint, start the new version. */
  DeployResult upgrade(
      String idOrPrefix, PipelineSource next, boolean allowStateLoss, Progress progress)
      throws DeployException {
    service.requireWritable("upgrade a deployment");
    DeploymentRecord r = service.find(idOrPrefix);
    PipelineRuntime runtime = service.runtime(r.environment());
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
    int number = service.find(r.id()).versions().size() + 1;
    Map<String, String> config =
        result.losesState()
            ? Map.of(RestoreFailures.IGNORE_UNCLAIMED_STATE, "true")
            : Map.<String, String>of();
    steps.update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    String hint =
        " The deployment stays on version "
            + r.currentVersion()
            + " and its savepoint "
            + savepoint
            + " stays recorded: resume it with 'streamwright resume "
            + r.id()
            + "', or fix the new version and upgrade again.";
    progress.step("Deploying version " + number + " from savepoint " + savepoint);
    return steps.start(
        r,
        runtime,
        check.compiled(),
        DeploymentSteps.options(r.id(), 0, savepoint, config),
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

  /** {@link DeploymentService#rollback}: back to the version before the last upgrade. */
  DeployResult rollback(String idOrPrefix, Progress progress) throws DeployException {
    service.requireWritable("roll back a deployment");
    DeploymentRecord r = service.find(idOrPrefix);
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
    PipelineRuntime runtime = service.runtime(r.environment());
    CompiledPipeline compiled = service.compile(service.recorded(r, previous), r.environment());
    DeploymentService.checkRestorable(path);
    if (!r.state().isEnded()) {
      savepointToLeave(r, runtime, progress);
    }
    steps.update(r.id(), new DeploymentUpdate().state(DeploymentState.DEPLOYING, ""));
    progress.step("Deploying version " + previous + " from savepoint " + path);
    return steps.start(
        r,
        runtime,
        compiled,
        DeploymentSteps.options(r.id(), 0, path, Map.of()),
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

  /** What an upgrade would do: the state check and the new version compiled. */
  record UpgradeCheck(StateCheckResult result, CompiledPipeline compiled) {}

  /** The state check of an upgrade of the deployment to {@code next}, which it compiles. */
  UpgradeCheck upgradeCheck(DeploymentRecord r, PipelineSource next) throws DeployException {
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
    CompiledPipeline compiled = service.compile(next, r.environment());
    PipelineSource running = service.recorded(r, r.currentVersion());
    Compilation old = service.compilation(running, r.environment());
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
      return steps.stopJob(r, runtime, true, false, progress).savepoint();
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
}
