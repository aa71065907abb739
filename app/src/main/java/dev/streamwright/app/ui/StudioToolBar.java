package dev.streamwright.app.ui;

import dev.streamwright.app.ui.run.GeneratorViewModel;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.sandbox.Sandbox;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

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
            a.stopWithSavepoint.button(),
            a.resume.button(),
            progress,
            // The generator belongs to Run; the deploy group follows it, so on a narrow window
            // it is the deploy group that moves into the toolbar's overflow menu (it is also in
            // the Run menu).
            generatorControls(model, a),
            separator(),
            a.deploy.button(),
            deployTarget(model),
            deployProgress(model),
            a.environments.button(),
            spring,
            pipeline,
            separator(),
            a.toggleTheme.button());
  }

  /** Id of the deploy environment picker. */
  static final String DEPLOY_TARGET = "toolbar-deploy-target";

  /** The remote environment Deploy targets; empty until one is added. */
  private static ComboBox<String> deployTarget(MainViewModel model) {
    var d = model.deploy().deploy();
    ComboBox<String> target = new ComboBox<>(d.targets());
    target.setId(DEPLOY_TARGET);
    target.valueProperty().bindBidirectional(d.targetProperty());
    target.setPromptText("no environment");
    target.setPrefWidth(130);
    target.setTooltip(
        new Tooltip("Where Deploy sends the pipeline; add Flink clusters under Environments"));
    target.disableProperty().bind(d.busyProperty());
    return target;
  }

  private static ProgressIndicator deployProgress(MainViewModel model) {
    ProgressIndicator p = new ProgressIndicator();
    p.setPrefSize(18, 18);
    p.setMaxSize(18, 18);
    p.visibleProperty().bind(model.deploy().deploy().busyProperty());
    p.managedProperty().bind(p.visibleProperty());
    return p;
  }

  /** Id of the box of generator controls, shown while the open pipeline has a generator. */
  static final String GENERATOR = "toolbar-generator";

  /**
   * The data generator's scenario, rate and speed with Start and Stop: shown for pipelines that
   * read a topic some sample generator writes. Run starts the generator with these choices; Start
   * restarts it with new ones.
   */
  private static HBox generatorControls(MainViewModel model, StudioActions a) {
    GeneratorViewModel g = model.run().generator();
    ComboBox<GeneratorViewModel.ScenarioChoice> scenario =
        new ComboBox<>(
            FXCollections.observableArrayList(GeneratorViewModel.ScenarioChoice.values()));
    scenario.setId("generator-scenario");
    scenario.valueProperty().bindBidirectional(g.scenarioProperty());
    scenario.setTooltip(new Tooltip("The sample's scripted scenario, or steady traffic only"));
    ComboBox<Integer> rate =
        new ComboBox<>(FXCollections.observableArrayList(GeneratorViewModel.RATES));
    rate.setId("generator-rate");
    rate.valueProperty().bindBidirectional(g.rateProperty());
    rate.setConverter(converter(" events/s"));
    rate.setTooltip(new Tooltip("Events per second of scenario time"));
    ComboBox<Integer> speed =
        new ComboBox<>(FXCollections.observableArrayList(GeneratorViewModel.SPEEDS));
    speed.setId("generator-speed");
    speed.valueProperty().bindBidirectional(g.speedProperty());
    speed.setConverter(converter("x"));
    speed.setTooltip(new Tooltip("How many times faster than the clock scenario time passes"));
    Label label = new Label("Generator");
    HBox box =
        new HBox(
            6,
            separator(),
            label,
            scenario,
            rate,
            speed,
            a.startGenerator.button(),
            a.stopGenerator.button());
    box.setId(GENERATOR);
    box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    box.visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    Generators.forAnyOf(
                            Sandbox.Topics.of(model.designer().pipelineProperty().get()).sources())
                        .isPresent(),
                model.designer().pipelineProperty()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private static StringConverter<Integer> converter(String unit) {
    return new StringConverter<>() {
      @Override
      public String toString(Integer v) {
        return v == null ? "" : unit.equals("x") ? "x" + v : v + unit;
      }

      @Override
      public Integer fromString(String s) {
        return Integer.valueOf(s.replaceAll("[^0-9]", ""));
      }
    };
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }
}
