package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.ThemeFile;
import dev.streamwright.app.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window shows in the theme the user chose from its first frame: the choice is remembered in
 * the workspace folder, where it can be read before the workspace has opened.
 */
class StartupThemeTest {

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void theWindowIsDarkBeforeTheWorkspaceOpensWhenDarkWasRemembered() throws Exception {
    Files.writeString(workspace.resolve(ThemeFile.NAME), "dark");

    studio = StudioDriver.launch(workspace);

    // The window built its scene before starting to open the workspace.
    assertThat(studio.fx(() -> studio.window().scene().getRoot().getStyleClass()))
        .contains(Themes.DARK);
    studio.awaitReady();
    assertThat(studio.fx(() -> studio.model().themeProperty().get())).isEqualTo(Theme.DARK);
  }

  @Test
  void aChangedThemeIsRememberedForTheNextStart() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();

    studio.robot.interact(() -> studio.model().toggleTheme());

    StudioDriver.waitFor(
        Duration.ofSeconds(10), () -> ThemeFile.read(workspace).orElse(null) == Theme.DARK);
  }
}
