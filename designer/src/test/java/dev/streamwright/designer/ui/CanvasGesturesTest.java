package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Position;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Selecting, moving, deleting, copying and navigating on the canvas with mouse and keys. */
@ExtendWith(ApplicationExtension.class)
class CanvasGesturesTest {

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
  void movingANodeThenDeletingItAndUndoingTheDeleteRestoresItWhereItWasMoved(FxRobot robot) {
    Position before = position("clicks");

    robot.drag(centreOf("clicks"), MouseButton.PRIMARY).moveBy(120, 60).drop();

    until("the node moved", () -> !position("clicks").equals(before));
    Position moved = position("clicks");
    assertThat(moved.x() - before.x()).isEqualTo(120.0 / zoom(), within(2));
    assertThat(moved.y() - before.y()).isEqualTo(60.0 / zoom(), within(2));
    assertThat(fx(() -> window.model.selection().nodes())).containsExactly("clicks");
    assertThat(fx(() -> window.model.document().undoDescriptions()))
        .as("one drag is one edit")
        .containsExactly("Move 'clicks'");

    robot.type(KeyCode.DELETE);
    until("the node is deleted", () -> window.model.pipeline().node("clicks").isEmpty());
    assertThat(fx(() -> window.model.pipeline().edges())).hasSize(1);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    until("the node is back", () -> window.model.pipeline().node("clicks").isPresent());
    assertThat(position("clicks")).isEqualTo(moved);
    assertThat(fx(() -> window.model.pipeline().edges())).hasSize(2);
    assertThat(fx(() -> window.canvas.nodeBoundsOnScreen("clicks"))).isPresent();
  }

  @Test
  void aRubberBandSelectsTheNodesItTouches(FxRobot robot) {
    Bounds clicks = bounds("clicks");
    Bounds aggregate = bounds("clicks_per_user");
    Point2D from = new Point2D(clicks.getMinX() - 20, clicks.getMaxY() + 30);
    Point2D to = new Point2D(aggregate.getCenterX(), aggregate.getCenterY());

    robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();

    until("both nodes are selected", () -> window.model.selection().nodes().size() == 2);
    assertThat(fx(() -> window.model.selection().nodes()))
        .containsExactly("clicks", "clicks_per_user");
  }

  @Test
  void shiftClickAddsToTheSelectionAndEscapeClearsIt(FxRobot robot) {
    robot.clickOn(centreOf("clicks"));
    robot.press(KeyCode.SHIFT).clickOn(centreOf("preview")).release(KeyCode.SHIFT);

    until("two nodes are selected", () -> window.model.selection().nodes().size() == 2);
    robot.type(KeyCode.ESCAPE);
    until("nothing is selected", () -> window.model.selection().isEmpty());
  }

  @Test
  void clickingAnEdgeSelectsItAndDeleteRemovesOnlyTheEdge(FxRobot robot) {
    Point2D out = fx(() -> window.canvas.portOnScreen("clicks", "out", false).orElseThrow());
    Point2D in = fx(() -> window.canvas.portOnScreen("clicks_per_user", "in", true).orElseThrow());

    robot.clickOn(out.midpoint(in));
    Edge edge = new Edge("clicks", "out", "clicks_per_user", "in");
    until("the edge is selected", () -> window.model.selection().contains(edge));
    robot.type(KeyCode.BACK_SPACE);

    until("the edge is gone", () -> !window.model.pipeline().edges().contains(edge));
    assertThat(fx(() -> window.model.pipeline().nodes())).hasSize(3);
  }

  @Test
  void copyAndPasteAddsACopyOfTheSelectedNodesWithNewIds(FxRobot robot) {
    robot.clickOn(centreOf("clicks_per_user"));
    robot.push(KeyCode.CONTROL, KeyCode.C);
    robot.push(KeyCode.CONTROL, KeyCode.V);

    until("the copy exists", () -> window.model.pipeline().node("window_aggregate_1").isPresent());
    assertThat(fx(() -> window.model.selection().nodes())).containsExactly("window_aggregate_1");
  }

  @Test
  void ctrlASelectsEverything(FxRobot robot) {
    robot.clickOn(centreOf("preview"));
    robot.push(KeyCode.CONTROL, KeyCode.A);

    until("all is selected", () -> window.model.selection().size() == 5);
  }

