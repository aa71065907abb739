package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.workspace.OpenPipelineDialog;
import dev.streamwright.app.workspace.PipelineDetails;
import dev.streamwright.app.workspace.PipelineInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Open is a table of the workspace's pipelines that filters as the user types, and File >
 * Open recent offers the pipelines opened before, most recent first, also after a restart.
 */
class OpenPipelineTest {

  private static final Duration SHORTLY = Duration.ofSeconds(15);

  private static final String QUICKSTART = "Quickstart: clicks per user";

  @TempDir Path workspace;

  private StudioDriver studio;

  @BeforeEach
  void launch() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
  }

  @AfterEach
  void quit() throws Exception {
    studio.quit();
  }

  @Test
  void typingFiltersTheTableAndEnterOpensTheFirstMatch() throws Exception {
    TableView<PipelineDetails> table = openDialog();
    StudioDriver.waitFor(SHORTLY, () -> table.getItems().size() == 4);
    // The theme caps dialogs at 600 px; the table's five columns need the dialog's full width.
    assertThat(studio.fx(() -> table.getScene().getWindow().getWidth())).isGreaterThan(900);

    typeFilter("fraud");
    StudioDriver.waitFor(SHORTLY, () -> ids(table).equals(List.of("fraud-detection")));
    typeFilter("iot"); // a tag of fleet-telemetry only
    StudioDriver.waitFor(SHORTLY, () -> ids(table).equals(List.of("fleet-telemetry")));
    typeFilter("zzz");
    StudioDriver.waitFor(SHORTLY, () -> table.getItems().isEmpty());
    assertThat(studio.fx(() -> ((Labeled) table.getPlaceholder()).getText()))
        .startsWith("No pipeline matches “zzz”");
    typeFilter("kafka sentiment"); // every word, here in the description
    StudioDriver.waitFor(SHORTLY, () -> ids(table).equals(List.of("call-center")));
    assertThat(studio.fx(() -> table.getSelectionModel().getSelectedItem().id()))
        .isEqualTo("call-center");

    studio.robot.type(KeyCode.ENTER);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("call-center"));
  }

  @Test
  void openRecentListsTheLastOpenedFirstAndOpensIt() throws Exception {
    open("fraud");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("fraud-detection"));
    open("sentiment");
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("call-center"));
    StudioDriver.waitFor(
        SHORTLY, () -> recentIds().equals(List.of("fraud-detection", "quickstart")));
    assertThat(studio.fx(this::openRecentTexts)).containsExactly("Fraud detection", QUICKSTART);
    assertThat(studio.fx(() -> openRecentMenu().getItems().get(0).getAccelerator()))
        .isEqualTo(KeyCombination.keyCombination("Shortcut+Shift+O"));

    studio.robot.clickOn("#menu-file").clickOn("Open recent").clickOn(QUICKSTART);
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("quickstart"));
    StudioDriver.waitFor(
        SHORTLY, () -> recentIds().equals(List.of("call-center", "fraud-detection")));

    // Its shortcut goes back to the pipeline open before.
    studio.robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.O);
    studio.robot.release(KeyCode.SHIFT, KeyCode.CONTROL);
    StudioDriver.waitFor(
        SHORTLY, () -> studio.model().designer().pipeline().id().equals("call-center"));
    StudioDriver.waitFor(
        SHORTLY, () -> recentIds().equals(List.of("quickstart", "fraud-detection")));

    // Kept in the workspace.
    studio.quit();
    studio = StudioDriver.launch(workspace).awaitReady();
    assertThat(studio.fx(() -> studio.model().designer().pipeline().id())).isEqualTo("call-center");
    StudioDriver.waitFor(
        SHORTLY, () -> recentIds().equals(List.of("quickstart", "fraud-detection")));
    assertThat(studio.fx(this::openRecentTexts)).containsExactly(QUICKSTART, "Fraud detection");
  }

  @SuppressWarnings("unchecked")
  private TableView<PipelineDetails> openDialog() throws Exception {
    studio.robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    TableView<PipelineDetails> table =
        studio.robot.lookup("." + OpenPipelineDialog.TABLE).queryAs(TableView.class);
    StudioDriver.waitFor(SHORTLY, () -> !table.getItems().isEmpty());
    return table;
  }

  /** Opens the one pipeline the filter leaves through File > Open, with Enter. */
  private void open(String filter) throws Exception {
    TableView<PipelineDetails> table = openDialog();
    typeFilter(filter);
    StudioDriver.waitFor(SHORTLY, () -> table.getItems().size() == 1);
    studio.robot.type(KeyCode.ENTER);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
  }

  /** Replaces the filter field's text, typing as a user would. */
  private void typeFilter(String text) {
    studio.robot.clickOn("." + OpenPipelineDialog.FILTER);
    studio.robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    studio.robot.type(KeyCode.BACK_SPACE);
    studio.robot.write(text);
  }

  private List<String> ids(TableView<PipelineDetails> table) {
    return table.getItems().stream().map(PipelineDetails::id).toList();
  }

  private List<String> recentIds() {
    return studio.model().workspace().recentPipelines().stream().map(PipelineInfo::id).toList();
  }

  private Menu openRecentMenu() {
    StudioMenuBar bar = studio.find(".menu-bar");
    return bar.getMenus().get(0).getItems().stream()
        .filter(i -> StudioMenuBar.OPEN_RECENT.equals(i.getId()))
        .map(Menu.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private List<String> openRecentTexts() {
    return openRecentMenu().getItems().stream().map(MenuItem::getText).toList();
  }
}
