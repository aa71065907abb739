package dev.streamwright.designer.ui.problems;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.compile.Problem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The compiler's errors and warnings as a table (severity, node, property, message), following each
 * compile. Double-click or Enter on a row selects its node and brings it into view on the canvas.
 */
public final class ProblemsView extends StackPane {

  private final DesignerViewModel model;
  private final TableView<Problem> table = new TableView<>();

  /** A table of the view model's problems. */
  public ProblemsView(DesignerViewModel model) {
    this.model = model;
    getStyleClass().add(DesignerStyles.PROBLEMS);
    getStylesheets().add(DesignerStyles.STYLESHEET);
    SortedList<Problem> sorted = new SortedList<>(model.outputs().problems());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(placeholder());
    table.setAccessibleText("Problems");
    TableColumn<Problem, Problem> severity = new TableColumn<>();
    severity.setGraphic(DesignerIcons.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
    severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    severity.setCellFactory(c -> new SeverityCell());
    severity.setComparator(Problem::compareTo);
    severity.setPrefWidth(36);
    severity.setMaxWidth(36);
    severity.setMinWidth(36);
    severity.setResizable(false);
    table
        .getColumns()
        .addAll(
            List.of(
                severity,
                text("Node", p -> p.nodeId() == null ? "pipeline" : p.nodeId(), 140),
                text("Property", p -> p.property() == null ? "" : p.property(), 120),
                text("Message", Problem::message, 600)));
    table.setRowFactory(
        t -> {
          TableRow<Problem> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && row.getItem() != null) {
                  model.reveal(row.getItem().nodeId());
                }
              });
          return row;
        });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          Problem p = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && p != null) {
            model.reveal(p.nodeId());
            e.consume();
          }
        });
    getChildren().add(table);
  }

  /** The table, for the main window's focus handling. */
  public TableView<Problem> table() {
    return table;
  }

  private static TableColumn<Problem, String> text(
      String title, Function<Problem, String> value, double width) {
    TableColumn<Problem, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  private static Label placeholder() {
    Label label = new Label("No problems: the pipeline compiles.");
    label.getStyleClass().add(DesignerStyles.PLACEHOLDER);
    return label;
  }

  /** An icon saying error or warning, with the word as tooltip. */
  private static final class SeverityCell extends TableCell<Problem, Problem> {
    @Override
    protected void updateItem(Problem p, boolean empty) {
      super.updateItem(p, empty);
      if (empty || p == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      setGraphic(
          DesignerIcons.icon(
              p.isError() ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignA.ALERT,
              p.isError() ? DesignerStyles.SEVERITY_ERROR : DesignerStyles.SEVERITY_WARNING));
      setTooltip(new Tooltip(p.isError() ? "Error" : "Warning"));
      setAccessibleText(p.isError() ? "Error" : "Warning");
    }
  }
}
