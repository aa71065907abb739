package dev.streamwright.monitor.alerts.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.alerts.ChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DesktopChannelTest {

  @TempDir Path dir;

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void runsNotifySendFromThePathWithTheAlert() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Path got = dir.resolve("args.txt");
    Path fake = bin.resolve("notify-send");
    Files.writeString(
        fake,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" + got + "'\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));

    DesktopChannel c = DesktopChannel.detect("desktop", "Linux", "/nonexistent:" + bin);
    assertThat(c.available()).isTrue();
    c.send(WebhookChannelTest.FIRED);

    assertThat(Files.readAllLines(got))
        .containsExactly(
            "--app-name=Streamwright",
            "--urgency=normal",
            "Streamwright: consumer-lag",
            WebhookChannelTest.FIRED.describe());
  }

  @Test
  void anUnavailableDesktopIsReportedOnceNotPerAlert() throws Exception {
    DesktopChannel c = DesktopChannel.detect("desktop", "Linux", dir.toString());
    assertThat(c.available()).isFalse();
    assertThatThrownBy(() -> c.send(WebhookChannelTest.FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("notify-send is not on the PATH")
        .hasMessageContaining("reported once");
    c.send(WebhookChannelTest.FIRED);
    c.send(WebhookChannelTest.FIRED);
  }

  @Test
  void windowsSaysItIsNotSupported() {
    DesktopChannel c = DesktopChannel.detect("desktop", "Windows 11", "C:\\Windows");
    assertThat(c.available()).isFalse();
    assertThatThrownBy(() -> c.send(WebhookChannelTest.FIRED))
        .hasMessageContaining("not supported on Windows");
  }
}
