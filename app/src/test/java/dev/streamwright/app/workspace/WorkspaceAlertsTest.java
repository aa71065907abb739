package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules, channels (secrets encrypted) and the bounded history survive a restart. */
class WorkspaceAlertsTest {

  private static final String URL_TOKEN = "T0KENinPATH93731";
  private static final String HEADER_TOKEN = "Bearer hdr-93732-secret";

  @TempDir Path dir;
  @TempDir Path data;

  private static AlertEvent event(int i) {
    return new AlertEvent(
        AlertEvent.Kind.FIRED,
        Instant.parse("2026-12-07T12:00:00Z").plusSeconds(i),
        DefaultRules.consumerLag(),
        new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud-1", "g" + i),
        1000 + i,
        true);
  }

  @Test
  void startsWithTheDefaultRulesAndKeepsTheUsersAfterARestart() {
    RuleSet mine =
        DefaultRules.ruleSet()
            .with(Rule.of("restarts", Metric.RESTARTS, "> 0").withFor(Duration.ofMinutes(1)));
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceAlerts.of(w).rules()).isEqualTo(DefaultRules.ruleSet());
      WorkspaceAlerts.of(w).saveRules(mine);
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThat(WorkspaceAlerts.of(w).rules()).isEqualTo(mine);
    }
  }

  @Test
  void aWebhooksUrlAndHeadersAreStoredEncryptedOnly() throws IOException {
    SecretBox box = SecretBox.at(SecretBox.keyFileIn(data));
    ChannelSettings.Webhook hook =
        new ChannelSettings.Webhook(
            "ops",
            URI.create("https://hooks.example.com/services/" + URL_TOKEN),
            Map.of("Authorization", HEADER_TOKEN),
            Duration.ofSeconds(3),
            4);
    ChannelSettings.Command cmd =
        new ChannelSettings.Command(
            "pager", List.of("/usr/local/bin/page", "-q"), Duration.ofSeconds(9));
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceAlerts.of(w).saveChannel(hook, box);
      WorkspaceAlerts.of(w).saveChannel(cmd, box);
      WorkspaceAlerts.of(w).saveChannel(new ChannelSettings.Desktop("desktop"), box);
      WorkspaceAlerts.of(w).removeChannel("desktop");
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceAlerts.of(w).channelNames()).containsExactly("ops", "pager");
      WorkspaceAlerts.Channels back = WorkspaceAlerts.of(w).channels(box);
      assertThat(back.problems()).isEmpty();
      assertThat(back.channels()).containsExactly(hook, cmd);
    }
    assertThat(filesContaining(dir, URL_TOKEN)).isEmpty();
    assertThat(filesContaining(dir, "hdr-93732-secret")).isEmpty();
    assertThat(filesContaining(dir, "/usr/local/bin/page")).as("control").isNotEmpty();

    // Another key (the workspace copied to another machine): the channel is named as unusable.
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      WorkspaceAlerts.Channels other =
          WorkspaceAlerts.of(w).channels(SecretBox.at(dir.resolve("other.key")));
      assertThat(other.channels()).containsExactly(cmd);
      assertThat(other.problems())
          .singleElement()
          .satisfies(p -> assertThat(p).contains("'ops'", "Enter its URL and headers again"));
    }
  }

  /** Files under the folder holding the text in UTF-8, UTF-16 or base64. */
  private static List<Path> filesContaining(Path folder, String text) throws IOException {
    List<byte[]> forms =
        List.of(
            text.getBytes(StandardCharsets.UTF_8),
            text.getBytes(StandardCharsets.UTF_16LE),
            text.getBytes(StandardCharsets.UTF_16BE),
            Base64.getEncoder().encode(text.getBytes(StandardCharsets.UTF_8)));
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        if (forms.stream().anyMatch(form -> indexOf(bytes, form) >= 0)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void theHistoryKeepsTheNewestTenThousandEventsAcrossRestarts() {
    int total = WorkspaceAlerts.KEPT + 800; // a multiple of the batches of 100
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceAlerts a = WorkspaceAlerts.of(w);
      assertThat(a.history()).isEmpty();
      for (int i = 0; i < total; i += 100) {
        List<AlertEvent> batch = new ArrayList<>();
        for (int j = i; j < i + 100; j++) {
          batch.add(event(j));
        }
        a.record(batch);
      }
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      List<String> h = WorkspaceAlerts.of(w).history();
      assertThat(h.size())
          .isBetween(WorkspaceAlerts.KEPT, WorkspaceAlerts.KEPT + WorkspaceAlerts.CHUNK);
      assertThat(h.get(h.size() - 1)).contains("\"instance\":\"g" + (total - 1) + "\"");
      assertThat(h.get(0)).contains("\"instance\":\"g" + (total - h.size()) + "\"");
      // A read-only workspace records nothing and does not fail.
      WorkspaceAlerts.of(w).record(List.of(event(0)));
      assertThat(WorkspaceAlerts.of(w).history()).hasSize(h.size());
    }
  }
}
