package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.deploy.DeployConfirmation;
import dev.streamwright.app.ui.theme.ThemeFile;
import dev.streamwright.app.ui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy action's confirmation shows in the studio's theme, like every other dialog. */
class ConfirmationThemeTest {

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void aConfirmationOfTheDarkStudioIsDark() throws Exception {
    Files.writeString(workspace.resolve(ThemeFile.NAME), "dark");
    studio = StudioDriver.launch(workspace).awaitReady();
    var pipeline = studio.fx(() -> studio.model().designer().pipeline());
    AtomicReference<Optional<?>> answer = new AtomicReference<>();
    Platform.runLater(
        () ->
            answer.set(
                DeployConfirmation.ask(
                    studio.window().scene().getWindow(), pipeline, 1, false, "dev")));

    StudioDriver.waitFor(
        Duration.ofSeconds(10),
        () -> studio.robot.lookup(".deploy-confirm").tryQuery().isPresent());
    DialogPane pane = studio.robot.lookup(".deploy-confirm").queryAs(DialogPane.class);
    assertThat(studio.fx(() -> pane.getStyleClass())).contains(Themes.DARK);
    assertThat(studio.fx(() -> pane.getStylesheets()))
        .anyMatch(sheet -> sheet.endsWith("/dev/streamwright/app/ui/studio.css"));

    Button cancel =
        studio
            .robot
            .from(pane)
            .lookup(".button")
            .match((Button b) -> "Cancel".equals(b.getText()))
            .query();
    studio.robot.clickOn(cancel);
    StudioDriver.waitFor(Duration.ofSeconds(10), () -> answer.get() != null);
    assertThat(answer.get()).isEmpty();
  }
}
