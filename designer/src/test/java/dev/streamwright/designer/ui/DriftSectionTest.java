package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The inspector's Drift section on the fraud sample's Model score node and the pipeline's drift
 * settings shown while nothing is selected: clicks are undoable edits, bad windows are refused in
 * words, and the choice survives a save and a reload of the file.
 */
@ExtendWith(ApplicationExtension.class)
class DriftSectionTest {

  private static final DriftColumn AMOUNT = new DriftColumn("fraud_score", "amount");
  private static final DriftColumn MERCHANT = new DriftColumn("fraud_score", "merchant");

  @TempDir Path dir;

  private DesignerWindow window;

  @Start
  void start(Stage stage) throws Exception {
    window =
        DesignerWindow.of(
            stage, new PipelineCodec().read(DriftEditsTest.SAMPLE), DriftEditsTest.ENV);
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void togglingAModelColumnIsOneEditThatUndoAndRedoFollow(FxRobot robot) {
    CheckBox amount = showColumn(robot, "fraud_score", "amount");
    until("amount is monitored by default", amount::isSelected);

    robot.clickOn(amount);

    until("the removal is stored", () -> drift().remove().contains(AMOUNT));
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Stop monitoring drift of 'fraud_score.amount'");
    assertThat(fx(() -> window.model.edit().dirtyProperty().get())).isTrue();
    assertThat(fx(amount::isSelected)).isFalse();

    FxWait.run(window.model::undo);
    until("undo ticks it again", amount::isSelected);
    assertThat(drift()).isEqualTo(DriftSettings.DEFAULTS);

    FxWait.run(window.model::redo);
    until("redo unticks it", () -> !amount.isSelected());
    assertThat(drift().remove()).containsExactly(AMOUNT);
  }

  @Test
  void aColumnTheTapCannotProfileIsDisabledWithTheReason(FxRobot robot) {
    CheckBox time = showColumn(robot, "fraud_score", "transaction_time");

    assertThat(fx(time::isDisabled)).isTrue();
    // Tooltip.install keeps the tooltip among the line's properties under this key.
    Tooltip tip =
        fx(() -> (Tooltip) time.getParent().getProperties().get("javafx.scene.control.Tooltip"));
    assertThat(tip).isNotNull();
    assertThat(fx(tip::getText)).contains("TIMESTAMP").contains("cannot be profiled");
    assertThat(sectionText(robot))
        .contains("By default the model's input columns and its scores are monitored");
  }

  @Test
  void theChoiceSurvivesSavingAndReopeningTheFile(FxRobot robot) throws Exception {
    CheckBox amount = showColumn(robot, "fraud_score", "amount");
    until("amount is monitored by default", amount::isSelected);
    robot.clickOn(amount);
    CheckBox merchant = showColumn(robot, "fraud_score", "merchant");
    assertThat(fx(merchant::isSelected)).isFalse();
    robot.clickOn(merchant);
    until("the addition is stored", () -> drift().add().contains(MERCHANT));

    Path file = dir.resolve("fraud.json");
    PipelineCodec codec = new PipelineCodec();
    FxWait.run(
        () -> {
          try {
            codec.write(window.model.pipeline(), file);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          window.model.document().markSaved();
        });
    assertThat(Files.readString(file)).contains("\"drift\"");
    Pipeline reread = codec.read(file);
    Pipeline sample = codec.read(DriftEditsTest.SAMPLE);
    FxWait.run(() -> window.model.open(sample));
    until("the sample is open again", () -> !merchant.isSelected() && amount.isSelected());

    FxWait.run(() -> window.model.open(reread));

    CheckBox amountAgain = showColumn(robot, "fraud_score", "amount");
    CheckBox merchantAgain = showColumn(robot, "fraud_score", "merchant");
    until("the reopened file keeps the choice", () -> merchantAgain.isSelected());
    assertThat(fx(amountAgain::isSelected)).isFalse();
    assertThat(drift().remove()).containsExactly(AMOUNT);
    assertThat(drift().add()).containsExactly(MERCHANT);
    assertThat(fx(() -> window.model.edit().dirtyProperty().get())).isFalse();
  }

  @Test
  void theWindowIsEditedWithNothingSelectedAndABadOneIsRefusedInWords(FxRobot robot) {
    FxWait.run(window.model::clearSelection);
    TextField field = robot.lookup("#drift-window").queryAs(TextField.class);
    until("the window is shown", () -> "1m".equals(field.getText()) && field.isVisible());

    robot.doubleClickOn(field).push(KeyCode.CONTROL, KeyCode.A).write("soon").type(KeyCode.ENTER);

    Label refusal = robot.lookup("#drift-window-refusal").queryAs(Label.class);
    until("the refusal shows", () -> refusal.isVisible());
    assertThat(fx(refusal::getText))
        .startsWith("The drift window 'soon' is not a duration; write a number and a unit");
    assertThat(fx(() -> window.model.edit().canUndoProperty().get())).isFalse();
    assertThat(drift().window()).isEqualTo("1m");

    robot.push(KeyCode.CONTROL, KeyCode.A).write("30s").type(KeyCode.ENTER);

    until("the window is stored", () -> "30s".equals(window.model.pipeline().drift().window()));
    assertThat(fx(refusal::isVisible)).isFalse();
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Set the drift window to '30s'");

    robot.clickOn("#drift-enabled");
    until("drift is off", () -> !window.model.pipeline().drift().enabled());
    assertThat(fx(field::isDisabled)).isTrue();
  }

  @Test
  void theProblemsListShowsADriftSettingNamingAMissingNode(FxRobot robot) throws Exception {
    Pipeline p =
        new PipelineCodec()
            .read(DriftEditsTest.SAMPLE)
            .withDrift(
                DriftSettings.DEFAULTS.withColumns(
                    List.of(new DriftColumn("gone", "amount")), List.of()));

    FxWait.run(() -> window.model.open(p));

    until(
        "the problem is listed",
        () ->
            robot.lookup(".problems-view .table-row-cell").queryAll().stream()
                .map(n -> ((TableRow<?>) n).getItem())
                .anyMatch(
                    i ->
                        i instanceof Problem problem
                            && "drift.add".equals(problem.property())
                            && problem.message().contains("node 'gone'")));
  }

  private DriftSettings drift() {
    return fx(() -> window.model.pipeline().drift());
  }

  /** Selects the node and returns the check box of its column, scrolled into view. */
  private CheckBox showColumn(FxRobot robot, String nodeId, String column) {
    FxWait.run(() -> window.model.selectionProperty().set(Selection.ofNodes(nodeId)));
    until(nodeId + " is shown", () -> nodeId.equals(window.sheet.shownNodeId()));
    until(
        "the column " + column + " is listed",
        () -> robot.lookup("#drift-" + column).tryQuery().isPresent());
    CheckBox box = robot.lookup("#drift-" + column).queryAs(CheckBox.class);
    if (!fx(box::isDisabled)) {
      FxWait.run(box::requestFocus); // the sheet scrolls the focused control into view
      until("the column " + column + " is in view", () -> inView(box));
    }
    return box;
  }

  private boolean inView(Node node) {
    Bounds sheet = window.sheet.localToScreen(window.sheet.getBoundsInLocal());
    Bounds box = node.localToScreen(node.getBoundsInLocal());
    return sheet != null && box != null && sheet.contains(box);
  }

  private String sectionText(FxRobot robot) {
    return fx(
        () ->
            robot.lookup("#drift-section .label").queryAll().stream()
                .map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b));
  }
}
