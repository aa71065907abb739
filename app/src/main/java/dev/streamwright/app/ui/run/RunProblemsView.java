package dev.streamwright.app.ui.run;

import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.validate.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * What the last run found that the designer's own checks cannot: Flink's planner refusing the SQL
 * of a node, or the job failing. Shown above the designer's problems, only when there is any;
 * double-click reveals the node.
 */
public final class RunProblemsView extends VBox {

  /** Style class of this view, for tests and the stylesheet. */
  public static final String STYLE = "run-problems";

  public RunProblemsView(ObservableList<Problem> problems, DesignerViewModel designer) {
    getStyleClass().add(STYLE);
    Label title = new Label("From the last run");
    title.getStyleClass().add("run-problems-title");
    TableView<Problem> table = new TableView<>(problems);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("Node", p -> p.nodeId() == null ? "pipeline" : p.nodeId(), 140));
    table.getColumns().add(column("Property", p -> p.property() == null ? "" : p.property(), 120));
    table.getColumns().add(column("Message", Problem::message, 600));
    table.setFixedCellSize(26);
    table
        .prefHeightProperty()
        .bind(Bindings.min(150, Bindings.size(problems).multiply(26).add(32)));
    table.setRowFactory(
        t -> {
          TableRow<Problem> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                  designer.reveal(row.getItem().nodeId());
                }
              });
          return row;
        });
    getChildren().addAll(title, table);
    visibleProperty().bind(Bindings.isNotEmpty(problems));
    managedProperty().bind(visibleProperty());
  }

  private static TableColumn<Problem, String> column(
      String name, java.util.function.Function<Problem, String> value, double width) {
    TableColumn<Problem, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
