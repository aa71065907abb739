package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * Picks one column from those flowing into the node (from the last compile); the user may also type
 * a name, since the schema is unknown while upstream nodes have errors. Picking, Enter or leaving
 * the field is one edit.
 */
final class ColumnEditor extends PropertyEditor {

  private final ComboBox<String> combo = new ComboBox<>();
  private boolean showing;
  private Object stored;

  ColumnEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    combo.getStyleClass().add(DesignerStyles.COLUMN_PICKER);
    combo.setEditable(true);
    combo.setMaxWidth(Double.MAX_VALUE);
    combo.setPromptText(PropertyValues.prompt(spec));
    combo.setAccessibleText(spec.label());
    combo.setTooltip(
        new Tooltip(
            (spec.description().isEmpty() ? "" : spec.description() + "\n")
                + "Pick a column of the input, or type its name"));
    combo.setOnAction(e -> store(combo.getValue()));
    combo
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                store(combo.getEditor().getText());
              }
            });
  }

  @Override
  protected Node control() {
    return combo;
  }

  @Override
  void show(Object value) {
    showing = true;
    try {
      stored = value;
      combo.setValue(value == null ? null : String.valueOf(value));
      combo.getEditor().setText(value == null ? "" : String.valueOf(value));
    } finally {
      showing = false;
    }
  }

  @Override
  void showColumns(List<String> columns) {
    if (!combo.getItems().equals(columns)) {
      showing = true;
      try {
        String keep = combo.getEditor().getText();
        combo.getItems().setAll(columns);
        combo.getEditor().setText(keep);
      } finally {
        showing = false;
      }
    }
  }

  private void store(String text) {
    if (showing) {
      return;
    }
    String value = text == null || text.isBlank() ? null : text.strip();
    if (!Objects.equals(value, stored)) {
      stored = value;
      context.store(spec, value);
    }
  }
}
