package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * A small table for list properties (one row per record, one editor per field, e.g. the aggregates
 * of a window) and map properties (key and value). Editing a cell stores the whole list as one edit
 * once every cell is valid; adding a row only shows an empty row, which is stored when a cell of it
 * is filled in; removing a row stores at once.
 */
final class RowsEditor extends PropertyEditor {

  private static final PropertySpec KEY =
      PropertySpec.of("key", PropertyKind.STRING).label("Key").build();
  private static final PropertySpec VALUE =
      PropertySpec.of("value", PropertyKind.STRING).label("Value").build();

  private final boolean map;
  private final List<PropertySpec> fields;
  private final GridPane grid = new GridPane();
  private final List<List<RowCell>> rows = new ArrayList<>();
  private List<String> columns = List.of();

  RowsEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    this.map = spec.kind() == PropertyKind.MAP;
    this.fields = map ? List.of(KEY, VALUE) : spec.fields();
    grid.getStyleClass().add(DesignerStyles.TABLE_EDITOR);
    grid.setHgap(4);
    grid.setVgap(4);
    rebuild(List.of());
  }

  @Override
  protected Node control() {
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToHeight(true);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    // The table only scrolls sideways; the wheel's vertical turns scroll the sheet around it.
    scroll.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (Math.abs(e.getDeltaY()) > Math.abs(e.getDeltaX()) && scroll.getParent() != null) {
            e.consume();
            Event.fireEvent(scroll.getParent(), e.copyFor(scroll.getParent(), scroll.getParent()));
          }
        });
    Button add =
        new Button(map ? "Add option" : "Add row", DesignerIcons.icon(MaterialDesignP.PLUS));
    add.setTooltip(new Tooltip("Add an empty row to " + spec.label()));
    add.setOnAction(e -> addRow(Map.of(), true));
    return new VBox(4, scroll, add);
  }

  @Override
  void show(Object value) {
    List<Map<String, Object>> next = rowsOf(value);
    if (!next.equals(records())) {
      rebuild(next);
    }
  }

  private void rebuild(List<Map<String, Object>> records) {
    rows.clear();
    grid.getChildren().clear();
    for (int c = 0; c < fields.size(); c++) {
      PropertySpec f = fields.get(c);
      Label header = new Label(f.label() + (f.required() ? " *" : ""));
      header.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
      String tip = PropertyValues.tooltip(f);
      if (!tip.isEmpty()) {
        header.setTooltip(new Tooltip(tip));
      }
      grid.add(header, c + 1, 0);
    }
    records.forEach(r -> addRow(r, false));
  }

  @Override
  void showColumns(List<String> names) {
    if (!names.equals(columns)) {
      columns = List.copyOf(names);
      rows.forEach(row -> row.forEach(cell -> cell.showColumns(columns)));
    }
  }

  private void addRow(Map<String, Object> record, boolean focus) {
    List<RowCell> cells = new ArrayList<>();
    int r = rows.size() + 1;
    for (int c = 0; c < fields.size(); c++) {
      PropertySpec f = fields.get(c);
      RowCell cell = new RowCell(f, this::cellChanged);
      cell.showColumns(columns);
      cell.show(record.get(f.name()));
      cells.add(cell);
      grid.add(cell.node(), c + 1, r);
    }
    Button remove = new Button(null, DesignerIcons.icon(MaterialDesignM.MINUS_CIRCLE_OUTLINE));
    remove.setTooltip(new Tooltip("Remove this row"));
    remove.setAccessibleText("Remove row " + r);
    remove.setOnAction(e -> removeRow(cells));
    // First in the row, so it stays in view however wide the row is.
    grid.add(remove, 0, r);
    rows.add(cells);
    if (focus) {
      cells.get(0).node().requestFocus();
    }
  }

  private void removeRow(List<RowCell> cells) {
    rows.remove(cells);
    List<Map<String, Object>> remaining = records();
    rebuild(remaining);
    store(remaining);
  }

  private void cellChanged() {
    String problem = null;
    for (int r = 0; r < rows.size() && problem == null; r++) {
      for (RowCell cell : rows.get(r)) {
        if (!cell.valid()) {
          problem = "Row " + (r + 1) + ": " + cell.error();
          break;
        }
      }
    }
    showError(problem, grid);
    if (problem == null) {
      store(records());
    }
  }

  private void store(List<Map<String, Object>> records) {
    Object value;
    if (map) {
      Map<String, String> options = new LinkedHashMap<>();
      for (Map<String, Object> rec : records) {
        Object key = rec.get("key");
        if (key != null) {
          options.put(String.valueOf(key), String.valueOf(rec.getOrDefault("value", "")));
        }
      }
      value = options.isEmpty() ? null : options;
    } else {
      value = records.isEmpty() ? null : records;
    }
    context.store(spec, value);
  }

  /** The filled-in rows as records; empty rows are not part of the value. */
  private List<Map<String, Object>> records() {
    List<Map<String, Object>> out = new ArrayList<>();
    rows.forEach(row -> addIfFilled(out, recordOf(row)));
    return out;
  }

  private static void addIfFilled(List<Map<String, Object>> out, Map<String, Object> rec) {
    if (!rec.isEmpty()) {
      out.add(rec);
    }
  }

  private Map<String, Object> recordOf(List<RowCell> row) {
    Map<String, Object> rec = new LinkedHashMap<>();
    for (RowCell cell : row) {
      Object v = cell.value();
      if (v != null) {
        rec.put(cell.spec().name(), v);
      }
    }
    return rec;
  }

  private List<Map<String, Object>> rowsOf(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (map && value instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("key", String.valueOf(k));
            if (v != null) {
              rec.put("value", String.valueOf(v));
            }
            out.add(rec);
          });
    } else if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Map<String, Object> rec = new LinkedHashMap<>();
          for (PropertySpec f : fields) {
            Object v = m.get(f.name());
            if (v != null) {
              rec.put(f.name(), v);
            }
          }
          out.add(rec);
        }
      }
    }
    return out;
  }
}
