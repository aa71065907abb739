package dev.streamwright.app.ui.run;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The Run output tab: one preview table per preview sink of the running job, each in its own tab
 * titled with the sink's name and the number of rows received; a hint before the first run.
 */
public final class RunOutputView extends StackPane {

  /** Style class of the inner tab pane holding one tab per sink. */
  public static final String SINK_TABS = "preview-tabs";

  private final TabPane tabs = new TabPane();
  private final Label hint = new Label();

  public RunOutputView(RunViewModel model) {
    getStyleClass().add("run-output");
    tabs.getStyleClass().add(SINK_TABS);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    hint.getStyleClass().add("run-output-hint");
    hint.setWrapText(true);
    hint.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (model.phaseProperty().get()) {
                      case IDLE ->
                          "Run the pipeline (F5) to see the rows of its preview sinks here.";
                      case CHECKING -> "Checking the pipeline…";
                      case STARTING -> "Starting the job…";
                      case FAILED ->
                          "The run failed: " + model.failureProperty().get() + " (see Problems).";
                      default ->
                          "The pipeline has no preview sink: add a Preview node to see rows here.";
                    },
                model.phaseProperty(),
                model.failureProperty()));
    model.previews().addListener((ListChangeListener<PreviewTable>) c -> rebuild(model));
    rebuild(model);
  }

  private void rebuild(RunViewModel model) {
    tabs.getTabs().clear();
    for (PreviewTable table : model.previews()) {
      Tab tab = new Tab();
      tab.setId("preview-tab-" + table.sinkId());
      tab.textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> table.title() + " (" + table.receivedProperty().get() + ")",
                  table.receivedProperty()));
      tab.setContent(new BorderPane(new PreviewTableView(table)));
      tabs.getTabs().add(tab);
    }
    getChildren().setAll(model.previews().isEmpty() ? hint : tabs);
  }
}
