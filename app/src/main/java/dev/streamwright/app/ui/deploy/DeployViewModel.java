package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.DeployException;
import dev.streamwright.app.deploy.DeployResult;
import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.PipelineSource;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploy on the toolbar: the remote environment picked next to it, and deploying the open pipeline
 * there through the deployment service in the background, with its steps as progress and its result
 * (deployment and job ids, or the failure in words) in {@link #statusProperty}.
 */
public final class DeployViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(DeployViewModel.class);

  /**
   * What a deploy is about to do, for its confirmation.
   *
   * @param pipeline the pipeline
   * @param workspaceVersion its latest saved version, or 0 when unknown
   * @param environment the environment's name
   * @param fromSavepoint a savepoint or retained checkpoint to start from, or empty
   */
  public record Request(
      Pipeline pipeline, long workspaceVersion, String environment, String fromSavepoint) {
    public Request {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(environment, "environment");
      fromSavepoint = fromSavepoint == null ? "" : fromSavepoint.strip();
    }
  }

  private final TaskExecutor tasks;
  private final Supplier<DeploymentService> service;
  private final EnvironmentsViewModel environments;
  private final Map<String, String> compileEnvironment;
  private final ObservableList<String> targets = FXCollections.observableArrayList();
  private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

  DeployViewModel(
      TaskExecutor tasks,
      Supplier<DeploymentService> service,
      EnvironmentsViewModel environments,
      Map<String, String> compileEnvironment) {
    this.tasks = tasks;
    this.service = service;
    this.environments = environments;
    this.compileEnvironment = compileEnvironment;
    environments
        .rows()
        .addListener((ListChangeListener<EnvironmentsViewModel.Row>) c -> refreshTargets());
  }

  private void refreshTargets() {
    String chosen = target.get();
    var names = environments.remoteNames();
    if (!names.equals(targets)) {
      targets.setAll(names);
    }
    // A picker bound to the list may clear its value while the list is replaced: choose again.
    target.set(
        chosen != null && targets.contains(chosen)
            ? chosen
            : targets.isEmpty() ? null : targets.get(0));
  }

  /** The remote environments Deploy can target, by name. */
  public ObservableList<String> targets() {
    return targets;
  }

  /** The environment Deploy targets, or null when there is no remote one. */
  public ObjectProperty<String> targetProperty() {
    return target;
  }

  /** Whether a deploy is in progress. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The deploy's current step, then its result in one line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The last deploy's failure in words, or empty when it succeeded. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** The pipeline's latest saved version, read in the background (0 when it has none). */
  public CompletableFuture<Long> latestVersion(String pipelineId) {
    return tasks
        .supply(
            "read the versions of " + pipelineId,
            () -> {
              var w = environments.workspace();
              return w == null
                  ? 0L
                  : w.history(pipelineId).stream().mapToLong(v -> v.number()).max().orElse(0L);
            })
        .exceptionally(e -> 0L);
  }

  /**
   * Deploys in the background and waits until the job runs.
   *
   * @return completes on the FX thread with the result, or empty when it failed (see {@link
   *     #failureProperty})
   */
  public CompletableFuture<Optional<DeployResult>> deploy(Request r) {
    if (busy.get()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    busy.set(true);
    failure.set("");
    String what = "'" + r.pipeline().name() + "' to " + r.environment();
    status.set("Deploying " + what + "…");
    ProgressLine progress =
        new ProgressLine(
            tasks.ui(),
            step -> {
              if (busy.get()) {
                status.set("Deploying " + what + ": " + step);
              }
            });
    return tasks
        .supply(
            "deploy " + r.pipeline().id() + " to " + r.environment(),
            () ->
                service
                    .get()
                    .deploy(
                        PipelineSource.of(r.pipeline(), r.workspaceVersion(), compileEnvironment),
                        r.environment(),
                        r.fromSavepoint(),
                        0,
                        progress))
        .handleAsync(
            (result, error) -> {
              busy.set(false);
              if (error != null) {
                LOG.warn("Deploying {} failed", what, error);
                String why = failureText(error);
                failure.set(why);
                status.set("Deploy of " + what + " failed: " + why);
                return Optional.<DeployResult>empty();
              }
              status.set(
                  "Deployed "
                      + what
                      + ": deployment "
                      + result.deploymentId()
                      + ", job "
                      + result.jobId()
                      + (result.restoredFrom().isEmpty()
                          ? ""
                          : ", restored from " + result.restoredFrom()));
              return Optional.of(result);
            },
            tasks.ui());
  }

  /** A deploy failure in words, with the pipeline's problems when it did not compile. */
  static String failureText(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && !(e instanceof DeployException)) {
      e = e.getCause();
    }
    if (e instanceof DeployException d) {
      StringBuilder sb = new StringBuilder(d.getMessage() == null ? "" : d.getMessage());
      for (Problem p : d.problems()) {
        sb.append("\n  ").append(p.toString());
      }
      return sb.toString();
    }
    return DeployText.readable(error);
  }
}
