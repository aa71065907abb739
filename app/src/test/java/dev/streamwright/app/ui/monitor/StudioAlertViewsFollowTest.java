package dev.streamwright.app.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.alerts.WorkspaceAlertCenter;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.ui.AlertBell;
import dev.streamwright.monitor.ui.RuleEditor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio's bell, notification centre and rule editor follow the open workspace's alert centre:
 * nothing before a workspace opens, the new centre's engine after a switch, and Apply in the rule
 * editor keeps the rules in the workspace, so a centre opened on it again evaluates them.
 */
@ExtendWith(ApplicationExtension.class)
class StudioAlertViewsFollowTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path one;
  @TempDir Path two;
  @TempDir Path data;

  private final HBox bar = new HBox();
  private Stage stage;
  private StudioAlerts alerts;
  private StudioAlertViews views;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(bar, 400, 80));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    fx(
        () -> {
          if (views != null) {
            views.dispose();
          }
          if (alerts != null) {
            alerts.follow(null);
          }
          return null;
        });
  }

  @Test
  void theBellFollowsTheWorkspaceAndApplyKeepsTheRulesInIt(FxRobot robot) throws Exception {
    SameThreadTasks tasks = new SameThreadTasks();
    try (Workspace a = Workspace.open(one, OpenMode.READ_WRITE);
        Workspace b = Workspace.open(two, OpenMode.READ_WRITE)) {
      fx(
          () -> {
            alerts = new StudioAlerts(tasks, () -> SecretBox.at(SecretBox.keyFileIn(data)));
            views = new StudioAlertViews(alerts, s -> {}, p -> {});
            bar.getChildren().add(views.node());
            return null;
          });
      assertThat(fx(() -> views.bell())).as("no bell before a workspace opens").isNull();
      assertThat(fx(() -> views.engine())).isNull();

      fx(
          () -> {
            alerts.follow(a);
            return null;
          });
      WorkspaceAlertCenter first = fx(() -> alerts.centerProperty().get());
      assertThat(fx(() -> views.engine())).isSameAs(first.center().engine());
      AlertBell bell = fx(() -> views.bell());
      assertThat(fx(() -> ((HBox) views.node()).getChildren())).containsExactly(bell);
      // An alert of the workspace's centre rings its bell.
      first.center().accept(T0, Map.of(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "d"), 2.0));
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1".equals(fx(bell::getText)));

      // Apply in the rule editor keeps the rules in the workspace.
      List<String> problems = new ArrayList<>();
      fx(
          () -> {
            views.editRules(stage, problems::add);
            return null;
          });
      DialogPane pane = fx(StudioAlertViewsFollowTest::editorPane);
      assertThat(pane).isNotNull();
      robot.clickOn(DefaultRules.consumerLag().id());
      robot.clickOn("#rule-delete");
      fx(
          () -> {
            ((Button) pane.lookupButton(RuleEditor.APPLY)).fire();
            return null;
          });
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          () -> WorkspaceAlerts.of(a).rules().rule(DefaultRules.consumerLag().id()).isEmpty());
      assertThat(problems).isEmpty();
      assertThat(WorkspaceAlerts.of(a).rules().rules())
          .hasSize(DefaultRules.ruleSet().rules().size() - 1);
      assertThat(first.center().rules().rule(DefaultRules.consumerLag().id())).isEmpty();

      // A switch: the views follow the other workspace's centre, which has its own rules.
      fx(
          () -> {
            alerts.follow(b);
            return null;
          });
      WorkspaceAlertCenter second = fx(() -> alerts.centerProperty().get());
      assertThat(second).isNotSameAs(first);
      assertThat(fx(() -> views.engine())).isSameAs(second.center().engine());
      AlertBell other = fx(() -> views.bell());
      assertThat(other).isNotSameAs(bell);
      assertThat(fx(() -> ((HBox) views.node()).getChildren())).containsExactly(other);
      assertThat(fx(other::getText)).isEmpty();
      assertThat(second.center().rules().rule(DefaultRules.consumerLag().id())).isPresent();

      // Back on the first workspace, its centre opens on the rules kept there.
      fx(
          () -> {
            alerts.follow(a);
            return null;
          });
      assertThat(fx(() -> views.engine().rules().rule(DefaultRules.consumerLag().id()))).isEmpty();

      fx(
          () -> {
            alerts.follow(null);
            return null;
          });
      assertThat(fx(() -> views.bell())).isNull();
      assertThat(fx(() -> ((HBox) views.node()).getChildren())).isEmpty();
    }
  }

  @Test
  void aChannelFailureShowsInTheNotificationCentre() throws Exception {
    SameThreadTasks tasks = new SameThreadTasks();
    try (Workspace a = Workspace.open(one, OpenMode.READ_WRITE)) {
      fx(
          () -> {
            alerts = new StudioAlerts(tasks, () -> SecretBox.at(SecretBox.keyFileIn(data)));
            views = new StudioAlertViews(alerts, s -> {}, p -> {});
            alerts.follow(a);
            return null;
          });
      WorkspaceAlertCenter center = fx(() -> alerts.centerProperty().get());
      // A rule naming a channel that does not exist: the centre reports the failure.
      var rule = DefaultRules.checkpointFailures().withChannels(List.of("pager"));
      center.saveRules(dev.streamwright.monitor.alerts.RuleSet.of(rule), T0);
      center.center().accept(T0, Map.of(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "d"), 2.0));
      javafx.scene.control.Label line =
          fx(() -> (javafx.scene.control.Label) views.centre().lookup("#alerts-failures"));
      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> fx(line::getText).contains("no channel named 'pager'"));
      assertThat(fx(line::isVisible)).isTrue();
    }
  }

  /** The rule editor's pane, once it shows; on the FX thread. */
  private static DialogPane editorPane() {
    for (Window w : Window.getWindows()) {
      if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p) {
        return p;
      }
    }
    return null;
  }

  private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
  }
}
