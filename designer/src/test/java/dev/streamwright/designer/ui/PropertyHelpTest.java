package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Position;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the property sheet tells about a property: its description (and an example) on hover, and
 * what it offers for a property the node's type does not know.
 */
@ExtendWith(ApplicationExtension.class)
class PropertyHelpTest {

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private DesignerWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window = DesignerWindow.quickstart(stage);
  }

  @AfterEach
  void close() {
    window.close();
  }

  private static PropertySpec spec(String type, String property) {
    return TYPES.find(type).orElseThrow().properties().stream()
        .filter(p -> p.name().equals(property))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void hoveringAPropertysNameShowsItsDescriptionAndAnExample(FxRobot robot) {
    select(robot, "clicks_per_user");
    Label size = label(robot, "Size");

    robot.moveTo(size).moveBy(2, 0);

    until("the tooltip shows", () -> showingTooltip().isPresent());
    assertThat(fx(() -> showingTooltip().orElseThrow().getText()))
        .isEqualTo(spec("window-aggregate", "size").description() + "\nExample: 1min");
  }

  @Test
  void everyPropertyOfTheSelectedNodeCarriesItsDescription(FxRobot robot) {
    select(robot, "clicks_per_user");

    for (PropertySpec p : TYPES.find("window-aggregate").orElseThrow().properties()) {
      Label label = label(robot, p.label() + (p.required() ? " *" : ""));
      assertThat(fx(() -> label.getTooltip().getText()))
          .as(p.name())
          .startsWith(p.description())
          .isNotBlank();
    }
  }

  @Test
  void theColumnHeadersOfAListTellWhatEachFieldHolds(FxRobot robot) {
    select(robot, "clicks_per_user");
    PropertySpec function = spec("window-aggregate", "aggregates").fields().get(0);
    Label header = label(robot, "function *");

    assertThat(fx(() -> header.getTooltip().getText()))
        .isEqualTo(function.description() + "\nExample: SUM");
  }

  @Test
  void aRequiredFieldWithoutADefaultPromptsWithAnExample(FxRobot robot) {
    FxWait.run(() -> window.model.addNode("filter", new Position(360, 340)));
    select(robot, "filter_1");

    TextField condition =
        robot
            .lookup(".property-sheet .text-field")
            .match((TextField t) -> "Condition".equals(t.getAccessibleText()))
            .query();

    assertThat(fx(condition::getPromptText))
        .isEqualTo("required, e.g. amount > 100 AND currency = 'EUR'");
  }

  @Test
  void aMisspelledPropertyCanBeRenamedToTheOneItMeant(FxRobot robot) {
    FxWait.run(
        () ->
            window.model.setProperty(
                "clicks_per_user",
                PropertySpec.of("havin", PropertyKind.STRING).build(),
                "COUNT(*) > 1"));
    until(
        "the compiler objects",
        () ->
            window.model.outputs().problemsOf("clicks_per_user", "havin").stream()
                .anyMatch(p -> p.isError() && p.message().contains("did you mean 'having'?")));
    select(robot, "clicks_per_user");
    assertThat(label(robot, "Not properties of Window aggregate")).isNotNull();

    robot.clickOn(button(robot, "Rename havin to having"));

    until(
        "the value moved",
        () ->
            "COUNT(*) > 1"
                .equals(
                    window
                        .model
                        .pipeline()
                        .node("clicks_per_user")
                        .orElseThrow()
                        .properties()
                        .get("having")));
    assertThat(fx(() -> window.model.pipeline().node("clicks_per_user").orElseThrow().properties()))
        .doesNotContainKey("havin");
    until(
        "the error is gone",
        () -> window.model.outputs().problemsOf("clicks_per_user", "havin").isEmpty());
    until(
        "the section is gone",
        () ->
            robot
                .lookup(".property-sheet .label")
                .match((Label l) -> l.getText().startsWith("Not properties"))
                .tryQuery()
                .isEmpty());
  }

  @Test
  void anUnknownPropertyWithNothingCloseCanBeRemoved(FxRobot robot) {
    FxWait.run(
        () ->
            window.model.setProperty(
                "clicks_per_user", PropertySpec.of("colour", PropertyKind.STRING).build(), "red"));
    select(robot, "clicks_per_user");
    assertThat(
            robot
                .lookup(".property-sheet .button")
                .match((Button b) -> b.getText() != null && b.getText().startsWith("Rename"))
                .tryQuery())
        .isEmpty();

    robot.clickOn(button(robot, "Remove colour"));

    until(
        "the property is gone",
        () ->
            !window
                .model
                .pipeline()
                .node("clicks_per_user")
                .orElseThrow()
                .properties()
                .containsKey("colour"));
  }

  private void select(FxRobot robot, String nodeId) {
    Bounds b = fx(() -> window.canvas.nodeBoundsOnScreen(nodeId).orElseThrow());
    robot.clickOn(new Point2D(b.getCenterX(), b.getCenterY()));
    until(nodeId + " is shown", () -> nodeId.equals(window.sheet.shownNodeId()));
  }

  private static Label label(FxRobot robot, String text) {
    return robot
        .lookup(".property-sheet .label")
        .match((Label l) -> text.equals(l.getText()))
        .query();
  }

  private static Button button(FxRobot robot, String accessibleText) {
    return robot
        .lookup(".property-sheet .button")
        .match((Button b) -> accessibleText.equals(b.getAccessibleText()))
        .query();
  }

  private static Optional<Tooltip> showingTooltip() {
    return Window.getWindows().stream()
        .filter(w -> w instanceof Tooltip && w.isShowing())
        .map(Tooltip.class::cast)
        .findFirst();
  }
}
