package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.ui.AlertBell;
import dev.streamwright.monitor.ui.RuleEditor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's alerts: a bell in the status bar that counts the workspace centre's alerts, and
 * Monitor > Alert rules…, whose Apply keeps the rules in the workspace.
 */
class StudioAlertViewsTest {

  @TempDir Path workspace;

  @Test
  void theBellCountsFiringAlertsAndTheMenuOpensTheRuleEditor() throws Exception {
    try (StudioDriver studio = StudioDriver.launch(workspace).awaitReady()) {
      // The bell follows the workspace's alert centre, which opens in the background.
      StudioDriver.waitFor(StudioDriver.READY, () -> studio.window().alerts().bell() != null);
      AlertBell bell = studio.find("#alert-bell");
      assertThat(studio.fx(bell::getText)).isEmpty();
      var engine = studio.fx(() -> studio.window().alerts().engine());
      CompletableFuture.runAsync(
              () ->
                  engine.evaluate(
                      Instant.parse("2026-12-07T12:00:00Z"),
                      Map.of(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "quickstart-1"), 2.0)))
          .get(10, TimeUnit.SECONDS);
      StudioDriver.waitFor(StudioDriver.READY, () -> "1".equals(bell.getText()));

      studio.robot.clickOn("#menu-monitor");
      studio.robot.clickOn("Alert rules…");
      StudioDriver.waitFor(
          StudioDriver.READY,
          () ->
              studio
                  .dialog()
                  .map(
                      w ->
                          w.getScene().getRoot() instanceof DialogPane p
                              && p.getContent() != null
                              && p.getContent().getId() != null
                              && p.getContent().getId().equals("rule-editor"))
                  .orElse(false));
      studio.robot.clickOn(DefaultRules.consumerLag().id());
      studio.robot.clickOn("#rule-delete");
      studio.robot.clickOn(RuleEditor.APPLY.getText());
      StudioDriver.waitFor(StudioDriver.READY, () -> studio.dialog().isEmpty());
      StudioDriver.waitFor(
          StudioDriver.READY, () -> engine.rules().rule(DefaultRules.consumerLag().id()).isEmpty());
      assertThat(engine.rules().rules()).hasSize(DefaultRules.ruleSet().rules().size() - 1);
      // Kept in the workspace, so the next centre opened on it evaluates them.
      var open = studio.fx(() -> studio.model().workspace().workspaceProperty().get());
      assertThat(
              dev.streamwright.app.workspace.WorkspaceAlerts.of(open)
                  .rules()
                  .rule(DefaultRules.consumerLag().id()))
          .isEmpty();
    }
  }
}
