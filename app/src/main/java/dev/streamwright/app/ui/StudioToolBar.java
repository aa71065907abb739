package dev.streamwright.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * The toolbar: the frequent commands as icon buttons (each with its name and shortcut as tooltip),
 * and Run and Stop with a progress indicator while the runtime starts.
 */
final class StudioToolBar extends ToolBar {

  /** Style class of the run progress indicator. */
  static final String RUN_PROGRESS = "run-progress";

  /** Id and style class of the open pipeline's name. */
  static final String PIPELINE_NAME = "toolbar-pipeline-name";

  StudioToolBar(MainViewModel model, StudioActions a) {
    ProgressIndicator progress = new ProgressIndicator();
    progress.getStyleClass().add(RUN_PROGRESS);
    progress.setPrefSize(18, 18);
    progress.setMaxSize(18, 18);
    progress.visibleProperty().bind(model.run().busyProperty());
    Label pipeline = new Label();
    pipeline.setId(PIPELINE_NAME);
    pipeline.getStyleClass().add(PIPELINE_NAME);
    pipeline
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> model.designer().pipelineProperty().get().name(),
                model.designer().pipelineProperty()));
    Pane spring = new Pane();
    HBox.setHgrow(spring, Priority.ALWAYS);
    getItems()
        .addAll(
            a.newPipeline.button(),
            a.open.button(),
            a.importFile.button(),
            a.export.button(),
            a.history.button(),
            separator(),
            a.undo.button(),
            a.redo.button(),
            a.delete.button(),
            separator(),
            a.fit.button(),
            a.zoomIn.button(),
            a.zoomOut.button(),
            a.autoLayout.button(),
            separator(),
            a.run.button(),
            a.stop.button(),
            progress,
            spring,
            pipeline,
            separator(),
            a.toggleTheme.button());
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }
}
