package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user builds a pipeline from the palette with the mouse: data generator, filter and preview
 * dragged onto the canvas, ports connected, a column and a filter condition typed into the property
 * sheet; the SQL tab follows, and Ctrl+Z / Ctrl+Shift+Z undo and redo with the Edit menu naming the
 * edit.
 */
class BuildPipelineFromPaletteTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void dragConnectEditUndoRedo() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();

    studio.robot.clickOn("#menu-file").clickOn("New pipeline");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("pipeline-1"));

    String source = studio.dropFromPalette("Data generator", 120, 160);
    String filter = studio.dropFromPalette("Filter", 400, 160);
    String preview = studio.dropFromPalette("Preview", 680, 160);
    studio.connect(source, "out", filter, "in");
    studio.connect(filter, "out", preview, "in");

    // The generator starts with an id and an event time; Add row, then name and type, adds one.
    studio.clickNode(source);
    studio.robot.clickOn(
        (Button)
            studio
                .robot
                .lookup(".property-sheet .button")
                .match((javafx.scene.Node n) -> "Add row".equals(((Button) n).getText()))
                .query());
    studio.robot.clickOn((TextInputControl) studio.lastEditor("name")).write("amount");
    studio.robot.clickOn((TextInputControl) studio.lastEditor("type")).write("INT");
    studio.robot.type(KeyCode.ENTER);

    studio.clickNode(filter);
    studio.robot.clickOn((TextInputControl) studio.editor("Condition")).write("amount > 10");
    studio.robot.type(KeyCode.ENTER);

    studio.robot.clickOn("#" + MainView.SQL_TAB);
    assertThat(
            studio.fx(
                () -> studio.view().bottomTabs().getSelectionModel().getSelectedItem().getId()))
        .isEqualTo(MainView.SQL_TAB);
    assertThat(studio.fx(() -> studio.view().sql().isVisible())).isTrue();
    StudioDriver.waitFor(SHORTLY, () -> studio.view().sql().getSql().contains("> 10"));
    assertThat(studio.fx(() -> studio.view().sql().getSql())).contains("amount", "WHERE");
    String undoText = studio.fx(() -> editItem("undo").getText());
    assertThat(undoText).startsWith("Undo ").contains(filter);

    // Ctrl+Z on the canvas takes the condition back out of the SQL.
    studio.robot.clickOn(studio.view().canvas(), javafx.scene.input.MouseButton.PRIMARY);
    studio.robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    StudioDriver.waitFor(SHORTLY, () -> !studio.view().sql().getSql().contains("> 10"));
    assertThat(studio.fx(() -> editItem("redo").getText()))
        .isEqualTo("Redo " + undoText.substring("Undo ".length()));

    // Ctrl+Shift+Z puts it back.
    studio
        .robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.Z)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    StudioDriver.waitFor(SHORTLY, () -> studio.view().sql().getSql().contains("> 10"));
    assertThat(studio.fx(() -> editItem("undo").getText())).isEqualTo(undoText);
    assertThat(studio.fx(() -> editItem("redo").isDisable())).isTrue();
  }

  private MenuItem editItem(String id) {
    StudioMenuBar bar = studio.find(".menu-bar");
    return bar.getMenus().stream()
        .flatMap(m -> m.getItems().stream())
        .filter(i -> id.equals(i.getId()))
        .findFirst()
        .orElseThrow();
  }
}
