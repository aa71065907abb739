package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.workspace.HistoryDialog;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every autosave keeps a version: File > History lists them and shows what changed between two;
 * File > Export writes the open pipeline to a file that reads back the same.
 */
class HistoryAndExportTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  @TempDir Path workspace;
  @TempDir Path files;

  private StudioDriver studio;
  private String first;
  private String second;

  @BeforeEach
  void twoSavedEdits() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.robot.clickOn("#menu-file").clickOn("New pipeline");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("pipeline-1"));
    first = studio.dropFromPalette("Filter", 200, 200);
    awaitSaved();
    second = studio.dropFromPalette("Project", 450, 200);
    awaitSaved();
  }

  @AfterEach
  void quit() throws Exception {
    studio.quit();
  }

  private void awaitSaved() throws Exception {
    StudioDriver.waitFor(
        SHORTLY,
        () ->
            "Saved".equals(studio.model().saveStatusProperty().get())
                && !studio.model().designer().edit().dirtyProperty().get());
  }

  @Test
  void historyShowsWhatChangedBetweenTwoVersions() throws Exception {
    studio.robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    ListView<?> versions =
        studio.robot.lookup("." + HistoryDialog.VERSIONS).queryAs(ListView.class);
    StudioDriver.waitFor(SHORTLY, () -> versions.getItems().size() == 3);

    studio.robot.clickOn(studio.robot.from(versions).lookup(".list-cell").nth(0).queryLabeled());
    studio
        .robot
        .press(KeyCode.CONTROL)
        .clickOn(studio.robot.from(versions).lookup(".list-cell").nth(2).queryLabeled())
        .release(KeyCode.CONTROL);

    TextArea diff = studio.robot.lookup("." + HistoryDialog.DIFF).queryAs(TextArea.class);
    // The theme caps dialogs at 600 px; the version list and the diff need the dialog's width.
    assertThat(studio.fx(() -> diff.getScene().getWindow().getWidth())).isGreaterThan(900);
    StudioDriver.waitFor(SHORTLY, () -> diff.getText().startsWith("Version 1 → version 3"));
    String text = studio.fx(diff::getText);
    assertThat(text).contains(first, second);
    studio.robot.clickOn("Close");
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
  }

  @Test
  void exportWritesTheOpenPipelineToAFile() throws Exception {
    Path target = files.resolve("mine.json");
    studio.files.willChoose(target);

    studio.robot.clickOn("#menu-file").clickOn("Export…");
    StudioDriver.waitFor(
        SHORTLY, () -> !studio.model().workspace().files().recentFiles().isEmpty());

    Pipeline written = new PipelineCodec().read(target);
    assertThat(written.id()).isEqualTo("pipeline-1");
    assertThat(written.nodes()).extracting(Node::id).containsExactly(first, second);
    assertThat(studio.fx(() -> studio.model().workspace().files().recentFiles()))
        .containsExactly(target.toAbsolutePath().normalize());
  }
}
