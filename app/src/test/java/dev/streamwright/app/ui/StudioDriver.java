package dev.streamwright.app.ui;

import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.ui.tasks.FxTaskExecutor;
import dev.streamwright.app.ui.workspace.Autosave;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real studio window headless on a workspace folder of the test's own and drives it as a
 * user would, through TestFX. Waits are bounded polls on what the user would see, never sleeps.
 */
final class StudioDriver implements AutoCloseable {

  /** The samples shipped with the project, from the app module's folder where tests run. */
  static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

  /** Generous: a cold JVM on a 2-core CI machine compiles and lays out slowly the first time. */
  static final Duration READY = Duration.ofSeconds(30);

  final FxRobot robot = new FxRobot();
  final ScriptedFilePicker files;
  final StudioContext context;
  private StudioApp app;

  private StudioDriver(StudioContext context, ScriptedFilePicker files) {
    this.context = context;
    this.files = files;
  }

  /** A context for a test: the samples, the real planner, an embedded Flink in target/. */
  static StudioContext context(Path workspace, ScriptedFilePicker files) {
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    Path runtimeDir = folders.tmp().resolve("runtime-" + System.nanoTime());
    return context(workspace, files, () -> new EmbeddedRuntime(runtimeDir));
  }

  static StudioContext context(
      Path workspace, ScriptedFilePicker files, Supplier<? extends PipelineRuntime> runtimes) {
    NodeTypeRegistry registry = NodeTypeRegistry.load();
    return new StudioContext(
        workspace,
        Optional.of(SAMPLES),
        registry,
        RunCheck.create(registry),
        "embedded Flink",
        runtimes,
        () -> Sandbox.Settings.embedded(sandboxDir()),
        new FxTaskExecutor(),
        files,
        Autosave.DEFAULT_DELAY);
  }

  /** Where a test studio's Kafka sandbox keeps its data: under the build's temp folder. */
  static Path sandboxDir() {
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    return folders.tmp();
  }

  /** Starts a studio window on the folder and returns once it shows (not necessarily ready). */
  static StudioDriver launch(Path workspace) throws TimeoutException {
    ScriptedFilePicker files = new ScriptedFilePicker();
    return launch(context(workspace, files), files);
  }

  static StudioDriver launch(StudioContext context, ScriptedFilePicker files)
      throws TimeoutException {
    Platform.setImplicitExit(false);
    FxToolkit.registerPrimaryStage();
    StudioDriver driver = new StudioDriver(context, files);
    driver.app = (StudioApp) FxToolkit.setupApplication(() -> new StudioApp(context));
    return driver;
  }

