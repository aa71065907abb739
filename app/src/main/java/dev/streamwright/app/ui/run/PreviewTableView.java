package dev.streamwright.app.ui.run;

import atlantafx.base.theme.Styles;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The table of one preview sink: a column per sink column (numbers right-aligned), and a change
 * kind column once the sink sends updates. It shows the {@link PreviewTable}'s rows as they are, so
 * it refreshes once per drained batch.
 */
public final class PreviewTableView extends TableView<PreviewTable.Row> {

  /** Style class of preview tables, for tests and the stylesheet. */
  public static final String STYLE = "preview-table";

  private static final String NUMBER = "number-cell";

  /** Rows looked at to size the columns. */
  private static final int SIZING_SAMPLE = 20;

  /** Approximate width of a character of the table font, and the cell's padding, in pixels. */
  private static final double CHAR_WIDTH = 8;

  private static final double PADDING = 28;

  /** No column wider than this on its own; the user can still widen it. */
  private static final double MAX_WIDTH = 360;

  private final TableColumn<PreviewTable.Row, Object> kind = new TableColumn<>("op");
  private boolean sized;

  public PreviewTableView(PreviewTable table) {
    super(table.rows());
    getStyleClass().add(STYLE);
    setId("preview-" + table.sinkId());
    setAccessibleText("Preview rows of " + table.title());
    setPlaceholder(new Label("Waiting for the first rows of " + table.title() + "…"));
    setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    kind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
    kind.setPrefWidth(48);
    kind.setSortable(false);
    kind.visibleProperty().bind(table.changelogProperty());
    getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
    table.columns().addListener((ListChangeListener<String>) c -> columns(table.columns()));
    columns(table.columns());
    getItems()
        .addListener(
            (ListChangeListener<PreviewTable.Row>)
                c -> {
                  if (!sized && !getItems().isEmpty()) {
                    sized = true;
                    fitColumnsToValues();
                  }
                });
  }

  /**
   * Widens each column to its values once the first rows are in: timestamps are much wider than
   * their names. Done once, so columns do not jump while rows stream in.
   */
  private void fitColumnsToValues() {
    List<PreviewTable.Row> sample =
        getItems().subList(0, Math.min(SIZING_SAMPLE, getItems().size()));
    for (int i = 1; i < getColumns().size(); i++) {
      int index = i - 1;
      int chars = getColumns().get(i).getText().length();
      for (PreviewTable.Row row : sample) {
        chars = Math.max(chars, text(row.value(index)).length());
      }
      getColumns().get(i).setPrefWidth(Math.min(MAX_WIDTH, CHAR_WIDTH * chars + PADDING));
    }
  }

  static String text(Object value) {
    return value == null
        ? "null"
        : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  private void columns(List<String> names) {
    getColumns().setAll(List.of(kind));
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      TableColumn<PreviewTable.Row, Object> column = new TableColumn<>(names.get(i));
      column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value(index)));
      column.setCellFactory(c -> new ValueCell());
      column.setPrefWidth(Math.max(80, CHAR_WIDTH * names.get(i).length() + PADDING));
      column.setSortable(false);
      getColumns().add(column);
    }
  }

  /** Shows a value as the CLI's table does: numbers right-aligned, null as {@code null}. */
  private static final class ValueCell extends TableCell<PreviewTable.Row, Object> {
    @Override
    protected void updateItem(Object value, boolean empty) {
      super.updateItem(value, empty);
      getStyleClass().remove(NUMBER);
      if (empty) {
        setText(null);
        return;
      }
      if (value instanceof Number) {
        getStyleClass().add(NUMBER);
        setAlignment(Pos.CENTER_RIGHT);
      } else {
        setAlignment(Pos.CENTER_LEFT);
      }
      setText(text(value));
    }
  }
}