  @Test
  void theWheelZoomsAroundThePointerAndCtrlZeroFitsThePipelineBackIntoView(FxRobot robot) {
    double fitted = zoom();
    Point2D pan = fx(() -> window.canvas.getPan());
    Point2D pointer = centreOf("clicks");

    robot.moveTo(pointer).scroll(3, VerticalDirection.UP);
    until("the zoom changed", () -> window.canvas.getZoom() != fitted);
    assertThat(centreOf("clicks").distance(pointer))
        .as("the node under the pointer stays under it")
        .isLessThan(0.3 * bounds("clicks").getWidth());

    robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
    until("the fit is restored", () -> Math.abs(window.canvas.getZoom() - fitted) < 1e-9);
    assertThat(fx(() -> window.canvas.getPan())).isEqualTo(pan);
  }

  @Test
  void theMinimapAppearsWhenThePipelineNoLongerFitsAndNavigatesOnClick(FxRobot robot) {
    for (int i = 0; i < 4; i++) {
      FxWait.run(window.canvas::zoomIn);
    }
    javafx.scene.Node minimap = robot.lookup(".minimap").query();
    until("the minimap shows", minimap::isVisible);
    Point2D pan = fx(() -> window.canvas.getPan());

    Bounds map = fx(() -> minimap.localToScreen(minimap.getLayoutBounds()));
    robot.clickOn(new Point2D(map.getMinX() + 20, map.getCenterY()));

    until("the view moved", () -> !window.canvas.getPan().equals(pan));
  }

  @Test
  void spaceDragAndMiddleDragPanWithoutTouchingTheSelection(FxRobot robot) {
    robot.clickOn(centreOf("preview"));
    Point2D pan = fx(() -> window.canvas.getPan());
    Point2D start = centreOf("clicks");
    Position clicks = position("clicks");

    robot.press(KeyCode.SPACE);
    robot.drag(start, MouseButton.PRIMARY).moveBy(-80, 40).drop();
    robot.release(KeyCode.SPACE);

    until("the view panned", () -> window.canvas.getPan().equals(pan.add(-80, 40)));
    assertThat(position("clicks")).as("the node did not move").isEqualTo(clicks);
    assertThat(fx(() -> window.model.edit().canUndoProperty().get())).isFalse();

    robot.drag(centreOf("clicks"), MouseButton.MIDDLE).moveBy(30, 0).drop();
    until("the view panned again", () -> window.canvas.getPan().equals(pan.add(-50, 40)));
    assertThat(fx(() -> window.model.selection().nodes())).containsExactly("preview");
  }

  @Test
  void autoLayoutIsOneEditThatRedoRepeatsAfterUndo(FxRobot robot) {
    FxWait.run(() -> window.model.moveNodes(java.util.Map.of("preview", new Position(0, 700))));
    robot.clickOn(centreOf("clicks"));

    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
    until(
        "the nodes are laid out in a row", () -> position("preview").y() == position("clicks").y());
    Position laidOut = position("preview");

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    until("undo puts them back", () -> position("preview").equals(new Position(0, 700)));
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    until("redo lays them out again", () -> position("preview").equals(laidOut));
  }

  @Test
  void openingAnotherPipelineFitsAllOfItIntoView(FxRobot robot) {
    FxWait.run(
        () -> window.model.open(dev.streamwright.designer.ui.bench.LargePipelines.chains(20)));

    Bounds canvas = fx(() -> window.canvas.localToScreen(window.canvas.getLayoutBounds()));
    until(
        "the first and the last node are in view",
        () ->
            canvas.contains(window.canvas.nodeBoundsOnScreen("source_0").orElseThrow())
                && canvas.contains(window.canvas.nodeBoundsOnScreen("sink_19").orElseThrow()));
  }

  private Position position(String id) {
    return fx(() -> window.model.pipeline().node(id).orElseThrow().position());
  }

  private Bounds bounds(String id) {
    return fx(() -> window.canvas.nodeBoundsOnScreen(id).orElseThrow());
  }

  private Point2D centreOf(String id) {
    Bounds b = bounds(id);
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  private double zoom() {
    return fx(() -> window.canvas.getZoom());
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
