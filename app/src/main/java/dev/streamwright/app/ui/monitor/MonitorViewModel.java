package dev.streamwright.app.ui.monitor;

import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.Watched;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceMonitorHistory;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.series.SeriesStore;
import dev.streamwright.monitor.ui.ChartHistory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's Monitor: watches one deployment at a time (the current run on the embedded Flink, or
 * a deployment picked in the Deployments view) with a {@link Monitor} on its own thread, and hands
 * the newest snapshot to the FX thread at most once per poll. History is restored from the
 * workspace when a deployment is watched again and saved there when watching stops. Confined to the
 * FX thread.
 */
public final class MonitorViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorViewModel.class);

  /**
   * Adds a hook called with each {@link Monitor} this starts, on the FX thread before it polls (the
   * studio feeds its alert centre and the Drift and Cost tabs there).
   */
  public void onMonitorStarted(java.util.function.Consumer<Monitor> hook) {
    started.add(Objects.requireNonNull(hook, "hook"));
  }

  /** What is being watched. */
  public record Watching(String title, String deploymentId, String pipelineId, Run run) {}

  private final TaskExecutor tasks;
  private final Supplier<DeploymentService> service;
  private final Supplier<Workspace> workspace;
  private final MonitorSettings settings;
  private final ReadOnlyObjectWrapper<MonitorSnapshot> latest =
      new ReadOnlyObjectWrapper<>(this, "latest");
  private final ReadOnlyObjectWrapper<Watching> watching =
      new ReadOnlyObjectWrapper<>(this, "watching");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyObjectWrapper<ChartHistory> history =
      new ReadOnlyObjectWrapper<>(this, "history");
  private final AtomicReference<MonitorSnapshot> pending = new AtomicReference<>();
  private final AtomicBoolean handOffQueued = new AtomicBoolean();
  private Monitor monitor;
  private long generation;
  private final java.util.List<java.util.function.Consumer<Monitor>> started =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param service the deployment service, made on first use (called off the FX thread)
   * @param workspace the open workspace, or null while none is (called off the FX thread)
   */
  public MonitorViewModel(
      TaskExecutor tasks,
      Supplier<DeploymentService> service,
      Supplier<Workspace> workspace,
      MonitorSettings settings) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.service = Objects.requireNonNull(service, "service");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The newest snapshot of what is watched; null before the first poll and when nothing is. */
  public ReadOnlyObjectProperty<MonitorSnapshot> latestProperty() {
    return latest.getReadOnlyProperty();
  }

  /** The charts' past values of what is watched (restored from the workspace); null when none. */
  public ReadOnlyObjectProperty<ChartHistory> historyProperty() {
    return history.getReadOnlyProperty();
  }

  /** What is watched; null when nothing is. */
  public ReadOnlyObjectProperty<Watching> watchingProperty() {
    return watching.getReadOnlyProperty();
  }

  /** Why the last attempt to watch failed, in words; empty when it did not. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /**
   * The setting holding a pipeline's latency objective, e.g. {@code monitor.slo.fraud-detection}.
   */
  static final String SLO_SETTING = "monitor.slo.";

  private final ReadOnlyObjectWrapper<java.time.Duration> slo =
      new ReadOnlyObjectWrapper<>(this, "slo");

  /** The latency objective of the watched pipeline; null while nothing is watched. */
  public ReadOnlyObjectProperty<java.time.Duration> sloProperty() {
    return slo.getReadOnlyProperty();
  }

  /**
   * Sets the watched pipeline's latency objective: from the next poll on, and kept in the workspace
   * for that pipeline.
   */
  public void setSlo(java.time.Duration objective) {
    Watching w = watching.get();
    if (w == null || objective == null || objective.isNegative() || objective.isZero()) {
      return;
    }
    slo.set(objective);
    if (monitor != null) {
      monitor.setSlo(objective);
    }
    String key = SLO_SETTING + w.pipelineId();
    tasks.run(
        "save the latency objective of " + w.pipelineId(),
        () -> {
          Workspace ws = workspace.get();
          if (ws != null && !ws.isReadOnly()) {
            ws.setSetting(key, objective.toMillis() + "ms");
          }
        });
  }

  /** The settings monitors poll with (interval, latency objective). */
  public MonitorSettings settings() {
    return settings;
  }

  /** Watches a run on the embedded Flink once its job is deployed. */
  public void watchRun(Run run) {
    if (run.deployment() == null || run.compilation() == null || run.runtime() == null) {
      return;
    }
    MonitorTarget target;
    try {
      target = MonitorTarget.of(run.deployment(), run.runtime(), run.pipeline(), run.compilation());
    } catch (IllegalArgumentException e) {
      problem.set(e.getMessage());
      return;
    }
    start(
        target,
        new Watching(
            "run of " + run.pipeline().name() + " on " + run.runtime().describe(),
            run.deployment().id(),
            run.pipeline().id(),
            run));
  }

  /** Watches a recorded deployment on its environment; a failure shows in {@link #problem}. */
  public void watchDeployment(String deploymentId) {
    problem.set("");
    tasks
        .supply("watch deployment " + deploymentId, () -> service.get().watch(deploymentId))
        .whenCompleteAsync(
            (w, error) -> {
              if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                problem.set("Cannot watch deployment " + deploymentId + ": " + cause.getMessage());
                return;
              }
              started(w);
            },
            tasks.ui());
  }

  private void started(Watched w) {
    MonitorTarget target =
        MonitorTarget.of(w.deployment(), w.runtime(), w.pipeline(), w.compilation());
    start(
        target,
        new Watching(
            "deployment "
                + w.record().id()
                + " of "
                + w.pipeline().name()
                + " on "
                + w.record().environment(),
            w.record().id(),
            w.pipeline().id(),
            null));
  }

  private void start(MonitorTarget target, Watching what) {
    stop();
    long mine = ++generation;
    watching.set(what);
    problem.set("");
    String id = what.deploymentId();
    tasks
        .supply(
            "load the monitor history of " + id,
            () -> new Loaded(history(id), savedSlo(what.pipelineId()), pricing(what)))
        .whenCompleteAsync(
            (loaded, error) -> {
              if (mine != generation) {
                return; // watching something else by now
              }
              if (error != null) {
                LOG.warn("Loading the monitor history of {} failed", id, error);
              }
              SeriesStore s = loaded != null ? loaded.store() : new SeriesStore();
              java.time.Duration objective =
                  loaded != null && loaded.slo() != null ? loaded.slo() : settings.slo();
              slo.set(objective);
              if (!s.keys().isEmpty()) {
                history.set(ChartHistories.of(s));
              }
              Monitor m = Monitor.of(target, settings.withSlo(objective), s);
              if (loaded != null && loaded.pricing() != null) {
                m.costSettings(loaded.pricing());
              }
              m.onSnapshot(this::handOff);
              for (java.util.function.Consumer<Monitor> hook : started) {
                hook.accept(m);
              }
              monitor = m;
              m.start();
              tasks
                  .supply("read the drift references of " + id, () -> driftReferences(target))
                  .thenAccept(m.drift()::references);
            },
            tasks.ui());
  }

  /**
   * The watched pipeline's Model score nodes' card references, with those set in the workspace for
   * their model versions (off the FX thread: it reads the cards).
   */
  dev.streamwright.monitor.drift.live.DriftReferences driftReferences(MonitorTarget target) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return dev.streamwright.monitor.drift.live.DriftReferences.NONE;
    }
    dev.streamwright.app.workspace.WorkspaceReferences set =
        dev.streamwright.app.workspace.WorkspaceReferences.of(ws);
    return dev.streamwright.monitor.drift.live.ModelNodeReferences.of(
        target.pipeline(),
        ws.directory().resolve("models").toString(),
        set::forModel,
        node -> set.forNode(target.pipeline().id(), node));
  }

  /** Called on the monitor's thread: keeps the newest snapshot, queues one FX hand-off. */
  private void handOff(MonitorSnapshot s) {
    pending.set(s);
    if (handOffQueued.compareAndSet(false, true)) {
      long mine = generation;
      tasks
          .ui()
          .execute(
              () -> {
                handOffQueued.set(false);
                MonitorSnapshot next = pending.getAndSet(null);
                if (next != null && mine == generation) {
                  latest.set(next);
                  if (next.flink().state() == Link.State.ENDED) {
                    saveHistory(monitor);
                  }
                }
              });
    }
  }

  /**
   * Stops watching; the monitor closes and its history is saved in the workspace in the background.
   *
   * @return done when the history is saved
   */
  public CompletableFuture<Void> stop() {
    generation++;
    Monitor m = monitor;
    monitor = null;
    watching.set(null);
    latest.set(null);
    history.set(null);
    slo.set(null);
    pending.set(null);
    if (m == null) {
      return CompletableFuture.completedFuture(null);
    }
    return tasks.run(
        "stop monitoring " + m.target().deployment().id(),
        () -> {
          m.close();
          save(m);
        });
  }

  /** The studio's executor, for the Monitor tab's actions. */
  TaskExecutor tasks() {
    return tasks;
  }

  /** The open workspace, or null; off the FX thread. */
  Workspace workspaceNow() {
    return workspace.get();
  }

  /** The monitor watching now, for tests and the views' series; empty when none. */
  public Optional<Monitor> monitor() {
    return Optional.ofNullable(monitor);
  }

  private void saveHistory(Monitor m) {
    if (m != null) {
      tasks.run("save the monitor history of " + m.target().deployment().id(), () -> save(m));
    }
  }

  private void save(Monitor m) {
    Workspace w = workspace.get();
    if (w == null) {
      return;
    }
    try {
      WorkspaceMonitorHistory.of(w)
          .save(m.target().deployment().id(), MonitorHistoryCodec.pack(m.series().exportHistory()));
    } catch (RuntimeException e) {
      LOG.warn("Saving the monitor history of {} failed", m.target().deployment().id(), e);
    }
  }

  private record Loaded(
      SeriesStore store,
      java.time.Duration slo,
      dev.streamwright.monitor.cost.CostSettings pricing) {}

  /**
   * How the watched deployment is priced: its environment's profile and slot resources in the
   * workspace (a studio run is on the embedded runtime); null leaves the monitor's default.
   */
  private dev.streamwright.monitor.cost.CostSettings pricing(Watching what) {
    Workspace w = workspace.get();
    if (w == null) {
      return null;
    }
    try {
      String environment =
          what.run() != null
              ? dev.streamwright.app.environments.EnvironmentNames.EMBEDDED
              : service.get().find(what.deploymentId()).environment();
      return dev.streamwright.app.workspace.WorkspacePrices.of(w).costSettings(environment);
    } catch (Exception e) {
      LOG.warn("Pricing deployment {} with the defaults", what.deploymentId(), e);
      return null;
    }
  }

  /** The pipeline's latency objective kept in the workspace; null when none was set. */
  private java.time.Duration savedSlo(String pipelineId) {
    Workspace w = workspace.get();
    if (w == null) {
      return null;
    }
    String v = w.settings().get(SLO_SETTING + pipelineId);
    try {
      return v == null ? null : dev.streamwright.plugin.api.Durations.parse(v);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring the unreadable latency objective {} of {}", v, pipelineId);
      return null;
    }
  }

  private SeriesStore history(String deploymentId) {
    SeriesStore store = new SeriesStore();
    Workspace w = workspace.get();
    if (w == null) {
      return store;
    }
    Optional<Map<String, double[]>> saved = WorkspaceMonitorHistory.of(w).load(deploymentId);
    saved.ifPresent(h -> store.importHistory(MonitorHistoryCodec.unpack(h)));
    return store;
  }

  @Override
  public void close() {
    stop();
  }
}
