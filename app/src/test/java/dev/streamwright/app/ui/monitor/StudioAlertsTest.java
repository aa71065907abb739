package dev.streamwright.app.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.alerts.WorkspaceAlertCenter;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio keeps one alert centre per open workspace and closes the previous one. */
class StudioAlertsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final Map<SeriesKey, Double> FAILED =
      Map.of(SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "d"), 1.0);

  @TempDir Path one;
  @TempDir Path two;
  @TempDir Path data;

  @Test
  void followsTheOpenWorkspaceAndClosesTheCentreItLeaves() {
    SameThreadTasks tasks = new SameThreadTasks();
    StudioAlerts alerts = new StudioAlerts(tasks, () -> SecretBox.at(SecretBox.keyFileIn(data)));
    try (Workspace a = Workspace.open(one, OpenMode.READ_WRITE);
        Workspace b = Workspace.open(two, OpenMode.READ_WRITE)) {
      assertThat(alerts.centerProperty().get()).isNull();

      alerts.follow(a);
      WorkspaceAlertCenter first = alerts.centerProperty().get();
      assertThat(first).isNotNull();
      assertThat(first.center().accept(T0, FAILED)).hasSize(1);

      alerts.follow(b);
      WorkspaceAlertCenter second = alerts.centerProperty().get();
      assertThat(second).isNotNull().isNotSameAs(first);
      assertThat(first.center().accept(T0.plusSeconds(5), FAILED))
          .as("the centre of the workspace left is closed")
          .isEmpty();

      alerts.follow(null);
      assertThat(alerts.centerProperty().get()).isNull();
      assertThat(second.center().accept(T0, FAILED)).isEmpty();

      alerts.follow(a);
      WorkspaceAlertCenter third = alerts.centerProperty().get();
      alerts.close();
      assertThat(third.center().accept(T0, FAILED)).isEmpty();
    }
  }
}
