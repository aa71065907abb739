package dev.streamwright.designer.ui.properties;

import dev.streamwright.plugin.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;

/**
 * Picks several columns from those flowing into the node (ControlsFX {@link CheckComboBox}); stored
 * names that the input no longer has stay listed, so nothing disappears silently and the compiler's
 * problem says what is wrong. Each check or uncheck is one edit.
 */
final class ColumnsEditor extends PropertyEditor {

  private final CheckComboBox<String> combo = new CheckComboBox<>();
  private List<String> columns = List.of();
  private List<String> stored = List.of();
  private boolean showing;

  ColumnsEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    combo.setMaxWidth(Double.MAX_VALUE);
    combo.setTitle("Choose columns");
    combo.setShowCheckedCount(false);
    combo.setAccessibleText(spec.label());
    combo.setTooltip(
        new Tooltip(
            (spec.description().isEmpty() ? "" : spec.description() + "\n")
                + "Check the columns of the input to use"));
    combo
        .getCheckModel()
        .getCheckedItems()
        .addListener((ListChangeListener<String>) c -> checkedChanged());
  }

  @Override
  protected Node control() {
    return combo;
  }

  @Override
  void show(Object value) {
    List<String> next = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(o -> next.add(String.valueOf(o)));
    } else if (value instanceof String s && !s.isBlank()) {
      next.add(s);
    }
    stored = next;
    refill();
  }

  @Override
  void showColumns(List<String> names) {
    if (!names.equals(columns)) {
      columns = List.copyOf(names);
      refill();
    }
  }

  private void refill() {
    showing = true;
    try {
      Set<String> items = new LinkedHashSet<>(columns);
      items.addAll(stored);
      if (!combo.getItems().equals(new ArrayList<>(items))) {
        combo.getCheckModel().clearChecks();
        combo.getItems().setAll(items);
      }
      combo.getCheckModel().clearChecks();
      stored.forEach(combo.getCheckModel()::check);
      combo.setTitle(stored.isEmpty() ? "Choose columns" : String.join(", ", stored));
    } finally {
      showing = false;
    }
  }

  private void checkedChanged() {
    if (showing) {
      return;
    }
    List<String> next = new ArrayList<>();
    for (String item : combo.getItems()) {
      if (combo.getCheckModel().isChecked(item)) {
        next.add(item);
      }
    }
    if (!next.equals(stored)) {
      stored = next;
      combo.setTitle(next.isEmpty() ? "Choose columns" : String.join(", ", next));
      context.store(spec, next.isEmpty() ? null : next);
    }
  }
}
