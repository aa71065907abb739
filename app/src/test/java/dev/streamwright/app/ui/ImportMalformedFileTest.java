package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.workspace.PipelineInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a file that is not a pipeline Streamwright can read shows a dialog saying what is wrong
 * (where, and what to do), with no stack trace, and imports nothing.
 */
class ImportMalformedFileTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  @TempDir Path workspace;
  @TempDir Path files;

  private StudioDriver studio;

  @BeforeEach
  void start() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
  }

  @AfterEach
  void quit() throws Exception {
    studio.quit();
  }

  @Test
  void malformedJsonIsRefusedWithItsLineAndNothingIsImported() throws Exception {
    Path file = files.resolve("broken.json");
    Files.copy(Path.of("src/test/resources/pipelines/malformed.json"), file);

    DialogPane dialog = importAndAwaitDialog(file);

    assertThat(studio.fx(dialog::getHeaderText)).isEqualTo("broken.json was not imported");
    assertThat(studio.fx(dialog::getContentText))
        .isEqualTo(
            file
                + ": line 5, column 40: expected , or } after the value of \"type\" in the object"
                + " at nodes[0], but found \"properties\"; a comma is probably missing");
    studio.robot.clickOn("OK");
    assertNothingImported();
  }

  @Test
  void aTruncatedFileAndANullNodeAreRefusedInTheUsersWords() throws Exception {
    Path truncated = Files.writeString(files.resolve("truncated.json"), "{\"nodes\": [");
    Path nullNode =
        Files.writeString(files.resolve("null-node.json"), "{\"id\": \"p\", \"nodes\": [null]}");

    DialogPane dialog = importAndAwaitDialog(truncated);

    assertThat(studio.fx(dialog::getContentText))
        .isEqualTo(
            truncated
                + ": line 1, column 12: the file ends inside the \"nodes\" list that opens at line"
                + " 1, column 11");
    studio.robot.clickOn("OK");
    assertNothingImported();

    dialog = importAndAwaitDialog(nullNode);

    assertThat(studio.fx(dialog::getContentText))
        .isEqualTo(nullNode + ": line 1, column 23: nodes[0]: a node must be an object, not null");
    studio.robot.clickOn("OK");
    assertNothingImported();
  }

  @Test
  void aFileFromANewerStreamwrightIsRefusedWithWhatToDo() throws Exception {
    Path file = files.resolve("future.json");
    Files.writeString(
        file, "{\"formatVersion\": 99, \"id\": \"future\", \"nodes\": [], \"edges\": []}");

    DialogPane dialog = importAndAwaitDialog(file);

    assertThat(studio.fx(dialog::getContentText))
        .contains("format version 99", "newer Streamwright", "update Streamwright");
    studio.robot.clickOn("OK");
    assertNothingImported();
  }

  private List<String> before;

  private DialogPane importAndAwaitDialog(Path file) throws Exception {
    before = pipelineIds();
    studio.files.willChoose(file);
    studio.robot.clickOn("#menu-file").clickOn("Import…");
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    return studio.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
  }

  private void assertNothingImported() throws Exception {
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
    assertThat(pipelineIds()).isEqualTo(before);
    assertThat(studio.fx(() -> studio.model().designer().pipeline().id())).isEqualTo("quickstart");
    assertThat(studio.fx(() -> studio.model().workspace().files().recentFiles())).isEmpty();
  }

  private List<String> pipelineIds() {
    return studio.fx(
        () ->
            studio.model().workspace().workspaceProperty().get().pipelines().stream()
                .map(PipelineInfo::id)
                .toList());
  }
}
