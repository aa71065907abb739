package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * One cell of a {@link RowsEditor}: a drop-down for choice and column fields, a text field (checked
 * as the user types, like the sheet's own fields) for the rest. It reports a finished edit (Enter,
 * focus leaving, a pick) to its table, which stores the whole list.
 */
final class RowCell {

  private final PropertySpec spec;
  private final Runnable changed;
  private final TextField text;
  private final ComboBox<String> combo;
  private final PropertyField field;
  private boolean showing;

  RowCell(PropertySpec spec, Runnable changed) {
    this.spec = spec;
    this.changed = changed;
    boolean choice = spec.kind() == PropertyKind.ENUM || spec.kind() == PropertyKind.COLUMN;
    String described = PropertyValues.tooltip(spec);
    String tip = spec.label() + (described.isEmpty() ? "" : ": " + described);
    if (choice) {
      text = null;
      field = null;
      combo = new ComboBox<>();
      combo.setEditable(spec.kind() == PropertyKind.COLUMN);
      combo.getItems().setAll(spec.choices());
      combo.setPrefWidth(120);
      combo.setTooltip(new Tooltip(tip));
      combo.setAccessibleText(spec.label());
      combo.setOnAction(e -> fire());
      combo
          .focusedProperty()
          .addListener(
              (obs, was, now) -> {
                if (!now && combo.isEditable()) {
                  combo.setValue(blankToNull(combo.getEditor().getText()));
                }
              });
    } else {
      combo = null;
      field = new PropertyField(spec, v -> {});
      text = new TextField();
      text.setPrefColumnCount(spec.kind() == PropertyKind.EXPRESSION ? 14 : 7);
      text.setPromptText(PropertyValues.prompt(spec));
      text.setTooltip(new Tooltip(tip));
      text.setAccessibleText(spec.label());
      text.textProperty().bindBidirectional(field.textProperty());
      field
          .errorProperty()
          .addListener(
              (obs, old, now) ->
                  text.pseudoClassStateChanged(DesignerStyles.ERROR, !now.isEmpty()));
      text.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.ENTER) {
              fire();
              e.consume();
            }
          });
      text.focusedProperty()
          .addListener(
              (obs, was, now) -> {
                if (!now && field.edited()) {
                  fire();
                }
              });
    }
  }

  PropertySpec spec() {
    return spec;
  }

  Node node() {
    return combo != null ? combo : text;
  }

  void show(Object value) {
    showing = true;
    try {
      if (combo != null) {
        combo.setValue(value == null ? null : String.valueOf(value));
      } else {
        field.show(value);
      }
    } finally {
      showing = false;
    }
  }

  void showColumns(List<String> columns) {
    if (combo != null && spec.kind() == PropertyKind.COLUMN) {
      showing = true;
      try {
        String keep = combo.getValue();
        combo.getItems().setAll(columns);
        combo.setValue(keep);
      } finally {
        showing = false;
      }
    }
  }

  /** The cell's value; null when empty or invalid. */
  Object value() {
    if (combo != null) {
      return blankToNull(combo.getValue());
    }
    return field.value();
  }

  boolean valid() {
    return field == null || field.valid();
  }

  String error() {
    return field == null ? "" : field.errorProperty().get();
  }

  private void fire() {
    if (!showing) {
      if (field != null && field.valid()) {
        field.show(field.value());
      }
      changed.run();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
