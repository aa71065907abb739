package dev.streamwright.designer.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.NodeOverlay.Level;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Readable at a glance: the fraud sample (15 nodes) fitted into the canvas the studio shows at its
 * default window size keeps every node's name and live figures legible, and the auto-layout packs
 * it tighter than before.
 */
@ExtendWith(ApplicationExtension.class)
class SemanticZoomTest {

  /** The studio's canvas at its default 1400 x 900 window: the middle 60 % of the editor. */
  private static final double CANVAS_WIDTH = 840;

  private static final double CANVAS_HEIGHT = 520;

  private DesignerViewModel model;
  private CanvasView canvas;

  @Start
  void start(Stage stage) throws Exception {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model =
        new DesignerViewModel(
            new PipelineDocument(
                new PipelineCodec().read(Path.of("../samples/fraud-detection/pipeline.json"))),
            NodeTypeRegistry.load(),
            Runnable::run,
            Runnable::run);
    canvas = new CanvasView(model);
    stage.setScene(new Scene(canvas, CANVAS_WIDTH, CANVAS_HEIGHT));
    stage.show();
  }

  @Test
  void atTheFitZoomOfTheSamplesOwnLayoutEveryNameIsLegibleAndNoneOverlap() {
    double zoom = fx(canvas::getZoom);
    assertThat(zoom).as("the sample as saved fits at under half size").isLessThan(0.5);
    assertThat(fx(() -> canvas.graph().node("fraud_score").nameText().isVisible())).isTrue();

    run(() -> canvas.setOverlays(figuresForEveryNode()));

    assertNamesLegibleAndApart();
    assertShownFiguresLegible();
  }

  @Test
  void autoLayoutFitsTheSampleLargerAndShowsEveryNamesFigures() {
    run(canvas::autoLayout);
    double zoom = fx(canvas::getZoom);
    System.out.println(
        "ZOOM "
            + zoom
            + " "
            + fx(
                () -> {
                  Text t = new Text("Clicks per user (10 s)");
                  t.setFont(canvas.graph().node("fraud_score").nameText().getFont());
                  return t.getLayoutBounds().getWidth() + " " + t.getFont();
                }));

    // 43 % with the sample's own positions and 46 % with the auto-layout's former 240-unit
    // columns, both with the former 40-pixel margins; 50.5 % now.
    assertThat(zoom).isGreaterThanOrEqualTo(0.5);

    run(() -> canvas.setOverlays(figuresForEveryNode()));

    assertNamesLegibleAndApart();
    assertShownFiguresLegible();
    Map<String, NodeOverlay> figures = figuresForEveryNode();
    for (String id : ids()) {
      // Where a badge and the rate do not fit side by side, the badge (what a click opens) stays.
      String badge = figures.get(id).badge();
      assertThat(fx(() -> canvas.overlayTextOf(id)))
          .as("figures of %s", id)
          .isEqualTo(badge.isEmpty() ? "12.3k/s" : badge);
    }
  }

  private void assertNamesLegibleAndApart() {
    List<Bounds> names = new ArrayList<>();
    for (String id : ids()) {
      NodeView view = fx(() -> canvas.graph().node(id));
      Text name = fx(view::nameText);
      assertThat(fx(name::isVisible)).as("name of %s drawn", id).isTrue();
      assertThat(fx(() -> onScreenSize(name)))
          .as("on-screen size of %s's name", id)
          .isGreaterThanOrEqualTo(SemanticZoom.MIN_TITLE_PX);
      String full = fx(() -> view.node().name());
      assertThat(fx(view::shownName))
          .as("name of %s", id)
          .hasSizeGreaterThanOrEqualTo(Math.min(full.length(), 10));
      Bounds shown = fx(() -> name.localToScene(name.getBoundsInLocal()));
      Bounds box = fx(() -> view.localToScene(view.getLayoutBounds()));
      assertThat(box.contains(shown)).as("%s's name %s inside its box %s", id, shown, box).isTrue();
      for (Bounds other : names) {
        assertThat(shown.intersects(other)).as("%s's name overlaps another", id).isFalse();
      }
      names.add(shown);
    }
  }

  private void assertShownFiguresLegible() {
    for (String id : ids()) {
      OverlayParts parts = fx(() -> canvas.graph().node(id).overlayParts());
      if (fx(parts::rowShown)) {
        assertThat(fx(() -> onScreenSize(parts.rateText())))
            .as("on-screen size of %s's figures", id)
            .isGreaterThanOrEqualTo(SemanticZoom.MIN_FIGURE_PX);
        assertThat(fx(() -> onScreenSize(parts.badgeText())))
            .isGreaterThanOrEqualTo(SemanticZoom.MIN_FIGURE_PX);
      }
      assertThat(fx(() -> parts.strip().getStrokeWidth() * canvas.getZoom()))
          .as("the strip of %s reads without zooming in", id)
          .isGreaterThanOrEqualTo(3);
    }
  }

  /** Font size times every scale between the text and the screen. */
  private static double onScreenSize(Text text) {
    return text.getFont().getSize() * text.getLocalToSceneTransform().getMyy();
  }

  private Map<String, NodeOverlay> figuresForEveryNode() {
    Map<String, NodeOverlay> figures = new HashMap<>();
    for (Node n : fx(() -> model.pipeline().nodes())) {
      String badge =
          n.type().equals("kafka-source")
              ? "lag 1.2k · 3 s"
              : n.type().endsWith("-sink") ? "p99 420 ms" : "";
      figures.put(n.id(), new NodeOverlay("12.3k/s", Level.OK, badge, Level.LOW, false, ""));
    }
    return figures;
  }

  private List<String> ids() {
    return fx(() -> model.pipeline().nodes().stream().map(Node::id).toList());
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
