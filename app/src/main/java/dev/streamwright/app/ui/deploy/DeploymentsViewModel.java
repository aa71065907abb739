package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.DeployResult;
import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.deploy.PipelineSource;
import dev.streamwright.app.deploy.StopResult;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.upgrade.StateCheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deployments view's state: every deployment across environments as the deployment service
 * lists it after reconciling with the clusters, refreshed in the background every few seconds while
 * the view is visible (one refresh at a time, never queued), the selected one's history, and its
 * actions (stop with savepoint, resume, upgrade to the open version, roll back), each run in the
 * background with its steps as progress and its result in {@link #statusProperty}.
 */
public final class DeploymentsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentsViewModel.class);

  /** How often the list is refreshed while visible. */
  public static final Duration REFRESH_EVERY = Duration.ofSeconds(3);

  /**
   * One line of a deployment's history.
   *
   * @param at when
   * @param what what happened, in words, with the job and savepoint it names
   * @param brief what happened in a word or two, leaving version, job and savepoint to their own
   *     columns ({@code deployed}, {@code stopped}, {@code resumed}, {@code failed: ...})
   * @param version the deployment's version it concerns, or 0
   * @param environment where
   * @param jobId the job, or empty
   * @param savepoint the savepoint or checkpoint it names, or empty
   */
  public record HistoryLine(
      Instant at,
      String what,
      String brief,
      int version,
      String environment,
      String jobId,
      String savepoint) {}

  private final TaskExecutor tasks;
  private final Supplier<DeploymentService> service;
  private final EnvironmentsViewModel environments;
  private final Map<String, String> compileEnvironment;
  private final ObservableList<DeploymentView> rows = FXCollections.observableArrayList();
  private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
  private final ObjectProperty<DeploymentView> selected =
      new SimpleObjectProperty<>(this, "selected");
  private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper refreshed = new ReadOnlyStringWrapper(this, "refreshed", "");
  private boolean refreshing;
  private boolean again;
  private CompletableFuture<?> listing = CompletableFuture.completedFuture(null);
  private TaskExecutor.Scheduled next;

  DeploymentsViewModel(
      TaskExecutor tasks,
      Supplier<DeploymentService> service,
      EnvironmentsViewModel environments,
      Map<String, String> compileEnvironment) {
    this.tasks = tasks;
    this.service = service;
    this.environments = environments;
    this.compileEnvironment = compileEnvironment;
    selected.addListener((obs, old, now) -> history.setAll(historyOf(now)));
    visible.addListener(
        (obs, old, now) -> {
          if (now) {
            refresh();
          } else {
            stopPolling();
          }
        });
  }

  /** The deployments, newest first. */
  public ObservableList<DeploymentView> rows() {
    return rows;
  }

  /** The selected deployment's history, oldest first. */
  public ObservableList<HistoryLine> history() {
    return history;
  }

  /** The deployment the actions apply to. */
  public ObjectProperty<DeploymentView> selectedProperty() {
    return selected;
  }

  /** Whether the view shows; while it does the list refreshes every {@link #REFRESH_EVERY}. */
  public BooleanProperty visibleProperty() {
    return visible;
  }

  /** Whether an action is in progress. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The action's current step, then its result in one line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** When the list was last refreshed, or why it could not be. */
  public ReadOnlyStringProperty refreshedProperty() {
    return refreshed.getReadOnlyProperty();
  }

  // ---- refreshing ----------------------------------------------------------------------------

  /**
   * Lists the deployments in the background now; while a refresh is in flight, one more follows it.
   * No list (which reconciles records with the clusters) runs while an action changes them.
   */
  public void refresh() {
    if (next != null) {
      next.cancel();
      next = null;
    }
    if (refreshing) {
      again = true;
      return;
    }
    if (busy.get()) {
      return; // the action refreshes when it ends
    }
    refreshing = true;
    CompletableFuture<List<DeploymentView>> listed =
        tasks.supply("list the deployments", () -> service.get().list(null));
    listing = listed;
    listed.whenCompleteAsync(
        (list, error) -> {
          refreshing = false;
          if (again) {
            again = false;
            refresh();
            return;
          }
          if (error != null) {
            LOG.debug("Listing the deployments failed", error);
            refreshed.set("The deployments could not be listed: " + DeployText.readable(error));
          } else {
            show(list);
            refreshed.set("Refreshed " + DeployText.time(Instant.now()));
          }
          if (visible.get() && next == null) {
            next = tasks.schedule(REFRESH_EVERY, this::scheduled);
          }
        },
        tasks.ui());
  }

  private void scheduled() {
    next = null;
    if (visible.get()) {
      refresh();
    }
  }

  /** Stops the periodic refresh. */
  void stopPolling() {
    tasks
        .ui()
        .execute(
            () -> {
              if (next != null) {
                next.cancel();
                next = null;
              }
            });
  }

  private void show(List<DeploymentView> list) {
    String id = selected.get() == null ? null : selected.get().id();
    rows.setAll(list);
    DeploymentView again =
        id == null ? null : list.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    selected.set(again);
    if (again != null) {
      history.setAll(historyOf(again));
    }
  }

  private static List<HistoryLine> historyOf(DeploymentView v) {
    if (v == null) {
      return List.of();
    }
    DeploymentRecord r = v.record();
    if (r == null) {
      return List.of(
          new HistoryLine(
              v.startedAt(),
              "running on the cluster, not recorded in this workspace",
              "running, not recorded",
              v.version(),
              v.environment(),
              v.jobId(),
              ""));
    }
    List<HistoryLine> out = new ArrayList<>();
    for (DeploymentEvent e : r.events()) {
      out.add(
          new HistoryLine(
              e.at(),
              e.describe(),
              DeployText.brief(e),
              e.version(),
              r.environment(),
              e.jobId(),
              e.path()));
    }
    return out;
  }

  // ---- actions ---------------------------------------------------------------------------------

  /** Whether the deployment's job runs (or may: the cluster did not say otherwise). */
  public static boolean canStop(DeploymentView v) {
    return v != null && v.state() == DeploymentState.RUNNING;
  }

  /** Whether the deployment is stopped with state to resume from. */
  public static boolean canResume(DeploymentView v) {
    return v != null
        && v.record() != null
        && (v.state() == DeploymentState.STOPPED || v.state() == DeploymentState.FAILED)
        && (!v.savepoints().isEmpty() || v.record().latestCheckpoint().isPresent());
  }

  /** Whether the deployment's current version was reached by an upgrade. */
  public static boolean canRollBack(DeploymentView v) {
    return v != null && v.record() != null && v.version() > 1;
  }

  /** Stops the deployment's job, with a savepoint when asked. */
  public CompletableFuture<Optional<StopResult>> stop(DeploymentView v, boolean savepoint) {
    return act(
        (savepoint ? "Stopping " : "Cancelling ") + name(v),
        p -> service.get().stop(v.id(), savepoint, false, p),
        r ->
            "Stopped "
                + name(v)
                + (r.hasSavepoint() ? " with savepoint " + r.savepoint() : " without savepoint"));
  }

  /** Resumes a stopped deployment from its latest savepoint, else its latest checkpoint. */
  public CompletableFuture<Optional<DeployResult>> resume(DeploymentView v) {
    return act(
        "Resuming " + name(v),
        p -> service.get().resume(v.id(), null, p),
        r -> "Resumed " + name(v) + " as job " + r.jobId() + " from " + r.restoredFrom());
  }

  /** Which state the open pipeline version would lose as the deployment's next version. */
  public CompletableFuture<StateCheckResult> checkUpgrade(DeploymentView v, Pipeline open) {
    return tasks.supply(
        "check the upgrade of " + v.id(),
        () -> service.get().checkUpgrade(v.id(), PipelineSource.of(open, 0, compileEnvironment)));
  }

  /** Upgrades the deployment to the open pipeline, through a savepoint. */
  public CompletableFuture<Optional<DeployResult>> upgrade(
      DeploymentView v, Pipeline open, long workspaceVersion, boolean allowStateLoss) {
    return act(
        "Upgrading " + name(v),
        p ->
            service
                .get()
                .upgrade(
                    v.id(),
                    PipelineSource.of(open, workspaceVersion, compileEnvironment),
                    allowStateLoss,
                    p),
        r ->
            "Upgraded "
                + name(v)
                + " to version "
                + r.version()
                + " as job "
                + r.jobId()
                + (r.restoredFrom().isEmpty() ? "" : " from " + r.restoredFrom()));
  }

  /** Rolls the deployment back to its version before the last upgrade. */
  public CompletableFuture<Optional<DeployResult>> rollback(DeploymentView v) {
    return act(
        "Rolling back " + name(v),
        p -> service.get().rollback(v.id(), p),
        r ->
            "Rolled back "
                + name(v)
                + " to version "
                + r.version()
                + " as job "
                + r.jobId()
                + (r.restoredFrom().isEmpty() ? "" : " from " + r.restoredFrom()));
  }

  /**
   * The Flink web UI page of the deployment's job: the environment's REST URL and {@code
   * #/job/running/<job>/overview}; empty when the job or the environment is unknown.
   */
  public Optional<String> webUiUrl(DeploymentView v) {
    if (v == null || v.jobId().isEmpty()) {
      return Optional.empty();
    }
    return environments
        .remote(v.environment())
        .map(
            e -> {
              String base = e.restUrl().toString();
              return (base.endsWith("/") ? base : base + "/")
                  + "#/job/running/"
                  + v.jobId()
                  + "/overview";
            });
  }

  /** Shows a failure found before an action started (e.g. the upgrade's state check). */
  void failed(String what, Throwable error) {
    status.set(what + ": " + DeployViewModel.failureText(error));
  }

  /** An operation of the deployment service, given the progress to report to. */
  @FunctionalInterface
  private interface Operation<T> {
    T run(ProgressLine progress) throws Exception;
  }

  private <T> CompletableFuture<Optional<T>> act(
      String doing, Operation<T> operation, Function<T, String> done) {
    if (busy.get()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    busy.set(true);
    status.set(doing + "…");
    ProgressLine progress =
        new ProgressLine(
            tasks.ui(),
            step -> {
              if (busy.get()) {
                status.set(doing + ": " + step);
              }
            });
    Callable<T> work = () -> operation.run(progress);
    // A list in flight reconciles the records the action is about to change: the action waits.
    return listing
        .handle((x, e) -> null)
        .thenCompose(v -> tasks.supply(doing, work))
        .handleAsync(
            (result, error) -> {
              busy.set(false);
              if (error != null) {
                LOG.warn("{} failed", doing, error);
                status.set(doing + " failed: " + DeployViewModel.failureText(error));
              } else {
                status.set(done.apply(result));
              }
              refresh();
              return Optional.ofNullable(error == null ? result : null);
            },
            tasks.ui());
  }

  private static String name(DeploymentView v) {
    return "'" + v.pipelineName() + "' on " + v.environment();
  }
}
