package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Position;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Building a pipeline with the mouse: nodes from the palette, edges from port to port. */
@ExtendWith(ApplicationExtension.class)
class PaletteAndPortsTest {

  private static final double NODE_WIDTH = 200;
  private static final double NODE_HEIGHT = 72;

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
  void draggingATypeFromThePaletteOntoTheCanvasAddsANodeWhereItIsDropped(FxRobot robot) {
    Labeled filterRow = paletteRow(robot, "Filter");
    Bounds canvas = fx(() -> window.canvas.localToScreen(window.canvas.getLayoutBounds()));
    Point2D drop = new Point2D(canvas.getMinX() + 400, canvas.getMaxY() - 150);

    robot.drag(filterRow, MouseButton.PRIMARY).moveTo(drop).drop();

    until(
        "the filter is in the document",
        () -> window.model.pipeline().node("filter_1").isPresent());
    Node filter = fx(() -> window.model.pipeline().node("filter_1").orElseThrow());
    Bounds box = fx(() -> window.canvas.nodeBoundsOnScreen("filter_1").orElseThrow());
    assertThat(box.contains(drop)).as("the box lies under the drop point").isTrue();
    assertThat(filter.type()).isEqualTo("filter");
    assertThat(fx(() -> window.model.selection().nodes())).containsExactly("filter_1");
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Add Filter 'filter_1'");
  }

  @Test
  void doubleClickingATypeAddsItInTheMiddleOfTheCanvas(FxRobot robot) {
    robot.doubleClickOn(paletteRow(robot, "Print"));

    until(
        "the print sink is added", () -> window.model.pipeline().node("print_sink_1").isPresent());
    Bounds canvas = fx(() -> window.canvas.localToScreen(window.canvas.getLayoutBounds()));
    Bounds box = fx(() -> window.canvas.nodeBoundsOnScreen("print_sink_1").orElseThrow());
    // In the middle, or moved down and right past a node already there.
    assertThat(box.getMinX() - canvas.getCenterX()).isBetween(-NODE_WIDTH / 2 - 1, 100.0);
    assertThat(box.getMinY() - canvas.getCenterY()).isBetween(-NODE_HEIGHT / 2 - 1, 100.0);
  }

  @Test
  void searchingThePaletteAndPressingEnterAddsTheFirstMatch(FxRobot robot) {
    robot.clickOn(window.palette.searchField()).write("window");
    robot.type(KeyCode.ENTER);

    until(
        "a window aggregate is added",
        () -> window.model.pipeline().node("window_aggregate_1").isPresent());
  }

  @Test
  void draggingFromAnOutputPortToAnInputPortConnectsThem(FxRobot robot) {
    FxWait.run(() -> window.model.addNode("filter", new Position(360, 360)));
    Point2D from = fx(() -> window.canvas.portOnScreen("clicks", "out", false).orElseThrow());
    Point2D to = fx(() -> window.canvas.portOnScreen("filter_1", "in", true).orElseThrow());

    robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();

    Edge edge = new Edge("clicks", "out", "filter_1", "in");
    until("the edge exists", () -> window.model.pipeline().edges().contains(edge));
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Connect 'clicks' to 'filter_1'");
  }

  @Test
  void anIncompatibleInputRefusesTheEdgeAndItsTooltipSaysWhy(FxRobot robot) {
    FxWait.run(() -> window.model.addNode("filter", new Position(360, 360)));
    int edges = fx(() -> window.model.pipeline().edges().size());
    Point2D from = fx(() -> window.canvas.portOnScreen("filter_1", "out", false).orElseThrow());
    Point2D to = fx(() -> window.canvas.portOnScreen("clicks_per_user", "in", true).orElseThrow());

    robot.drag(from, MouseButton.PRIMARY).moveTo(to);
    try {
      until(
          "the refusal tooltip shows", () -> window.canvas.connectionRefusalTooltip().isShowing());
      String reason = fx(() -> window.canvas.connectionRefusalTooltip().getText());
      assertThat(reason)
          .startsWith("Input 'in' of 'clicks_per_user' already has an edge from 'clicks'");
      assertThat(fx(() -> window.canvas.connectionRefusalProperty().get())).isEqualTo(reason);
    } finally {
      robot.drop();
    }

    until("the tooltip is gone", () -> !window.canvas.connectionRefusalTooltip().isShowing());
    assertThat(fx(() -> window.model.pipeline().edges().size())).isEqualTo(edges);
    assertThat(fx(() -> window.model.edit().messageProperty().get()))
        .contains("already has an edge from 'clicks'");
  }

  private static Labeled paletteRow(FxRobot robot, String name) {
    return robot
        .lookup(".palette-type")
        .match((Labeled l) -> name.equals(l.getText()))
        .queryAs(Labeled.class);
  }
}
