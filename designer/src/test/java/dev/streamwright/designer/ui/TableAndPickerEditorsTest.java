package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The list-of-records table and the column pickers of the property sheet. */
@ExtendWith(ApplicationExtension.class)
class TableAndPickerEditorsTest {

  private DesignerWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = DesignerWindow.quickstart(stage);
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void editingACellOfTheAggregatesTableStoresTheWholeList(FxRobot robot) {
    select(robot, "clicks_per_user");
    TextField as = cell(robot, "as", "clicks");

    robot.doubleClickOn(as).push(KeyCode.CONTROL, KeyCode.A).write("n_clicks").type(KeyCode.ENTER);

    until("the aggregate is renamed", () -> aggregates().get(0).get("as").equals("n_clicks"));
    assertThat(aggregates()).hasSize(2);
    until("the SQL follows", () -> window.sql.getSql().contains("n_clicks"));
  }

  @Test
  void removingARowStoresTheRemainingRows(FxRobot robot) {
    select(robot, "clicks_per_user");
    Button remove =
        robot
            .lookup(".table-editor .button")
            .match((Button b) -> "Remove row 2".equals(b.getAccessibleText()))
            .query();

    robot.clickOn(remove);

    until("one aggregate is left", () -> aggregates().size() == 1);
    assertThat(aggregates().get(0)).containsEntry("as", "clicks");
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Set aggregates of 'clicks_per_user'");
  }

  @Test
  void theGroupByPickerOffersTheInputColumnsAndStoresTheCheckedOnes(FxRobot robot) {
    select(robot, "clicks_per_user");
    System.err.println(
        "DBG "
            + robot.lookup(".column-picker").queryAll()
            + " / "
            + robot.lookup((javafx.scene.Node n) -> n instanceof CheckComboBox).queryAll());
    CheckComboBox<?> keys =
        robot
            .lookup((javafx.scene.Node n) -> n instanceof CheckComboBox)
            .queryAs(CheckComboBox.class);
    until("the input columns are offered", () -> keys.getItems().size() == 5);

    robot.clickOn(keys);
    until(
        "the list of columns is open",
        () ->
            robot
                .lookup(".list-cell")
                .match((IndexedCell<?> c) -> "page".equals(c.getItem()))
                .tryQuery()
                .isPresent());
    IndexedCell<?> page =
        robot.lookup(".list-cell").match((IndexedCell<?> c) -> "page".equals(c.getItem())).query();
    robot.clickOn(robot.from(page).lookup(".check-box").queryAs(CheckBox.class));
    robot.type(KeyCode.ESCAPE);

    until(
        "both keys are stored",
        () ->
            List.of("user_id", "page")
                .equals(
                    window
                        .model
                        .pipeline()
                        .node("clicks_per_user")
                        .orElseThrow()
                        .properties()
                        .get("keys")));
  }

  @Test
  void aKeyValueOptionIsStoredOnceItsKeyIsTyped(FxRobot robot) {
    FxWait.run(
        () ->
            window.model.addNode(
                "kafka-source", new dev.streamwright.runtime.model.Position(80, 400)));
    until("the Kafka source is shown", () -> "kafka_source_1".equals(window.sheet.shownNodeId()));
    Button add =
        robot
            .lookup(".property-sheet .button")
            .match((Button b) -> "Add option".equals(b.getText()))
            .query();
    // Focusing a control below the fold (as Tab would) scrolls the sheet to it.
    FxWait.run(add::requestFocus);
    robot.clickOn(add);
    TextField key = cell(robot, "Key", "");
    robot.clickOn(key).write("properties.acks").type(KeyCode.ENTER);
    TextField value = cell(robot, "Value", "");
    robot.clickOn(value).write("all").type(KeyCode.ENTER);

    until(
        "the option is stored",
        () ->
            Map.of("properties.acks", "all")
                .equals(
                    window
                        .model
                        .pipeline()
                        .node("kafka_source_1")
                        .orElseThrow()
                        .properties()
                        .get("options")));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> aggregates() {
    return fx(
        () ->
            (List<Map<String, Object>>)
                window
                    .model
                    .pipeline()
                    .node("clicks_per_user")
                    .orElseThrow()
                    .properties()
                    .get("aggregates"));
  }

  private void select(FxRobot robot, String nodeId) {
    Bounds b = fx(() -> window.canvas.nodeBoundsOnScreen(nodeId).orElseThrow());
    robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY()));
    until(nodeId + " is shown", () -> nodeId.equals(window.sheet.shownNodeId()));
  }

  private static TextField cell(FxRobot robot, String field, String text) {
    return robot
        .lookup(".table-editor .text-field")
        .match((TextField t) -> field.equals(t.getAccessibleText()) && text.equals(t.getText()))
        .query();
  }
}
