package dev.streamwright.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace's alert centre: its rules and webhook come from the workspace, the in-app channel and
 * the webhook get the firing, and every event lands in the workspace's history.
 */
class WorkspaceAlertCenterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final SeriesKey FAILURES =
      SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "fraud-1");

  @TempDir Path dir;
  @TempDir Path data;

  @Test
  void firesToInAppAndTheStoredWebhookAndKeepsTheHistory() throws Exception {
    BlockingQueue<String> posted = new LinkedBlockingQueue<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          posted.add(
              ex.getRequestHeaders().getFirst("X-Token")
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    SecretBox box = SecretBox.at(SecretBox.keyFileIn(data));
    try {
      try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
        WorkspaceAlerts.of(w)
            .saveRules(
                RuleSet.of(
                    DefaultRules.checkpointFailures()
                        .withChannels(List.of(DefaultRules.IN_APP, "ops"))));
        WorkspaceAlerts.of(w)
            .saveChannel(
                new ChannelSettings.Webhook(
                    "ops",
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                    Map.of("X-Token", "t-123"),
                    Duration.ofSeconds(5),
                    2),
                box);
      }
      try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE);
          WorkspaceAlertCenter alerts = WorkspaceAlertCenter.open(w, box)) {
        assertThat(alerts.problems()).isEmpty();
        assertThat(alerts.center().channelNames()).containsExactly("desktop", "in-app", "ops");
        BlockingQueue<AlertEvent> toasts = new LinkedBlockingQueue<>();
        alerts.inApp().subscribe(toasts::add);

        alerts.center().accept(T0, Map.of(FAILURES, 1.0));
        alerts.center().accept(T0.plusSeconds(5), Map.of(FAILURES, 0.0));

        AlertEvent toast = toasts.poll(10, TimeUnit.SECONDS);
        assertThat(toast.kind()).isEqualTo(AlertEvent.Kind.FIRED);
        String post = posted.poll(10, TimeUnit.SECONDS);
        assertThat(post).startsWith("t-123 {").contains("\"rule\":{\"id\":\"checkpoint-failures\"");
        assertThat(toasts.poll(200, TimeUnit.MILLISECONDS))
            .as("a resolution does not toast")
            .isNull();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (WorkspaceAlerts.of(w).history().size() < 2 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertThat(AlertLog.of(WorkspaceAlerts.of(w).history()).rows())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.state()).isEqualTo(AlertLog.State.RESOLVED);
                  assertThat(r.since()).isEqualTo(T0);
                  assertThat(r.last()).isEqualTo(T0.plusSeconds(5));
                });
      }
    } finally {
      server.stop(0);
    }
  }
}
