package dev.streamwright.app.ui;

import dev.streamwright.app.ui.deploy.DeployConfirmation;
import dev.streamwright.app.ui.deploy.DeployViewModel;
import dev.streamwright.app.ui.deploy.EnvironmentsDialog;
import dev.streamwright.app.ui.dialogs.FxDialogService;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import dev.streamwright.app.ui.workspace.HistoryDialog;
import dev.streamwright.app.ui.workspace.OpenPipelineDialog;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's one window: puts {@link MainView} on the stage, keeps the theme and title in step
 * with {@link MainViewModel}, and closes in order (save, close the workspace, stop the runtime)
 * before the window goes away.
 */
public final class StudioWindow implements StudioActions.Window {

  private static final Logger LOG = LoggerFactory.getLogger(StudioWindow.class);

  /** The window's size on first start: fits a 1440x900 laptop screen with room for a dock. */
  public static final double WIDTH = 1400;

  public static final double HEIGHT = 900;

  private final Stage stage;
  private final MainViewModel model;
  private final FxDialogService dialogs;
  private final MainView view;
  private final Scene scene;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> started;
  private boolean closing;
  private java.util.function.Consumer<String> browser = url -> {};
  private final dev.streamwright.app.ui.monitor.StudioAlertViews alerts;

  /** Builds the window's content on {@code stage}; call on the FX thread. */
  public StudioWindow(Stage stage, StudioContext context) {
    this.stage = stage;
    this.dialogs = new FxDialogService(context.files(), this::theme);
    this.model = new MainViewModel(context, dialogs);
    // Opening the workspace (~0.6 s, mostly loading the store's classes) overlaps building the
    // window; its results come back on the FX thread after the window is shown.
    this.started = model.start();
    this.view = new MainView(model, this, url -> browser.accept(url));
    this.scene = new Scene(view, WIDTH, HEIGHT);
    view.installExtraShortcuts(scene);
    // The bell, notification centre and rule editor follow the open workspace's alert centre.
    this.alerts =
        new dev.streamwright.app.ui.monitor.StudioAlertViews(
            model.alerts(), s -> Themes.style(s, theme()), root -> Themes.style(root, theme()));
    ((StatusBarView) view.getBottom()).addAlerts(alerts.node());
    alerts.setToastOwner(stage);
    applyTheme(model.themeProperty().get());
    model.themeProperty().addListener((obs, old, now) -> applyTheme(now));
    stage.setScene(scene);
    stage.titleProperty().bind(model.titleProperty());
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    dialogs.setOwner(stage);
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          quit();
        });
    model
        .quitRequestedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now) {
                quit();
              }
            });
  }

  /**
   * Shows the window; the pipeline appears once the workspace, opened since the window was built,
   * has loaded it.
   *
   * @return completes when the pipeline is open or the user chose to quit
   */
  public CompletableFuture<Void> show() {
    stage.show();
    view.canvas().requestFocus();
    return started;
  }

  /** The view model, for tests and the screenshot generator. */
  public MainViewModel model() {
    return model;
  }

  /** The window's content. */
  public MainView view() {
    return view;
  }

  /** The scene. */
  public Scene scene() {
    return scene;
  }

  /** Completes once the window has saved, closed the workspace and runtime, and is hidden. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public void showHistory() {
    new HistoryDialog(model.workspace().history(), stage, model.themeProperty().get())
        .showAndWait();
  }

  @Override
  public void showOpen() {
    new OpenPipelineDialog(model.workspace().openDialog(), stage, model.themeProperty().get())
        .showAndWait()
        .ifPresent(model.workspace()::open);
  }

  @Override
  public void showEnvironments() {
    new EnvironmentsDialog(model.deploy().environments(), stage, model.themeProperty().get())
        .showAndWait();
  }

  /** How the window opens web pages (the application's host services). */
  public void useBrowser(java.util.function.Consumer<String> browse) {
    this.browser = java.util.Objects.requireNonNull(browse, "browse");
  }

  @Override
  public void deploy() {
    DeployViewModel d = model.deploy().deploy();
    String environment = d.targetProperty().get();
    if (environment == null) {
      showEnvironments();
      return;
    }
    var pipeline = model.designer().pipeline();
    boolean unsaved = model.designer().edit().dirtyProperty().get();
    d.latestVersion(pipeline.id())
        .thenAcceptAsync(
            version ->
                DeployConfirmation.ask(stage, pipeline, version, unsaved, environment)
                    .ifPresent(
                        request ->
                            d.deploy(request)
                                .thenAccept(
                                    result -> {
                                      if (result.isPresent()) {
                                        view.showDeployments();
                                        model.deploy().deployments().refresh();
                                      } else {
                                        dialogs.showError(
                                            "Deploy",
                                            "'"
                                                + pipeline.name()
                                                + "' was not deployed to "
                                                + environment,
                                            d.failureProperty().get());
                                      }
                                    })),
            javafx.application.Platform::runLater);
  }

  @Override
  public void showAlertRules() {
    alerts.editRules(
        stage, problem -> dialogs.showError("Alert rules", "The alert rules", problem));
  }

  @Override
  public void showAlerts() {
    alerts.showCentre();
  }

  /** The studio's alert views: the bell, notification centre and rule editor. */
  public dev.streamwright.app.ui.monitor.StudioAlertViews alerts() {
    return alerts;
  }

  @Override
  public void findNodeType() {
    view.palette().searchField().requestFocus();
  }

  /** Saves, closes everything in order, then hides the window; later calls do nothing more. */
  @Override
  public void quit() {
    if (closing) {
      return;
    }
    closing = true;
    view.setDisable(true);
    model
        .shutdown()
        .whenCompleteAsync(
            (v, error) -> {
              if (error != null) {
                LOG.error("The studio did not close cleanly", error);
              }
              alerts.dispose();
              stage.titleProperty().unbind();
              stage.hide();
              closed.complete(null);
            },
            javafx.application.Platform::runLater);
  }

  /**
   * Closes the workspace and the runtime right away, from any thread: for Ctrl-C, when there is no
   * time to save through the FX thread. Idempotent.
   */
  public void closeNow() {
    model.closeNow();
  }

  /** The theme dialogs are styled with: the window's, once its view model exists. */
  private Theme theme() {
    return model == null ? Theme.LIGHT : model.themeProperty().get();
  }

  private void applyTheme(Theme theme) {
    Themes.apply(theme);
    Themes.style(scene, theme);
  }
}
