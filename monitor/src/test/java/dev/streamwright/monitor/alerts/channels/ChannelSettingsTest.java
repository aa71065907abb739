package dev.streamwright.monitor.alerts.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

  @Test
  void aWebhooksTextNeverShowsItsSecrets() {
    ChannelSettings.Webhook w =
        ChannelSettings.Webhook.of(
            "ops",
            URI.create("https://hooks.example.com/services/T0/SECRETPATH?token=abc"),
            Map.of("Authorization", "Bearer xyz"));
    assertThat(w.toString())
        .contains("ops", "https://hooks.example.com/…", "Authorization")
        .doesNotContain("SECRETPATH", "abc", "xyz");
    assertThat(w.create()).isInstanceOf(WebhookChannel.class);
  }

  @Test
  void badSettingsSayWhatIsWrong() {
    assertThatThrownBy(() -> ChannelSettings.Webhook.of("ops", URI.create("ftp://x/"), Map.of()))
        .hasMessageContaining("channel 'ops'")
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(
            () ->
                new ChannelSettings.Webhook(
                    "ops", URI.create("https://x/"), Map.of(), Duration.ofSeconds(5), 0))
        .hasMessageContaining("attempts must be between 1 and 10");
    assertThatThrownBy(() -> new ChannelSettings.Command("run", List.of(), Duration.ofSeconds(5)))
        .hasMessageContaining("name the program");
    assertThatThrownBy(() -> new ChannelSettings.Desktop("in-app"))
        .hasMessageContaining("the studio's own channel");
    assertThatThrownBy(() -> new ChannelSettings.Desktop("a b"))
        .hasMessageContaining("channel name 'a b' is not valid");
  }
}