  /** Waits until the workspace is open and its pipeline is on the canvas. */
  StudioDriver awaitReady() throws TimeoutException {
    waitFor(READY, () -> model().readyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    return this;
  }

  StudioWindow window() {
    return app.window();
  }

  MainViewModel model() {
    return window().model();
  }

  MainView view() {
    return window().view();
  }

  Stage stage() {
    return (Stage) window().scene().getWindow();
  }

  /** Reads FX state on the FX thread. */
  <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("reading FX state failed", e);
    }
  }

  /** Waits until the condition (evaluated on the FX thread) holds. */
  static void waitFor(Duration timeout, Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        timeout.toMillis(),
        TimeUnit.MILLISECONDS,
        () -> WaitForAsyncUtils.asyncFx(condition).get());
  }

  /** A dialog window showing now, other than the studio's. */
  Optional<Window> dialog() {
    return robot.listWindows().stream()
        .filter(w -> w.isShowing() && w != stage())
        .filter(
            w ->
                w.getScene() != null
                    && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
        .findFirst();
  }

  /** A node by CSS selector inside the studio window. */
  <T extends Node> T find(String query) {
    return robot.from(window().scene().getRoot()).lookup(query).query();
  }

  // ---- the canvas, as a user works it ---------------------------------------------------------

  /**
   * Drags a node type from the palette onto the canvas at a point of the canvas (in its pixels) and
   * returns the id of the node that appears.
   */
  String dropFromPalette(String typeName, double x, double y) throws TimeoutException {
    int before = fx(() -> model().designer().pipeline().nodes().size());
    // Filter the palette first, as a user would: the palette's list is virtualised, so a type
    // scrolled out of sight has no cell to drag.
    fx(
        () -> {
          view().palette().searchField().setText(typeName);
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
    // On a loaded machine the filtered list may lay out its cells a pulse or two later.
    java.util.function.Supplier<java.util.Optional<Node>> lookup =
        () ->
            robot
                .from(view().palette())
                .lookup(".palette-type")
                .match(
                    (Node n) ->
                        n instanceof javafx.scene.control.Labeled l && typeName.equals(l.getText()))
                .tryQuery();
    waitFor(Duration.ofSeconds(10), () -> lookup.get().isPresent());
    Node cell = lookup.get().orElseThrow();
    javafx.geometry.Point2D target = fx(() -> view().canvas().localToScreen(x, y));
    robot.drag(cell, javafx.scene.input.MouseButton.PRIMARY).moveTo(target).drop();
    waitFor(
        Duration.ofSeconds(10), () -> model().designer().pipeline().nodes().size() == before + 1);
    fx(
        () -> {
          view().palette().searchField().clear();
          return null;
        });
    return fx(
        () -> {
          var nodes = model().designer().pipeline().nodes();
          return nodes.get(nodes.size() - 1).id();
        });
  }

  /** Drags from an output port to an input port and waits for the edge. */
  void connect(String from, String fromPort, String to, String toPort) throws TimeoutException {
    int before = fx(() -> model().designer().pipeline().edges().size());
    javafx.geometry.Point2D out =
        fx(() -> view().canvas().portOnScreen(from, fromPort, false).orElseThrow());
    javafx.geometry.Point2D in =
        fx(() -> view().canvas().portOnScreen(to, toPort, true).orElseThrow());
    robot.drag(out, javafx.scene.input.MouseButton.PRIMARY).moveTo(in).drop();
    waitFor(
        Duration.ofSeconds(10), () -> model().designer().pipeline().edges().size() == before + 1);
  }

  /** Clicks a node's box, which selects it and shows it in the property sheet. */
  void clickNode(String id) throws TimeoutException {
    javafx.geometry.Bounds box = fx(() -> view().canvas().nodeBoundsOnScreen(id).orElseThrow());
    robot.clickOn(
        new javafx.geometry.Point2D(box.getMinX() + box.getWidth() / 2, box.getMinY() + 10));
    waitFor(
        Duration.ofSeconds(10),
        () -> {
          var n = model().designer().selectedNodeProperty().get();
          return n != null && n.id().equals(id);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The editor of the property sheet (or its row table) named so for screen readers. */
  <T extends Node> T editor(String accessibleText) {
    return robot
        .lookup((Node n) -> n.isVisible() && accessibleText.equals(n.getAccessibleText()))
        .query();
  }

  /** The last of the editors named so: in a table of rows, the one of the row added last. */
  <T extends Node> T lastEditor(String accessibleText) {
    java.util.List<Node> all =
        java.util.List.copyOf(
            robot
                .lookup((Node n) -> n.isVisible() && accessibleText.equals(n.getAccessibleText()))
                .queryAll());
    @SuppressWarnings("unchecked")
    T last = (T) all.get(all.size() - 1);
    return last;
  }

  /** Quits through File > Quit and waits until the window has closed everything. */
  void quit() throws Exception {
    if (app == null) {
      return;
    }
    if (!window().closed().isDone()) {
      robot.interact(window()::quit);
      window().closed().get(60, TimeUnit.SECONDS);
    }
    FxToolkit.cleanupApplication(app);
    app = null;
  }

  @Override
  public void close() throws Exception {
    quit();
  }
}
