package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.document.command.SetDrift;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.DriftEdits;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The pipeline's drift settings, shown in the inspector while nothing is selected: drift monitoring
 * on or off, the drift tap's window (stored on Enter or when focus leaves; text that is not a
 * duration of 1s or more is refused in words and not stored), and how many columns are monitored.
 * Each change is one undoable edit.
 */
final class PipelineDriftView extends VBox {

  private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  private final DesignerViewModel model;
  private final DriftEdits drift;
  private final CheckBox enabled = new CheckBox("Monitor drift of this pipeline's columns");
  private final TextField window = new TextField();
  private final Label refusal = new Label();
  private final Label summary = new Label();
  private boolean showing;

  PipelineDriftView(DesignerViewModel model) {
    super(4);
    this.model = model;
    this.drift = model.drift();
    setId("pipeline-drift");
    getStyleClass().add(DesignerStyles.PROPERTY_EDITOR);
    Label title = new Label("Pipeline drift");
    title.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    enabled.setId("drift-enabled");
    enabled.setTooltip(
        new Tooltip(
            "When off, the pipeline's jobs profile no column; the columns chosen are kept"));
    enabled
        .selectedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!showing) {
                drift.setEnabled(now);
              }
            });
    Label windowLabel = new Label("Drift window");
    windowLabel.setLabelFor(window);
    window.setId("drift-window");
    window.setAccessibleText("Drift window");
    window.setTooltip(
        new Tooltip(
            "How long each profile of the monitored columns covers, e.g. 30s, 1m, 5min (1s or"
                + " more; the default is "
                + DriftSettings.DEFAULT_WINDOW
                + ")"));
    window.setOnAction(e -> storeWindow());
    window
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                storeWindow();
              }
            });
    window.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            refresh();
          }
        });
    refusal.getStyleClass().add(DesignerStyles.FIELD_ERROR);
    refusal.setId("drift-window-refusal");
    refusal.setWrapText(true);
    summary.setWrapText(true);
    Label how =
        new Label(
            "Choose the columns on each node's Drift section; by default every Model score node's"
                + " model inputs and scores are monitored.");
    how.setWrapText(true);
    how.setOpacity(0.7);
    getChildren().addAll(title, enabled, windowLabel, window, refusal, summary, how);
    model.pipelineProperty().addListener((obs, old, now) -> refresh());
    drift.defaultsProperty().addListener((obs, old, now) -> refresh());
    refresh();
  }

  private void storeWindow() {
    String typed = window.getText() == null ? "" : window.getText().strip();
    if (typed.equals(drift.settings().window())) {
      showRefusal(null);
      return;
    }
    String why = SetDrift.whyNotWindow(typed);
    showRefusal(why);
    if (why == null) {
      drift.setWindow(typed);
    } else {
      model.tell(Character.toUpperCase(why.charAt(0)) + why.substring(1));
    }
  }

  private void showRefusal(String why) {
    String text = why == null ? "" : Character.toUpperCase(why.charAt(0)) + why.substring(1);
    refusal.setText(text);
    refusal.setVisible(!text.isEmpty());
    refusal.setManaged(!text.isEmpty());
    window.pseudoClassStateChanged(ERROR, !text.isEmpty());
  }

  private void refresh() {
    DriftSettings s = drift.settings();
    showing = true;
    try {
      enabled.setSelected(s.enabled());
      if (!window.isFocused() || !refusal.isVisible()) {
        window.setText(s.window());
        showRefusal(null);
      }
    } finally {
      showing = false;
    }
    window.setDisable(!s.enabled());
    summary.setText(summary(s));
  }

  private String summary(DriftSettings s) {
    int monitored = 0;
    for (Map.Entry<String, List<String>> e : drift.defaultsProperty().get().entrySet()) {
      for (String c : e.getValue()) {
        if (!s.remove().contains(new DriftColumn(e.getKey(), c))) {
          monitored++;
        }
      }
    }
    monitored += s.add().size();
    return (s.enabled() ? "" : "Off. ")
        + monitored
        + (monitored == 1 ? " column is" : " columns are")
        + " monitored"
        + (s.add().isEmpty() && s.remove().isEmpty()
            ? " (the defaults)."
            : ": "
                + s.add().size()
                + " added, "
                + s.remove().size()
                + " default"
                + (s.remove().size() == 1 ? "" : "s")
                + " removed.");
  }
}
