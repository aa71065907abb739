package dev.streamwright.app.ui;

import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.run.RuntimeHolder;
import dev.streamwright.app.run.SandboxHolder;
import dev.streamwright.app.ui.deploy.DeployStudio;
import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.ui.models.ModelsViewModel;
import dev.streamwright.app.ui.monitor.MonitorViewModel;
import dev.streamwright.app.ui.monitor.StudioAlerts;
import dev.streamwright.app.ui.run.RunViewModel;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.ThemeFile;
import dev.streamwright.app.ui.workspace.Autosave;
import dev.streamwright.app.ui.workspace.WorkspaceOpener;
import dev.streamwright.app.ui.workspace.WorkspaceViewModel;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and actions of the studio window, for the menus, toolbar and status bar to bind to: it
 * holds the designer (the open pipeline), the run of that pipeline, the workspace side (open,
 * import, export, autosave) and the theme. Confined to the FX thread; slow work goes to the
 * context's executor.
 */
public final class MainViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

  /** The setting holding the theme. */
  public static final String THEME_SETTING = "studio.theme";

  /** The folder of the workspace holding its registered models. */
  static final String MODELS_FOLDER = "models";

  /** The workspace's folder that {@code ${data}} in a pipeline's paths stands for. */
  static final String DATA_FOLDER = "data";

  /** The id of the placeholder pipeline shown until the workspace's pipeline is loaded. */
  static final String PLACEHOLDER_ID = "untitled";

  private final StudioContext context;
  private final DesignerViewModel designer;
  private final RunViewModel run;
  private final ModelsViewModel models;
  private final Autosave autosave;
  private final WorkspaceViewModel workspace;
  private final WorkspaceOpener opener;
  private final DeployStudio deploy;
  private final MonitorViewModel monitor;
  private final StudioAlerts alerts;
  private final ObjectProperty<Theme> theme;
  private final Optional<Theme> rememberedTheme;
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
  private final ReadOnlyBooleanWrapper quitRequested =
      new ReadOnlyBooleanWrapper(this, "quitRequested");
  private final StringBinding title;
  private final StringBinding saveStatus;
  private final BooleanBinding canRun;
  private CompletableFuture<Void> shutdown;
  private long ranRevision = -1;

  public MainViewModel(StudioContext context, DialogService dialogs) {
    this.context = Objects.requireNonNull(context, "context");
    // A few bytes read before the window shows, so it starts in its theme instead of flickering
    // from light to dark when the workspace settings load a moment later.
    this.rememberedTheme = ThemeFile.read(context.workspace());
    this.theme = new SimpleObjectProperty<>(this, "theme", rememberedTheme.orElse(Theme.LIGHT));
    Map<String, String> environment = environment(context);
    this.designer =
        new DesignerViewModel(
            Pipeline.empty(PLACEHOLDER_ID),
            context.registry(),
            work -> context.tasks().run("compile", work),
            environment);
    this.run =
        new RunViewModel(
            new RuntimeHolder(context.runtimeName(), context.runtimes()),
            new SandboxHolder(context.sandbox()),
            context.check(),
            context.tasks(),
            environment);
    this.models =
        new ModelsViewModel(
            context.tasks(), dialogs, designer, ModelRegistry.at(modelsDir(context)));
    this.autosave = new Autosave(context.tasks(), context.autosaveDelay());
    this.workspace =
        new WorkspaceViewModel(context.tasks(), dialogs, designer, autosave, context.samples());
    this.opener = new WorkspaceOpener(context.tasks(), dialogs);
    this.deploy = new DeployStudio(context.tasks(), workspace.workspaceProperty(), environment);
    // Background work reads the workspace the FX thread last saw.
    AtomicReference<Workspace> openWorkspace =
        new AtomicReference<>(workspace.workspaceProperty().getValue());
    workspace.workspaceProperty().addListener((obs, old, now) -> openWorkspace.set(now));
    this.monitor =
        new MonitorViewModel(
            context.tasks(), deploy::service, openWorkspace::get, MonitorSettings.DEFAULTS);
    // One alert centre per workspace, fed by every monitor the studio starts.
    this.alerts =
        new StudioAlerts(
            context.tasks(), () -> SecretBox.at(SecretBox.keyFileIn(AppFolders.detect().data())));
    alerts.follow(workspace.workspaceProperty().getValue());
    workspace.workspaceProperty().addListener((obs, old, now) -> alerts.follow(now));
    monitor.onMonitorStarted(alerts::attach);
    // The run's model nodes show the health the monitor reads with the job's other figures.
    monitor
        .latestProperty()
        .addListener(
            (obs, old, now) -> {
              MonitorViewModel.Watching w = monitor.watchingProperty().get();
              if (now != null && w != null && w.run() != null) {
                run.running()
                    .filter(r -> r == w.run())
                    .ifPresent(r -> run.showHealth(now.modelHealth()));
              }
            });
    // A run's job is watched from the moment it runs.
    run.phaseProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == RunViewModel.Phase.RUNNING) {
                run.running().ifPresent(monitor::watchRun);
              }
            });
    title =
        Bindings.createStringBinding(
            () ->
                designer.pipelineProperty().get().name()
                    + (designer.edit().dirtyProperty().get() ? " •" : "")
                    + (workspace.readOnlyProperty().get() ? " (read-only)" : "")
                    + " — Streamwright",
            designer.pipelineProperty(),
            designer.edit().dirtyProperty(),
            workspace.readOnlyProperty());
    canRun = ready.getReadOnlyProperty().and(run.canRunProperty());
    // What a run finds shows on the nodes and in Problems, as long as the pipeline is the one run.
    run.problems()
        .addListener(
            (InvalidationListener) o -> designer.setRunProblems(ranRevision, run.problems()));
    saveStatus =
        Bindings.createStringBinding(
            () -> {
              Autosave.State s = autosave.stateProperty().get();
              String problem = autosave.problemProperty().get();
              return s == Autosave.State.FAILED && !problem.isBlank()
                  ? s.text() + ": " + problem
                  : s.text();
            },
            autosave.stateProperty(),
            autosave.problemProperty());
  }

  /**
   * What the studio's pipelines compile in: the workspace's models folder as {@code models.dir}, so
   * model nodes name registered models by {@code <id>/<file>} (the sample models are copied in when
   * the workspace opens), and its {@code data} folder as {@code data.dir}, where file sinks write
   * {@code ${data}/...}.
   */
  static Map<String, String> environment(StudioContext context) {
    return Map.of(
        ModelRegistry.ENVIRONMENT_KEY,
        modelsDir(context).toString(),
        DataFolder.ENVIRONMENT_KEY,
        context.workspace().toAbsolutePath().normalize().resolve(DATA_FOLDER).toString());
  }

  /** The workspace's model registry folder. */
  static Path modelsDir(StudioContext context) {
    return context.workspace().toAbsolutePath().normalize().resolve(MODELS_FOLDER);
  }

  // ---- parts ----------------------------------------------------------------------------------

  /** The open pipeline's editor state. */
  public DesignerViewModel designer() {
    return designer;
  }

  /** Running the open pipeline. */
  public RunViewModel run() {
    return run;
  }

  /** The workspace's models: registering model files. */
  public ModelsViewModel models() {
    return models;
  }

  /** The workspace: opening, importing, exporting, history. */
  public WorkspaceViewModel workspace() {
    return workspace;
  }

  /** The Monitor: live figures of the run or of a deployment. */
  public MonitorViewModel monitor() {
    return monitor;
  }

  /** The open workspace's alerts: its alert centre, fed by every monitor. */
  public StudioAlerts alerts() {
    return alerts;
  }

  /** Environments, deploys and deployments. */
  public DeployStudio deploy() {
    return deploy;
  }

  // ---- state ----------------------------------------------------------------------------------

  /** The window title: pipeline name, unsaved marker, read-only marker. */
  public StringBinding titleProperty() {
    return title;
  }

  /** What the status bar says about saving: Saved, Saving…, Unsaved changes, read-only. */
  public StringBinding saveStatusProperty() {
    return saveStatus;
  }

  /** The theme; changing it is stored in the workspace settings. */
  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Whether the workspace is open and its pipeline is loaded. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  /** Whether the user chose to quit at startup (e.g. from the locked-workspace dialog). */
  public ReadOnlyBooleanProperty quitRequestedProperty() {
    return quitRequested.getReadOnlyProperty();
  }

  /** Whether Run is possible: the workspace is ready and no run is active. */
  public BooleanBinding canRunProperty() {
    return canRun;
  }

  // ---- actions ----------------------------------------------------------------------------------

  /**
   * Opens the workspace folder (asking the user what to do if it is locked or damaged), fills a new
   * one with the samples, and opens the pipeline the user had open, else the quickstart.
   *
   * @return completes on the FX thread once the pipeline is open or the user chose to quit
   */
  public CompletableFuture<Void> start() {
    return opener
        .open(context.workspace())
        .thenCompose(
            ws -> {
              if (ws.isEmpty()) {
                quitRequested.set(true);
                return CompletableFuture.completedFuture(null);
              }
              // The sample pipelines' model nodes name the sample models in the workspace.
              return models
                  .adoptSamples(context.samples().map(s -> s.resolve(MODELS_FOLDER)))
                  .thenComposeAsync(copied -> attach(ws.get()), context.tasks().ui());
            })
        .exceptionallyAsync(
            e -> {
              LOG.error("The studio could not open its workspace", e);
              quitRequested.set(true);
              return null;
            },
            context.tasks().ui());
  }

  private CompletableFuture<Void> attach(Workspace ws) {
    return workspace
        .attach(ws)
        .thenAccept(
            (Map<String, String> settings) -> {
              String stored = settings.get(THEME_SETTING);
              if (stored != null) {
                theme.set(Theme.fromSetting(stored));
              }
              if (rememberedTheme.orElse(null) != theme.get()) {
                rememberTheme(ws, theme.get());
              }
              theme.addListener(
                  (obs, old, now) -> {
                    workspace.saveSetting(THEME_SETTING, now.settingValue());
                    rememberTheme(ws, now);
                  });
              ready.set(true);
            });
  }

  private void rememberTheme(Workspace ws, Theme chosen) {
    if (!ws.isReadOnly()) {
      context.tasks().run("remember the theme", () -> ThemeFile.write(context.workspace(), chosen));
    }
  }

  /** Switches between the light and the dark theme. */
  public void toggleTheme() {
    theme.set(theme.get().toggled());
  }

  /** Runs the open pipeline. */
  public void runPipeline() {
    if (canRun.get()) {
      ranRevision = designer.document().revision();
      run.run(designer.pipeline());
    }
  }

  /** Runs the open pipeline again from the savepoint the last stop with savepoint took. */
  public void resumePipeline() {
    if (canRun.get()) {
      ranRevision = designer.document().revision();
      run.resume(designer.pipeline());
    }
  }

  /** Stops the run. */
  public void stopPipeline() {
    run.stop();
  }

  /**
   * Saves what is unsaved, closes the workspace, stops the run and closes the runtime, in that
   * order; the studio may exit when it completes. Calling it again returns the same future.
   */
  public CompletableFuture<Void> shutdown() {
    if (shutdown == null) {
      designer.close();
      shutdown =
          monitor
              .stop()
              .exceptionally(
                  e -> {
                    LOG.error("Stopping the monitor failed", e);
                    return null;
                  })
              .thenCompose(v -> context.tasks().run("close the alert centre", alerts::close))
              .thenComposeAsync(v -> workspace.close(), context.tasks().ui())
              .exceptionally(
                  e -> {
                    LOG.error("Closing the workspace failed", e);
                    return null;
                  })
              .thenCompose(v -> context.tasks().run("close the runtime", run::close))
              .thenCompose(v -> context.tasks().run("close the deployment service", deploy::close))
              .exceptionally(
                  e -> {
                    LOG.error("Closing the runtime failed", e);
                    return null;
                  });
    }
    return shutdown;
  }

  /** Closes the workspace and the runtime at once, from any thread (Ctrl-C). Idempotent. */
  public void closeNow() {
    monitor.stop();
    alerts.close();
    run.close();
    deploy.close();
    workspace.closeNow();
  }
}
