package dev.streamwright.designer.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.NodeOverlay.Level;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live figures on the canvas: what the boxes show as overlays are set, replaced and cleared, their
 * colours in both themes, a badge click versus a body click, and editing while they are shown.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasOverlaysTest {

  private static final NodeOverlay SOURCE =
      new NodeOverlay("1.2k/s", Level.OK, "lag 1.2k · 3 s", Level.LOW, false, "Lag of group g");
  private static final NodeOverlay AGGREGATE = NodeOverlay.rate("980/s", Level.HIGH);

  private DesignerViewModel model;
  private CanvasView canvas;
  private final List<String> clicked = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model =
        new DesignerViewModel(
            new PipelineDocument(Pipelines.quickstart()),
            NodeTypeRegistry.load(),
            Runnable::run,
            Runnable::run);
    canvas = new CanvasView(model);
    canvas.setOnOverlayClicked((id, overlay) -> clicked.add(id + ": " + overlay.badge()));
    stage.setScene(new Scene(canvas, 900, 600));
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  @AfterEach
  void lightAgain() {
    run(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
  }

  @Test
  void overlaysSetReplacedAndClearedShowTheirTextsAndColours() {
    run(() -> canvas.setOverlays(Map.of("clicks", SOURCE, "clicks_per_user", AGGREGATE)));

    assertThat(fx(() -> canvas.overlayTextOf("clicks"))).isEqualTo("1.2k/s | lag 1.2k · 3 s");
    assertThat(fx(() -> canvas.overlayTextOf("clicks_per_user"))).isEqualTo("980/s");
    assertThat(fx(() -> canvas.overlayTextOf("preview"))).isEmpty();
    assertThat(fx(() -> parts("clicks").strip().getPseudoClassStates()))
        .containsExactly(DesignerStyles.LEVEL_OK);
    assertThat(fx(() -> parts("clicks").badge().getPseudoClassStates()))
        .containsExactly(DesignerStyles.LEVEL_LOW);
    assertThat(fx(() -> parts("clicks_per_user").strip().getPseudoClassStates()))
        .containsExactly(DesignerStyles.LEVEL_HIGH);
    assertThat(fx(() -> parts("clicks_per_user").badge().isVisible())).isFalse();
    Paint ok = fx(() -> parts("clicks").strip().getStroke());
    Paint high = fx(() -> parts("clicks_per_user").strip().getStroke());
    assertThat(ok).isNotEqualTo(high);

    NodeOverlay shared = new NodeOverlay("40/s", Level.HIGH, "", Level.NONE, true, "");
    run(() -> canvas.setOverlays(Map.of("clicks", shared)));

    assertThat(fx(() -> canvas.overlayTextOf("clicks"))).isEqualTo("40/s");
    assertThat(fx(() -> parts("clicks").strip().getPseudoClassStates()))
        .containsExactlyInAnyOrder(DesignerStyles.LEVEL_HIGH, DesignerStyles.SHARED);
    assertThat(fx(() -> parts("clicks").strip().getStrokeDashArray()))
        .as("a shared strip is dashed")
        .isNotEmpty();
    assertThat(fx(() -> parts("clicks").strip().getStroke())).isEqualTo(high);
    assertThat(fx(() -> canvas.overlayTextOf("clicks_per_user"))).isEmpty();
    assertThat(fx(() -> parts("clicks_per_user"))).isNull();

    run(() -> canvas.setOverlays(Map.of()));

    assertThat(fx(() -> canvas.overlayTextOf("clicks"))).isEmpty();
    assertThat(fx(() -> parts("clicks"))).isNull();
    assertThat(fx(() -> view("clicks").overlay())).isNull();
  }

  @Test
  void theColoursFollowTheDarkTheme() {
    run(() -> canvas.setOverlays(Map.of("clicks", SOURCE, "clicks_per_user", AGGREGATE)));
    Paint strip = fx(() -> parts("clicks_per_user").strip().getStroke());
    Paint badge = fx(() -> badgeFill("clicks"));
    Paint rate = fx(() -> parts("clicks").rateText().getFill());

    run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

    assertThat(fx(() -> parts("clicks_per_user").strip().getStroke())).isNotEqualTo(strip);
    assertThat(fx(() -> badgeFill("clicks"))).isNotEqualTo(badge);
    assertThat(fx(() -> parts("clicks").rateText().getFill())).isNotEqualTo(rate);
  }

  @Test
  void aBadgeClickCallsTheHandlerAndABodyClickStillSelects(FxRobot robot) {
    run(() -> canvas.setOverlays(Map.of("clicks", SOURCE)));
    run(() -> model.clearSelection());

    robot.clickOn(fx(() -> centre(parts("clicks").badge())), MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(clicked).containsExactly("clicks: lag 1.2k · 3 s");
    assertThat(fx(() -> model.selection().nodes())).as("a badge click selects nothing").isEmpty();

    Bounds box = fx(() -> canvas.nodeBoundsOnScreen("clicks").orElseThrow());
    robot.clickOn(new Point2D(box.getMinX() + 60, box.getMinY() + 20), MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(() -> model.selection().nodes())).containsExactly("clicks");
    assertThat(clicked).hasSize(1);
  }

  @Test
  void editingWhileFiguresAreShownMovesAndUndoesAsUsual(FxRobot robot) {
    run(() -> canvas.setOverlays(Map.of("clicks", SOURCE, "clicks_per_user", AGGREGATE)));
    Position before = fx(() -> model.pipeline().node("clicks").orElseThrow().position());
    Bounds box = fx(() -> canvas.nodeBoundsOnScreen("clicks").orElseThrow());
    double zoom = fx(canvas::getZoom);
    Point2D badgeBefore = fx(() -> centre(parts("clicks").badge()));

    robot
        .drag(new Point2D(box.getMinX() + 60, box.getMinY() + 20), MouseButton.PRIMARY)
        .moveBy(100, 80)
        .drop();
    WaitForAsyncUtils.waitForFxEvents();

    Position moved = fx(() -> model.pipeline().node("clicks").orElseThrow().position());
    assertThat(moved.x() - before.x()).isCloseTo(100 / zoom, offset(2.0));
    assertThat(moved.y() - before.y()).isCloseTo(80 / zoom, offset(2.0));
    assertThat(fx(() -> canvas.overlayTextOf("clicks"))).isEqualTo("1.2k/s | lag 1.2k · 3 s");
    Point2D badgeAfter = fx(() -> centre(parts("clicks").badge()));
    assertThat(badgeAfter.subtract(badgeBefore).distance(100, 80))
        .as("the badge moved with its box")
        .isLessThan(3);

    fx(model::undo);
    assertThat(fx(() -> model.pipeline().node("clicks").orElseThrow().position()))
        .isEqualTo(before);
    assertThat(fx(() -> view("clicks").getLayoutX())).isEqualTo(before.x());

    // A deleted node's figures come back with it on undo.
    run(
        () -> {
          model.selectionProperty().set(Selection.ofNodes("clicks_per_user"));
          model.deleteSelection();
        });
    assertThat(fx(() -> canvas.overlayTextOf("clicks_per_user"))).isEmpty();
    fx(model::undo);
    assertThat(fx(() -> canvas.overlayTextOf("clicks_per_user"))).isEqualTo("980/s");
  }

  @Test
  void connectingPortsWorksWhileFiguresAreShown(FxRobot robot) {
    run(() -> model.addNode("filter", new Position(420, 330)));
    run(
        () ->
            canvas.setOverlays(
                Map.of("clicks", SOURCE, "filter_1", NodeOverlay.rate("0/s", Level.NONE))));
    Point2D from = fx(() -> canvas.portOnScreen("clicks", "out", false).orElseThrow());
    Point2D to = fx(() -> canvas.portOnScreen("filter_1", "in", true).orElseThrow());

    robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(() -> model.pipeline().edges()))
        .contains(new Edge("clicks", "out", "filter_1", "in"));
    assertThat(fx(() -> canvas.overlayTextOf("filter_1"))).isEqualTo("0/s");
  }

  @Test
  void hoveringANodeWithSharedFiguresSaysTheyAreShared(FxRobot robot) {
    NodeOverlay shared =
        new NodeOverlay("40/s", Level.LOW, "", Level.NONE, true, "40 records/s in, 38 out");
    run(() -> canvas.setOverlays(Map.of("clicks_per_user", shared)));
    Bounds box = fx(() -> canvas.nodeBoundsOnScreen("clicks_per_user").orElseThrow());

    robot.moveTo(new Point2D(box.getMinX() + 60, box.getMinY() + 25)).moveBy(5, 0);

    waitFor(
        () -> Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip && w.isShowing()));
    String text =
        fx(
            () ->
                Window.getWindows().stream()
                    .filter(w -> w instanceof Tooltip && w.isShowing())
                    .map(w -> ((Tooltip) w).getText())
                    .findFirst()
                    .orElseThrow());
    assertThat(text)
        .contains("40 records/s in, 38 out")
        .contains("Shared: figures of the Flink task");

    // Leave no tooltip showing for the tests that follow.
    robot.moveTo(new Point2D(box.getMinX() + 20, box.getMaxY() + 120));
    waitFor(
        () -> Window.getWindows().stream().noneMatch(w -> w instanceof Tooltip && w.isShowing()));
  }

  @Test
  void updatingOneNodesFiguresLaysOutNoOtherBox() {
    Map<String, NodeOverlay> figures = new HashMap<>();
    figures.put("clicks", SOURCE);
    figures.put("clicks_per_user", AGGREGATE);
    figures.put("preview", NodeOverlay.rate("980/s", Level.OK));
    run(() -> canvas.setOverlays(figures));
    Object previewRate = fx(() -> parts("preview").rateText());
    Object previewStrip = fx(() -> parts("preview").strip());

    figures.put("clicks_per_user", NodeOverlay.rate("1.1k/s", Level.LOW));
    List<Boolean> dirty =
        fx(
            () -> {
              canvas.setOverlays(figures);
              List<Boolean> needs = new ArrayList<>();
              needs.add(canvas.isNeedsLayout());
              needs.add(((Parent) canvas.graph().nodeLayer()).isNeedsLayout());
              needs.add(view("clicks").isNeedsLayout());
              needs.add(view("preview").isNeedsLayout());
              return needs;
            });

    assertThat(dirty).as("canvas, node layer, the two unchanged boxes").containsOnly(false);
    assertThat(fx(() -> canvas.overlayTextOf("clicks_per_user"))).isEqualTo("1.1k/s");
    assertThat(fx(() -> parts("preview").rateText())).isSameAs(previewRate);
    assertThat(fx(() -> parts("preview").strip())).isSameAs(previewStrip);
  }

  private Paint badgeFill(String id) {
    return ((javafx.scene.shape.Rectangle) parts(id).badge().getChildren().get(0)).getFill();
  }

  private OverlayParts parts(String id) {
    return view(id).overlayParts();
  }

  private NodeView view(String id) {
    return canvas.graph().node(id);
  }

  private static Point2D centre(javafx.scene.Node node) {
    Bounds b = node.localToScreen(node.getLayoutBounds());
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  private static void waitFor(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
  }

  private static void run(Runnable action) {
    fx(
        () -> {
          action.run();
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
