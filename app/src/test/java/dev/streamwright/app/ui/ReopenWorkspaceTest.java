package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import dev.streamwright.app.ui.workspace.OpenPipelineDialog;
import dev.streamwright.app.workspace.PipelineDetails;
import dev.streamwright.runtime.model.Node;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user builds is saved without a Save command: after quitting, a new studio on the same
 * workspace folder opens the pipeline again, in the theme chosen last, and the others are in File >
 * Open.
 */
class ReopenWorkspaceTest {

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
  void aPipelineBuiltBeforeQuittingIsThereAfterReopening() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.robot.clickOn("#menu-file").clickOn("New pipeline");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("pipeline-1"));
    String filter = studio.dropFromPalette("Filter", 300, 200);
    StudioDriver.waitFor(SHORTLY, () -> "Saved".equals(studio.model().saveStatusProperty().get()));
    studio.robot.clickOn("#menu-view").clickOn("Dark theme");

    studio.robot.clickOn("#menu-file").clickOn("Quit");
    studio.window().closed().get();
    studio.quit();

    studio = StudioDriver.launch(workspace).awaitReady();
    assertThat(studio.fx(() -> studio.model().designer().pipeline().id())).isEqualTo("pipeline-1");
    assertThat(studio.fx(() -> studio.model().designer().pipeline().nodes()))
        .extracting(Node::id)
        .containsExactly(filter);
    assertThat(studio.fx(() -> studio.model().themeProperty().get())).isEqualTo(Theme.DARK);
    assertThat(studio.fx(() -> studio.window().scene().getRoot().getStyleClass()))
        .contains(Themes.DARK);

    studio.robot.clickOn("#menu-file").clickOn("Open…");
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    TableView<?> table =
        studio.robot.lookup("." + OpenPipelineDialog.TABLE).queryAs(TableView.class);
    // pipeline-1 and the samples, the one saved last first
    StudioDriver.waitFor(SHORTLY, () -> table.getItems().size() == 1 + sampleCount());
    assertThat(studio.fx(() -> ((PipelineDetails) table.getItems().get(0)).id()))
        .isEqualTo("pipeline-1");
    java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> quickstart =
        () ->
            studio
                .robot
                .from(table)
                .lookup(".table-cell")
                .match(
                    (javafx.scene.Node n) ->
                        ((javafx.scene.control.Labeled) n).getText() != null
                            && ((javafx.scene.control.Labeled) n)
                                .getText()
                                .startsWith("Quickstart"))
                .tryQuery();
    // The table lays out its cells a pulse or two after its rows arrive.
    StudioDriver.waitFor(SHORTLY, () -> quickstart.get().isPresent());
    studio.robot.clickOn(quickstart.get().orElseThrow());
    studio.robot.clickOn("Open");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("quickstart"));
  }

  /** The sample pipelines a new workspace is filled from. */
  private static long sampleCount() throws java.io.IOException {
    try (var walk = java.nio.file.Files.walk(StudioDriver.SAMPLES, 2)) {
      return walk.filter(p -> p.getFileName().toString().equals("pipeline.json")).count();
    }
  }
}
