package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.until;

import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;

/** The cells a table draws, for asserting on what users see: texts and status classes. */
final class TableCells {

  private TableCells() {}

  /** The style classes of the visible cells of a table that show the text. */
  static List<String> classes(TableView<?> table, String text) {
    until("a cell shows " + text, () -> !cells(table, text).isEmpty());
    return fx(
        () ->
            cells(table, text).stream()
                .flatMap(c -> c.getStyleClass().stream())
                .distinct()
                .toList());
  }

  /** The visible cells that show the text; on the FX thread. */
  static List<Labeled> cells(TableView<?> table, String text) {
    return table.lookupAll(".table-cell").stream()
        .filter(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
        .map(Labeled.class::cast)
        .toList();
  }
}
