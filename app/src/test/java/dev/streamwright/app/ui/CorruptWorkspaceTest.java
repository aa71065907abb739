package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.workspace.Samples;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.model.Pipeline;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace whose store cannot be read is never overwritten: the studio offers its backups, and
 * restoring one moves the damaged store aside and opens the backup.
 */
class CorruptWorkspaceTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  @TempDir Path folder;

  private StudioDriver studio;

  @BeforeEach
  void twoSessionsThenDamage() throws Exception {
    try (Workspace w = Workspace.open(folder, OpenMode.READ_WRITE)) {
      w.seedIfEmpty(Samples.read(StudioDriver.SAMPLES));
    }
    try (Workspace w = Workspace.open(folder, OpenMode.READ_WRITE)) { // backs up the first
      w.save(Pipeline.empty("later"));
    }
    Path data;
    try (Stream<Path> files = Files.walk(folder.resolve(Workspace.STORE_FOLDER))) {
      data = files.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
  }

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void aDamagedWorkspaceOffersItsBackupAndRestoresItAside() throws Exception {
    studio = StudioDriver.launch(folder);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    DialogPane dialog = studio.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(studio.fx(dialog::getHeaderText))
        .isEqualTo("The workspace is damaged; nothing was overwritten");
    assertThat(studio.fx(() -> dialog.getButtonTypes().stream().map(b -> b.getText()).toList()))
        .containsExactly("Open a backup…", "Choose another folder", "Quit");

    studio.robot.clickOn("Open a backup…");
    StudioDriver.waitFor(
        SHORTLY,
        () ->
            studio.robot.lookup(".dialog-pane .list-view").tryQuery().isPresent()
                && studio.robot.lookup("Restore and open").tryQuery().isPresent());
    studio.robot.clickOn("Restore and open");

    studio.awaitReady();
    assertThat(studio.fx(() -> studio.model().designer().pipeline().id())).isEqualTo("quickstart");
    try (Stream<Path> entries = Files.list(folder)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("store.corrupt-"));
    }
  }
}
