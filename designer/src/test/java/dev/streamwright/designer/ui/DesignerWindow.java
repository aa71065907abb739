package dev.streamwright.designer.ui;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.designer.ui.canvas.CanvasView;
import dev.streamwright.designer.ui.palette.PaletteView;
import dev.streamwright.designer.ui.problems.ProblemsView;
import dev.streamwright.designer.ui.properties.PropertySheetView;
import dev.streamwright.designer.ui.sql.SqlView;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The designer's views laid out the way the studio's main window places them (palette left, canvas
 * in the middle, property sheet right, problems and SQL below), on the built-in node types and the
 * AtlantaFX light theme, with compiles on a real background thread.
 */
final class DesignerWindow {

  private static final NodeTypeRegistry REGISTRY = NodeTypeRegistry.load();

  final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "designer-test-compile");
            t.setDaemon(true);
            return t;
          });
  final DesignerViewModel model;
  final PaletteView palette;
  final CanvasView canvas;
  final PropertySheetView sheet;
  final ProblemsView problems;
  final SqlView sql;

  private DesignerWindow(Stage stage, Pipeline pipeline, Map<String, String> environment) {
    forgetMonocleDragView();
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model = new DesignerViewModel(pipeline, REGISTRY, worker, environment);
    palette = new PaletteView(model);
    canvas = new CanvasView(model);
    sheet = new PropertySheetView(model);
    problems = new ProblemsView(model);
    sql = new SqlView(model);
    palette.setPrefWidth(220);
    sheet.setPrefWidth(340);
    SplitPane bottom = new SplitPane(problems, sql);
    bottom.setPrefHeight(220);
    BorderPane root = new BorderPane(canvas, null, sheet, bottom, palette);
    stage.setScene(new Scene(root, 1500, 950));
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  /** Shows the views on the stage, editing the quickstart sample. */
  static DesignerWindow quickstart(Stage stage) throws Exception {
    return new DesignerWindow(stage, Pipelines.quickstart(), Map.of());
  }

  /** Shows the views on the stage, editing the pipeline. */
  static DesignerWindow of(Stage stage, Pipeline pipeline) {
    return new DesignerWindow(stage, pipeline, Map.of());
  }

  /** Shows the views on the stage, editing the pipeline in an environment (e.g. models.dir). */
  static DesignerWindow of(Stage stage, Pipeline pipeline, Map<String, String> environment) {
    return new DesignerWindow(stage, pipeline, environment);
  }

  /**
   * Works around headless Monocle: it remembers the window view of the first mouse drag and only
   * forgets it after a drag-and-drop, so after a plain drag in an earlier test's window a palette
   * drag-and-drop fails inside Monocle (NullPointerException in {@code View.notifyDragLeave}). Real
   * glass platforms have no such state; this only resets Monocle's.
   */
  private static void forgetMonocleDragView() {
    try {
      Class<?> type = Class.forName("com.sun.glass.ui.monocle.MouseInput");
      java.lang.reflect.Method instance = type.getDeclaredMethod("getInstance");
      instance.setAccessible(true);
      java.lang.reflect.Field view = type.getDeclaredField("dragView");
      view.setAccessible(true);
      view.set(instance.invoke(null), null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not on Monocle (a real display): nothing to reset.
    }
  }

  void close() {
    FxWait.run(
        () -> {
          model.close();
          canvas.dispose();
        });
    worker.shutdownNow();
  }
}
