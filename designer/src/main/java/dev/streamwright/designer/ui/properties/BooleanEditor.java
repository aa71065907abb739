package dev.streamwright.designer.ui.properties;

import dev.streamwright.plugin.api.PropertySpec;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;

/** A check box for a true/false property; each click is one edit. */
final class BooleanEditor extends PropertyEditor {

  private final CheckBox box = new CheckBox();
  private boolean showing;

  BooleanEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    box.setText(spec.description().isEmpty() ? spec.label() : spec.description());
    box.setAccessibleText(spec.label());
    box.setTooltip(new Tooltip(spec.label()));
    box.selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (!showing) {
                context.store(spec, now);
              }
            });
  }

  @Override
  protected Node control() {
    return box;
  }

  @Override
  void show(Object value) {
    showing = true;
    try {
      Object v = value != null ? value : spec.defaultValue();
      box.setSelected(Boolean.TRUE.equals(v));
    } finally {
      showing = false;
    }
  }
}
