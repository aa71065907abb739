package dev.streamwright.monitor.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Read-only tables of formatted figures: each column shows a string taken from the row, and may
 * give its cell a style class (a status colour); rows are replaced per redraw while the selection
 * stays on the same key.
 */
final class Tables {

  /** Style classes a column may give its cells; they are removed before a new one is set. */
  static final List<String> CELL_CLASSES =
      List.of(
          "status-ok",
          "status-warn",
          "status-stall",
          "status-stop",
          "status-rewind",
          "level-ok",
          "level-low",
          "level-high",
          "breached",
          "within",
          "muted");

  private Tables() {}

  /**
   * Gives a node at most one style class of a family, changing its style classes only when that
   * class changes: every change makes JavaFX re-apply CSS to the node and its children.
   */
  static void styleOnly(Node node, List<String> family, String styleClass) {
    List<String> classes = node.getStyleClass();
    boolean has = styleClass == null || classes.contains(styleClass);
    boolean others = classes.stream().anyMatch(c -> family.contains(c) && !c.equals(styleClass));
    if (has && !others) {
      return;
    }
    if (others) {
      classes.removeIf(c -> family.contains(c) && !c.equals(styleClass));
    }
    if (!has) {
      classes.add(styleClass);
    }
  }

  /** A table with a placeholder for when it has no rows. */
  static <R> TableView<R> table(String id, String empty) {
    TableView<R> t = new TableView<>();
    t.setId(id);
    t.setPlaceholder(new Label(empty));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getStyleClass().add("monitor-table");
    return t;
  }

  /** Adds a text column. */
  static <R> TableColumn<R, String> column(
      TableView<R> table, String title, Function<R, String> text) {
    return column(table, title, text, r -> null, false);
  }

  /** Adds a right-aligned number column. */
  static <R> TableColumn<R, String> number(
      TableView<R> table, String title, Function<R, String> text) {
    return column(table, title, text, r -> null, true);
  }

  /** Adds a column whose cells carry a style class chosen per row (or none for null). */
  static <R> TableColumn<R, String> column(
      TableView<R> table,
      String title,
      Function<R, String> text,
      Function<R, String> styleClass,
      boolean number) {
    TableColumn<R, String> c = new TableColumn<>(title);
    c.setSortable(false);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TableRow<R> row = getTableRow();
                if (empty || item == null || row == null || row.getItem() == null) {
                  setText(null);
                  styleOnly(this, CELL_CLASSES, null);
                  return;
                }
                setText(item);
                styleOnly(this, CELL_CLASSES, styleClass.apply(row.getItem()));
              }
            });
    if (number) {
      c.getStyleClass().add("number-column");
    }
    table.getColumns().add(c);
    return c;
  }

  /**
   * Replaces a table's rows unless they are equal, keeping the selected row by its key; when the
   * keys are the same in the same order only the changed rows are set, so the table lays out only
   * those. Returns whether the rows changed.
   */
  static <R> boolean replace(TableView<R> table, List<R> rows, Function<R, Object> key) {
    ObservableList<R> items = table.getItems();
    if (items.equals(rows)) {
      return false;
    }
    if (sameKeys(items, rows, key)) {
      List<Integer> selected = List.copyOf(table.getSelectionModel().getSelectedIndices());
      for (int i = 0; i < rows.size(); i++) {
        if (!items.get(i).equals(rows.get(i))) {
          items.set(i, rows.get(i));
        }
      }
      if (!selected.equals(table.getSelectionModel().getSelectedIndices())) {
        table.getSelectionModel().clearSelection();
        selected.forEach(table.getSelectionModel()::select);
      }
      return true;
    }
    List<Object> selectedKeys =
        table.getSelectionModel().getSelectedItems().stream().map(key).toList();
    items.setAll(rows);
    if (!selectedKeys.isEmpty()) {
      table.getSelectionModel().clearSelection();
      for (int i = 0; i < rows.size(); i++) {
        if (selectedKeys.contains(key.apply(rows.get(i)))) {
          table.getSelectionModel().select(i);
        }
      }
    }
    return true;
  }

  private static <R> boolean sameKeys(List<R> a, List<R> b, Function<R, Object> key) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Objects.equals(key.apply(a.get(i)), key.apply(b.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** Selects and shows the first row with the key; returns whether there was one. */
  static <R> boolean select(TableView<R> table, Object wanted, Function<R, Object> key) {
    ObservableList<R> items = table.getItems();
    for (int i = 0; i < items.size(); i++) {
      if (Objects.equals(key.apply(items.get(i)), wanted)) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
        return true;
      }
    }
    return false;
  }
}
