package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.workspace.Samples;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second studio on a workspace another one holds does not fail or wait: it says so and offers to
 * open the workspace read-only, choose another folder, or quit.
 */
class LockedWorkspaceTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  @TempDir Path folder;

  private Workspace held;
  private StudioDriver studio;

  @BeforeEach
  void anotherStudioHoldsTheWorkspace() {
    held = Workspace.open(folder, OpenMode.READ_WRITE);
    held.seedIfEmpty(Samples.read(StudioDriver.SAMPLES));
  }

  @AfterEach
  void release() throws Exception {
    if (studio != null) {
      studio.quit();
    }
    held.close();
  }

  @Test
  void aLockedWorkspaceOffersReadOnlyAnotherFolderOrQuit() throws Exception {
    studio = StudioDriver.launch(folder);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    DialogPane dialog = studio.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(studio.fx(dialog::getHeaderText))
        .isEqualTo("Another Streamwright is using this workspace");
    assertThat(studio.fx(dialog::getContentText)).contains(folder.toString(), "read-only");
    assertThat(studio.fx(() -> dialog.getButtonTypes().stream().map(b -> b.getText()).toList()))
        .containsExactly("Open read-only", "Choose another folder", "Quit");

    studio.robot.clickOn("Open read-only");
    studio.awaitReady();
    assertThat(studio.fx(() -> studio.model().designer().pipeline().id())).isEqualTo("quickstart");
    Label marker = studio.find("#" + StatusBarView.READ_ONLY);
    assertThat(studio.fx(marker::isVisible)).isTrue();
    assertThat(studio.fx(() -> studio.stage().getTitle())).contains("(read-only)");
    assertThat(studio.fx(() -> studio.model().saveStatusProperty().get())).startsWith("Read-only");
  }

  @Test
  void quittingFromTheDialogClosesTheStudio() throws Exception {
    studio = StudioDriver.launch(folder);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    studio.robot.clickOn("Quit");
    StudioDriver.waitFor(SHORTLY, () -> studio.window().closed().isDone());
    assertThat(studio.fx(() -> studio.stage().isShowing())).isFalse();
  }
}
