package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Position;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Editing the selected node in the property sheet, and what the SQL and problems views show. */
@ExtendWith(ApplicationExtension.class)
class PropertySheetTest {

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
  void editingAPropertyInTheSheetChangesTheGeneratedSql(FxRobot robot) {
    until("the SQL is shown", () -> window.sql.getSql().contains("INTERVAL '10' SECOND"));
    select(robot, "clicks_per_user");
    TextField size = field(robot, "Size");
    assertThat(size.getText()).isEqualTo("10s");

    robot.doubleClickOn(size).push(KeyCode.CONTROL, KeyCode.A).write("30s").type(KeyCode.ENTER);

    until("the SQL follows", () -> window.sql.getSql().contains("INTERVAL '30' SECOND"));
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Set size of 'clicks_per_user'");
  }

  @Test
  void anExpressionWithAnUnclosedBracketIsFlaggedAsTypedAndNotStored(FxRobot robot) {
    FxWait.run(
        () -> {
          window.model.addNode("filter", new Position(360, 340));
          window.model.connect(Edge.of("clicks", "filter_1"));
        });
    select(robot, "filter_1");
    long revision = fx(() -> window.model.edit().revisionProperty().get());
    TextField condition = field(robot, "Condition");

    robot.clickOn(condition).write("user_num > (3");

    until("the error shows", () -> errorUnder(condition).contains("never closed"));
    robot.type(KeyCode.ENTER);
    assertThat(fx(() -> condition.getPseudoClassStates()))
        .anyMatch(p -> p.getPseudoClassName().equals("error"));
    assertThat(fx(() -> window.model.edit().revisionProperty().get())).isEqualTo(revision);
    assertThat(fx(() -> window.model.pipeline().node("filter_1").orElseThrow().properties()))
        .doesNotContainKey("condition");

    robot.write(")").type(KeyCode.ENTER);
    until(
        "the fixed condition is stored",
        () ->
            "user_num > (3)"
                .equals(
                    window
                        .model
                        .pipeline()
                        .node("filter_1")
                        .orElseThrow()
                        .properties()
                        .get("condition")));
    assertThat(errorUnder(condition)).isEmpty();
  }

  @Test
  void aBadDurationIsRefusedAndEscapePutsTheStoredValueBack(FxRobot robot) {
    select(robot, "clicks_per_user");
    TextField size = field(robot, "Size");

    robot.doubleClickOn(size).push(KeyCode.CONTROL, KeyCode.A).write("ten seconds");
    until("the error shows", () -> errorUnder(size).contains("is not a duration"));
    robot.type(KeyCode.ESCAPE);

    until("the stored value is back", () -> size.getText().equals("10s"));
    assertThat(errorUnder(size)).isEmpty();
    assertThat(fx(() -> window.model.edit().canUndoProperty().get())).isFalse();
  }

  @Test
  void renamingANodeChangesItsNameOnTheCanvas(FxRobot robot) {
    select(robot, "preview");
    TextField name =
        robot
            .lookup(".property-sheet .text-field")
            .match((TextField t) -> "Node name".equals(t.getAccessibleText()))
            .query();

    robot.doubleClickOn(name).push(KeyCode.CONTROL, KeyCode.A).write("Rows").type(KeyCode.ENTER);

    until(
        "the node is renamed",
        () -> window.model.pipeline().node("preview").orElseThrow().name().equals("Rows"));
  }

  @Test
  void theCompilerProblemsOfAPropertyShowUnderItsField(FxRobot robot) {
    FxWait.run(() -> window.model.addNode("filter", new Position(360, 340)));
    select(robot, "filter_1");

    until(
        "the required condition is reported",
        () -> problemUnder(field(robot, "Condition")).contains("required"));
  }

  @Test
  void doubleClickingAProblemSelectsItsNode(FxRobot robot) {
    FxWait.run(() -> window.model.addNode("filter", new Position(360, 340)));
    FxWait.run(window.model::clearSelection);
    until("the SQL view says to fix the problems", () -> !window.sql.getMessage().isEmpty());
    assertThat(window.sql.getMessage()).startsWith("Fix the problems to see the SQL");
    Node row =
        robot
            .lookup(".problems-view .table-row-cell")
            .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null)
            .query();

    robot.doubleClickOn(row);

    until("the node is selected", () -> window.model.selection().contains("filter_1"));
  }

  @Test
  void aBooleanPropertyIsStoredWhenItsBoxIsClicked(FxRobot robot) {
    FxWait.run(
        () -> {
          window.model.addNode("project", new Position(360, 340));
          window.model.connect(Edge.of("clicks", "project_1"));
        });
    select(robot, "project_1");
    CheckBox box = robot.lookup(".property-sheet .check-box").queryAs(CheckBox.class);

    robot.clickOn(box);

    until(
        "the flag is stored",
        () ->
            window.model.pipeline().node("project_1").orElseThrow().properties().values().stream()
                .anyMatch(Boolean.class::isInstance));
  }

  private void select(FxRobot robot, String nodeId) {
    Bounds b = fx(() -> window.canvas.nodeBoundsOnScreen(nodeId).orElseThrow());
    robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY()));
    until(nodeId + " is shown", () -> nodeId.equals(window.sheet.shownNodeId()));
  }

  private static TextField field(FxRobot robot, String label) {
    return robot
        .lookup(".property-sheet .text-field")
        .match((TextField t) -> label.equals(t.getAccessibleText()))
        .query();
  }

  private static String errorUnder(Node field) {
    return message(field, "field-error");
  }

  private static String problemUnder(Node field) {
    return message(field, "field-problem");
  }

  /** The text of the message label of this style class in the field's editor, if shown. */
  private static String message(Node field, String styleClass) {
    return fx(
        () -> {
          javafx.scene.Parent editor = field.getParent();
          while (editor != null && !editor.getStyleClass().contains("property-editor")) {
            editor = editor.getParent();
          }
          if (editor == null) {
            return "";
          }
          for (Node n : editor.getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.getStyleClass().contains(styleClass) && l.isVisible()) {
              return l.getText();
            }
          }
          return "";
        });
  }
}
