package dev.streamwright.designer.ui.properties;

import dev.streamwright.plugin.api.PropertySpec;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/** A drop-down of the property's choices; picking one is one edit. */
final class EnumEditor extends PropertyEditor {

  private final ComboBox<String> combo = new ComboBox<>();
  private boolean showing;

  EnumEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    combo.getItems().setAll(spec.choices());
    combo.setPromptText(PropertyValues.prompt(spec));
    combo.setMaxWidth(Double.MAX_VALUE);
    combo.setAccessibleText(spec.label());
    if (!PropertyValues.tooltip(spec).isEmpty()) {
      combo.setTooltip(new Tooltip(PropertyValues.tooltip(spec)));
    }
    combo
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (!showing && now != null) {
                context.store(spec, now);
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
      combo.setValue(value == null ? null : String.valueOf(value));
    } finally {
      showing = false;
    }
  }
}
