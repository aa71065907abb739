package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.PreviewTableView;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart runs from the toolbar on the embedded Flink: the status bar follows the job, the
 * preview table fills with window results while the window stays responsive, and Stop stops it.
 */
class RunQuickstartIT {

  /**
   * The quickstart's first 10-second window closes ~11 s after the job starts; Flink's cold start
   * and the planner add a few seconds on a slow machine.
   */
  private static final Duration ROWS = Duration.ofSeconds(60);

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void runShowsPreviewRowsAndStopStopsTheJob() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    Label runtime = studio.find("#" + StatusBarView.RUNTIME);
    assertThat(studio.fx(runtime::getText)).isEqualTo("embedded Flink: idle");

    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(ROWS, () -> studio.model().run().phaseProperty().get() == Phase.RUNNING);
    assertThat(studio.fx(runtime::getText)).startsWith("embedded Flink: running job ");

    StudioDriver.waitFor(ROWS, () -> previewRows() > 0);
    PreviewTableView table = studio.find("." + PreviewTableView.STYLE);
    assertThat(studio.fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
        .contains("user_id", "window_start", "clicks", "pages");
    assertThat(
            studio.fx(
                () -> studio.view().bottomTabs().getSelectionModel().getSelectedItem().getId()))
        .isEqualTo(MainView.RUN_TAB);

    // The window keeps answering while rows stream in: a keyboard shortcut still works.
    studio.robot.clickOn(studio.view().canvas());
    studio.robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    StudioDriver.waitFor(
        Duration.ofSeconds(5), () -> studio.model().designer().selection().nodes().size() == 3);

    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(ROWS, () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
    assertThat(studio.fx(runtime::getText)).startsWith("embedded Flink: stopped job ");
    long rows = studio.fx(() -> (long) table.getItems().size());
    assertThat(rows).isPositive();
  }

  /** The rows the preview table shows now; 0 before it exists. */
  private int previewRows() {
    return studio
        .robot
        .lookup("." + PreviewTableView.STYLE)
        .tryQuery()
        .map(n -> ((PreviewTableView) n).getItems().size())
        .orElse(0);
  }
}
