package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.PipelineInfo;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's side of the workspace: which pipeline is open, opening another, new pipelines,
 * import and export of pipeline files, recent files and settings. Every workspace call runs in the
 * background; what the user must hear about (a file that cannot be imported) comes back as a dialog
 * with a readable message. Confined to the FX thread.
 */
public final class WorkspaceViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceViewModel.class);

  /** The setting that remembers the open pipeline across starts. */
  public static final String LAST_PIPELINE = "studio.lastPipeline";

  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final DesignerViewModel designer;
  private final Autosave autosave;
  private final Optional<Path> samples;
  private final ReadOnlyObjectWrapper<Workspace> workspace =
      new ReadOnlyObjectWrapper<>(this, "workspace");
  private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
  private volatile Workspace opened; // for closeNow(), which runs off the FX thread
  private CompletableFuture<Void> settingWrites = CompletableFuture.completedFuture(null);
  private final PipelineFiles files;
  private final ObservableList<PipelineInfo> recent = FXCollections.observableArrayList();
  private final ObservableList<PipelineInfo> recentView =
      FXCollections.unmodifiableObservableList(recent);

  /**
   * @param samples the sample pipelines folder a new workspace is filled from, if there is one
   */
  public WorkspaceViewModel(
      TaskExecutor tasks,
      DialogService dialogs,
      DesignerViewModel designer,
      Autosave autosave,
      Optional<Path> samples) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.designer = Objects.requireNonNull(designer, "designer");
    this.autosave = Objects.requireNonNull(autosave, "autosave");
    this.samples = Objects.requireNonNull(samples, "samples");
    this.files = new PipelineFiles(tasks, dialogs, designer, autosave, workspace, this::show);
  }

  /** The open workspace; null until one is open. */
  public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
    return workspace.getReadOnlyProperty();
  }

  /** Whether the workspace was opened read-only. */
  public ReadOnlyBooleanProperty readOnlyProperty() {
    return readOnly.getReadOnlyProperty();
  }

  /** Import, export and recent files. */
  public PipelineFiles files() {
    return files;
  }

  /** What the first start and every later one does once the workspace is open. */
  private record Opening(Map<String, String> settings, List<Path> recent, Pipeline pipeline) {}

  /**
   * Starts working in an open workspace: fills it with the samples on the first start, then opens
   * the pipeline open last time, else the quickstart, else the first one.
   *
   * @return completes on the FX thread with the workspace settings
   */
  public CompletableFuture<Map<String, String>> attach(Workspace ws) {
    opened = ws;
    workspace.set(ws);
    readOnly.set(ws.isReadOnly());
    return tasks
        .supply("open the workspace's pipelines", () -> opening(ws))
        .thenApplyAsync(
            o -> {
              files.showRecent(o.recent());
              if (o.pipeline() != null) {
                show(o.pipeline());
              } else {
                autosave.follow(ws, designer.document());
              }
              return o.settings();
            },
            tasks.ui());
  }

  private Opening opening(Workspace ws) {
    samples.ifPresent(folder -> ws.seedIfEmpty(Samples.read(folder)));
    Map<String, String> settings = ws.settings();
    List<PipelineInfo> all = ws.pipelines();
    String last = settings.get(LAST_PIPELINE);
    Optional<Pipeline> open = Optional.empty();
    for (String id : new String[] {last, Samples.QUICKSTART}) {
      if (open.isEmpty() && id != null) {
        open = ws.load(id);
      }
    }
    if (open.isEmpty() && !all.isEmpty()) {
      open = ws.load(all.get(0).id());
    }
    return new Opening(settings, ws.recentFiles(), open.orElse(null));
  }

  /**
   * Stores a setting in the background, after the settings stored before it; ignored when
   * read-only. A failure is only logged: settings are conveniences.
   */
  public void saveSetting(String key, String value) {
    Workspace ws = workspace.get();
    if (ws == null || ws.isReadOnly()) {
      return;
    }
    settingWrites =
        settingWrites
            .thenCompose(v -> tasks.run("save setting " + key, () -> ws.setSetting(key, value)))
            .exceptionally(
                e -> {
                  LOG.warn("Could not save the setting {}", key, e);
                  return null;
                });
  }

  /** The pipelines for the Open dialog, read when the dialog asks. */
  public OpenPipelineViewModel openDialog() {
    return new OpenPipelineViewModel(tasks, workspace.get());
  }

  /**
   * The pipelines opened before the open one, most recent first: what File > Open recent lists.
   * Kept in the workspace; pipelines deleted since are left out.
   */
  public ObservableList<PipelineInfo> recentPipelines() {
    return recentView;
  }

  /** Opens the pipeline that was open before this one, if there is one. */
  public void openPrevious() {
    if (!recent.isEmpty()) {
      open(recent.get(0).id());
    }
  }

  /** Saves the open pipeline, then opens the workspace's pipeline with this id. */
  public CompletableFuture<Void> open(String id) {
    Workspace ws = workspace.get();
    return autosave
        .flush()
        .thenCompose(v -> tasks.supply("load pipeline " + id, () -> ws.load(id)))
        .handleAsync(
            (loaded, error) -> {
              if (error != null) {
                report(
                    "Cannot open the pipeline", "Pipeline " + id + " could not be opened", error);
              } else if (loaded.isEmpty()) {
                dialogs.showError(
                    "Cannot open the pipeline",
                    "There is no pipeline " + id,
                    "The workspace has no pipeline with the id " + id + ".");
              } else {
                show(loaded.get());
              }
              return null;
            },
            tasks.ui());
  }

  /** Starts a new, empty pipeline and saves it, so it is in the workspace from the start. */
  public void newPipeline() {
    Workspace ws = workspace.get();
    if (ws == null) {
      return;
    }
    autosave
        .flush()
        .thenCompose(
            v ->
                tasks.supply(
                    "create a pipeline",
                    () -> {
                      Set<String> ids = new HashSet<>();
                      ws.pipelines().forEach(p -> ids.add(p.id()));
                      int n = 1;
                      while (ids.contains("pipeline-" + n)) {
                        n++;
                      }
                      Pipeline fresh =
                          new Pipeline(
                              "pipeline-" + n,
                              "New pipeline " + n,
                              "",
                              1,
                              List.of(),
                              List.of(),
                              List.of());
                      if (!ws.isReadOnly()) {
                        ws.save(fresh);
                      }
                      return fresh;
                    }))
        .whenCompleteAsync(
            (fresh, error) -> {
              if (error != null) {
                report("Cannot create a pipeline", "The new pipeline could not be saved", error);
              } else {
                show(fresh);
              }
            },
            tasks.ui());
  }

  /** The history of the open pipeline, for the History dialog. */
  public HistoryViewModel history() {
    return new HistoryViewModel(tasks, workspace.get(), designer.pipeline().id());
  }

  /**
   * Saves what is unsaved and closes the workspace; call once, when the studio exits.
   *
   * @return completes when the workspace is closed
   */
  public CompletableFuture<Void> close() {
    Workspace ws = workspace.get();
    return autosave
        .flush()
        .thenCompose(v -> settingWrites)
        .thenComposeAsync(
            v -> {
              autosave.stop();
              return ws == null
                  ? CompletableFuture.completedFuture(null)
                  : tasks.run("close workspace", ws::close);
            },
            tasks.ui());
  }

  /**
   * Closes the workspace at once, from any thread, without saving what is pending: for Ctrl-C. What
   * was saved stays; the store is never left half-written.
   */
  public void closeNow() {
    Workspace ws = opened;
    if (ws != null) {
      ws.close();
    }
  }

  /** Opens the pipeline in the designer and saves its changes from now on. */
  void show(Pipeline pipeline) {
    designer.open(pipeline);
    Workspace ws = workspace.get();
    autosave.follow(ws, designer.document());
    saveSetting(LAST_PIPELINE, pipeline.id());
    rememberOpened(ws, pipeline.id());
  }

  /**
   * Puts the pipeline first among the workspace's recent pipelines (not when read-only), after the
   * settings stored before, then shows the others in Open recent. A failure is only logged.
   */
  private void rememberOpened(Workspace ws, String id) {
    if (ws == null) {
      return;
    }
    CompletableFuture<List<PipelineInfo>> read =
        settingWrites.thenCompose(
            v ->
                tasks.supply(
                    "remember pipeline " + id,
                    () -> {
                      if (!ws.isReadOnly()) {
                        ws.addRecentPipeline(id);
                      }
                      return ws.recentPipelines();
                    }));
    settingWrites =
        read.handle(
            (list, error) -> {
              if (error != null) {
                LOG.warn("Could not remember pipeline {} as recently opened", id, error);
              }
              return null;
            });
    read.thenAcceptAsync(
        list -> {
          String open = designer.pipeline().id();
          recent.setAll(list.stream().filter(p -> !p.id().equals(open)).toList());
        },
        tasks.ui());
  }

  private void report(String title, String header, Throwable error) {
    UserErrors.report(dialogs, title, header, error);
  }
}
