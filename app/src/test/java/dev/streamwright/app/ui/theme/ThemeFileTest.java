package dev.streamwright.app.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme remembered beside the workspace store, read before the workspace opens. */
class ThemeFileTest {

  @TempDir Path workspace;

  @Test
  void aWrittenThemeIsReadBack() {
    ThemeFile.write(workspace, Theme.DARK);

    assertThat(ThemeFile.read(workspace)).contains(Theme.DARK);
  }

  @Test
  void aFolderWithoutTheFileRemembersNoTheme() {
    assertThat(ThemeFile.read(workspace)).isEmpty();
    assertThat(ThemeFile.read(workspace.resolve("not-created-yet"))).isEmpty();
  }

  @Test
  void aFileTooBigToBeOursIsIgnored() throws Exception {
    Files.writeString(workspace.resolve(ThemeFile.NAME), "dark".repeat(100));

    assertThat(ThemeFile.read(workspace)).isEmpty();
  }

  @Test
  void writingIntoAMissingFolderFailsQuietly() {
    ThemeFile.write(workspace.resolve("missing"), Theme.DARK);

    assertThat(ThemeFile.read(workspace.resolve("missing"))).isEmpty();
  }
}
