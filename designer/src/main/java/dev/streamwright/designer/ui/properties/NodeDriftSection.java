package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.DriftEdits;
import dev.streamwright.runtime.compile.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Drift section of a node's property sheet: each column of the node's output with a "monitor
 * drift" check box (ticked for the columns monitored now), a note of what the node monitors by
 * default, columns the drift tap cannot profile disabled with the reason, and the compiler's drift
 * problems with this node. Each click is one undoable edit of the pipeline's drift settings.
 */
final class NodeDriftSection extends VBox {

  private final DesignerViewModel model;
  private final DriftEdits drift;
  private final Label note = new Label();
  private final VBox rows = new VBox(2);
  private final Label problems = new Label();
  private final Map<String, CheckBox> boxes = new LinkedHashMap<>();
  private String nodeId;
  private boolean showing;

  NodeDriftSection(DesignerViewModel model) {
    super(4);
    this.model = model;
    this.drift = model.drift();
    getStyleClass().add(DesignerStyles.PROPERTY_EDITOR);
    setId("drift-section");
    Label title = new Label("Drift");
    title.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    title.setTooltip(
        new Tooltip(
            "Which columns of this node's output the running pipeline profiles for drift;"
                + " saved with the pipeline"));
    note.setWrapText(true);
    problems.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
    problems.setWrapText(true);
    getChildren().addAll(title, note, rows, problems);
    drift.defaultsProperty().addListener((obs, old, now) -> refresh());
    model.pipelineProperty().addListener((obs, old, now) -> refresh());
    model.outputs().compiledProperty().addListener((obs, old, now) -> refresh());
  }

  /** Shows the node's columns. */
  void show(String node) {
    nodeId = node;
    refresh();
  }

  private void refresh() {
    if (nodeId == null || model.pipeline().node(nodeId).isEmpty()) {
      return;
    }
    List<DriftEdits.Row> shown = drift.rows(nodeId);
    List<String> names = shown.stream().map(r -> r.column().column()).toList();
    if (!names.equals(new ArrayList<>(boxes.keySet()))) {
      build(shown);
    }
    showing = true;
    try {
      for (DriftEdits.Row r : shown) {
        CheckBox box = boxes.get(r.column().column());
        box.setSelected(r.monitored());
        box.setDisable(r.unsupported() != null && !r.monitored());
      }
    } finally {
      showing = false;
    }
    note.setText(note(shown));
    String text =
        String.join(
            "\n",
            model.outputs().problemsOf(nodeId).stream()
                .filter(p -> p.property() != null && p.property().startsWith("drift."))
                .map(NodeDriftSection::line)
                .toList());
    problems.setText(text);
    problems.setVisible(!text.isEmpty());
    problems.setManaged(!text.isEmpty());
  }

  private void build(List<DriftEdits.Row> shown) {
    boxes.clear();
    List<HBox> lines = new ArrayList<>();
    for (DriftEdits.Row r : shown) {
      String column = r.column().column();
      CheckBox box = new CheckBox(column);
      box.setMnemonicParsing(false); // column names hold underscores
      box.setAccessibleText("Monitor drift of " + column);
      box.setId("drift-" + column);
      Label type = new Label(r.type() + (r.byDefault() ? "  ·  default" : ""));
      type.setOpacity(0.7);
      HBox line = new HBox(6, box, type);
      line.setAlignment(Pos.CENTER_LEFT);
      // A disabled check box shows no tooltip, so its line carries it.
      Tooltip.install(
          line,
          new Tooltip(
              r.unsupported() != null
                  ? r.unsupported()
                  : "Monitor drift of '"
                      + column
                      + "'"
                      + (r.byDefault() ? " (on by default)" : "")));
      box.selectedProperty()
          .addListener(
              (obs, was, now) -> {
                if (!showing) {
                  drift.setMonitored(nodeId, column, now);
                }
              });
      boxes.put(column, box);
      lines.add(line);
    }
    rows.getChildren().setAll(lines);
  }

  private String note(List<DriftEdits.Row> shown) {
    if (shown.isEmpty()) {
      return "The columns appear once the node's output is known.";
    }
    boolean defaults = shown.stream().anyMatch(DriftEdits.Row::byDefault);
    String text =
        defaults
            ? "By default the model's input columns and its scores are monitored; untick one to"
                + " stop, tick another to add it."
            : "By default no column of this node is monitored; tick a column to monitor its"
                + " drift.";
    if (!drift.settings().enabled()) {
      text +=
          " Drift monitoring is off for the whole pipeline (click the canvas background to"
              + " turn it on).";
    }
    return text;
  }

  private static String line(Problem p) {
    return (p.isError() ? "" : "Warning: ") + p.message();
  }
}
