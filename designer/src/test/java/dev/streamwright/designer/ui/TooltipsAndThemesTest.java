package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What hovering tells the user, and that the views follow the light and dark themes. */
@ExtendWith(ApplicationExtension.class)
class TooltipsAndThemesTest {

  private DesignerWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = DesignerWindow.quickstart(stage);
  }

  @AfterEach
  void close() {
    FxWait.run(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    window.close();
  }

  @Test
  void hoveringAnEdgeShowsTheSchemaFlowingThroughIt(FxRobot robot) {
    until("the first compile is in", () -> window.model.lastCompilation() != null);
    Point2D out = fx(() -> window.canvas.portOnScreen("clicks", "out", false).orElseThrow());
    Point2D in = fx(() -> window.canvas.portOnScreen("clicks_per_user", "in", true).orElseThrow());

    robot.moveTo(out.midpoint(in).add(-10, 0)).moveBy(10, 0);

    until("the edge tooltip shows", () -> showingTooltip().isPresent());
    assertThat(fx(() -> showingTooltip().orElseThrow().getText()))
        .startsWith("5 columns")
        .contains("event_time TIMESTAMP(3) (event time)");
  }

  @Test
  void theCanvasFollowsTheDarkTheme(FxRobot robot) {
    Paint light = fx(() -> window.canvas.getBackground().getFills().get(0).getFill());

    FxWait.run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

    until(
        "the background changed",
        () -> !window.canvas.getBackground().getFills().get(0).getFill().equals(light));
  }

  private static Optional<Tooltip> showingTooltip() {
    return Window.getWindows().stream()
        .filter(w -> w instanceof Tooltip && w.isShowing())
        .map(Tooltip.class::cast)
        .findFirst();
  }
}
