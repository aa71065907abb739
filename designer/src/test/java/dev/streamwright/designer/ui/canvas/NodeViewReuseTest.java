package dev.streamwright.designer.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Position;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas keeps its node views across document changes and updates only what changed, so large
 * pipelines stay smooth; compile results reach the boxes' badges once per result.
 */
@ExtendWith(ApplicationExtension.class)
class NodeViewReuseTest {

  private DesignerViewModel model;
  private CanvasView canvas;

  @Start
  void start(Stage stage) throws Exception {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    // Compiles on the FX thread: each edit's result is on the boxes when the edit returns.
    model =
        new DesignerViewModel(
            new PipelineDocument(Pipelines.quickstart()),
            NodeTypeRegistry.load(),
            Runnable::run,
            Runnable::run);
    canvas = new CanvasView(model);
    stage.setScene(new Scene(canvas, 900, 600));
    stage.show();
  }

  @Test
  void editsUpdateTheExistingBoxesInsteadOfRebuildingThem() {
    Map<String, NodeView> before =
        fx(() -> Map.of("clicks", view("clicks"), "clicks_per_user", view("clicks_per_user")));

    fx(
        () -> {
          model.moveNodes(Map.of("clicks", new Position(100, 300)));
          model.setProperty("clicks_per_user", spec("size"), "30s");
          model.renameNode("clicks_per_user", "Per user");
          return null;
        });

    assertThat(fx(() -> view("clicks"))).isSameAs(before.get("clicks"));
    assertThat(fx(() -> view("clicks_per_user"))).isSameAs(before.get("clicks_per_user"));
    assertThat(fx(() -> view("clicks").getLayoutX())).isEqualTo(100.0);
    assertThat(fx(() -> canvas.graph().nodeLayer().getChildren())).hasSize(3);
  }

  @Test
  void deletedNodesLoseTheirBoxAndUndoBuildsItAgain() {
    fx(
        () -> {
          model
              .selectionProperty()
              .set(dev.streamwright.designer.document.Selection.ofNodes("preview"));
          model.deleteSelection();
          return null;
        });
    assertThat(fx(() -> canvas.graph().node("preview"))).isNull();
    assertThat(fx(() -> canvas.graph().edgeLayer().getChildren())).hasSize(1);

    fx(model::undo);

    assertThat(fx(() -> canvas.graph().node("preview"))).isNotNull();
    assertThat(fx(() -> canvas.graph().edgeLayer().getChildren())).hasSize(2);
  }

  @Test
  void aNodeWithErrorsShowsABadgeAndItsColumnsOnceTheCompileIsBack() {
    fx(() -> model.addNode("filter", new Position(300, 400)));

    NodeView filter = fx(() -> view("filter_1"));
    assertThat(fx(() -> filter.summary().badgeText()))
        .isEqualTo("2 errors"); // no condition, no input
    assertThat(fx(() -> filter.getPseudoClassStates())).contains(DesignerStyles.ERROR);
    assertThat(fx(() -> view("clicks").summary().columnsText())).isEqualTo("5 columns");
  }

  @Test
  void aProblemFoundByARunBadgesItsNodeUntilThePipelineChanges() {
    fx(
        () ->
            model.setRunProblems(
                model.document().revision(),
                List.of(Problem.error("clicks_per_user", "size", "refused by the planner"))));

    assertThat(fx(() -> view("clicks_per_user").summary().badgeText())).isEqualTo("1 error");
    assertThat(fx(() -> view("clicks_per_user").getPseudoClassStates()))
        .contains(DesignerStyles.ERROR);

    fx(() -> model.moveNodes(Map.of("clicks", new Position(120, 300))));

    assertThat(fx(() -> view("clicks_per_user").summary().hasProblems())).isFalse();
  }

  @Test
  void aNameThatFitsTheBoxIsShownWholeWhetherSelectedOrNot() {
    fx(() -> model.renameNode("clicks_per_user", "Clicks per user (10 s)"));
    assertThat(fx(() -> view("clicks_per_user").shownName())).isEqualTo("Clicks per user (10 s)");

    fx(
        () -> {
          model
              .selectionProperty()
              .set(dev.streamwright.designer.document.Selection.ofNodes("clicks_per_user"));
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(() -> view("clicks_per_user").shownName())).isEqualTo("Clicks per user (10 s)");
  }

  @Test
  void aNameTooLongForTheBoxEndsInAnEllipsisWithinTheBox() {
    String longName = "Clicks per user and page in ten-second tumbling windows";
    fx(() -> model.renameNode("clicks_per_user", longName));

    String shown = fx(() -> view("clicks_per_user").shownName());
    assertThat(shown).endsWith("…").hasSizeLessThan(longName.length());
    assertThat(longName).startsWith(shown.substring(0, shown.length() - 1));
    double nameRight =
        fx(
            () ->
                view("clicks_per_user").getChildrenUnmodifiable().stream()
                    .filter(n -> n.getStyleClass().contains(DesignerStyles.NODE_NAME))
                    .findFirst()
                    .orElseThrow()
                    .getBoundsInParent()
                    .getMaxX());
    assertThat(nameRight).isLessThanOrEqualTo(NodeView.WIDTH);
  }

  @Test
  void zoomingOutDrawsLessOfEachBoxAndZoomingInBringsItBack() {
    zoomTo(0.4);
    assertThat(fx(() -> visible("clicks", DesignerStyles.NODE_DETAIL))).isFalse();
    assertThat(fx(() -> visible("clicks", DesignerStyles.NODE_NAME))).isTrue();

    zoomTo(0.2);
    assertThat(fx(() -> visible("clicks", DesignerStyles.NODE_NAME))).isFalse();
    assertThat(fx(() -> view("clicks").isCache())).isTrue();

    zoomTo(2);
    assertThat(fx(() -> visible("clicks", DesignerStyles.NODE_DETAIL))).isTrue();
    assertThat(fx(() -> visible("clicks", DesignerStyles.NODE_NAME))).isTrue();
    assertThat(fx(() -> view("clicks").isCache()))
        .as("close up, boxes are drawn directly instead of from big bitmaps")
        .isFalse();
  }

  private void zoomTo(double zoom) {
    fx(
        () -> {
          canvas.zoomAt(zoom / canvas.getZoom(), 0, 0);
          return null;
        });
  }

  private boolean visible(String id, String styleClass) {
    return view(id).getChildrenUnmodifiable().stream()
        .filter(n -> n.getStyleClass().contains(styleClass))
        .allMatch(javafx.scene.Node::isVisible);
  }

  private NodeView view(String id) {
    return canvas.graph().node(id);
  }

  private PropertySpec spec(String name) {
    return model.nodeType("window-aggregate").orElseThrow().properties().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElse(PropertySpec.of(name, PropertyKind.STRING).build());
  }

  private static <T> T fx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
