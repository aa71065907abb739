package dev.streamwright.monitor.alerts.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.alerts.ChannelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs real shell scripts; the folder is under target (the build's java.io.tmpdir). */
@DisabledOnOs(OS.WINDOWS)
class CommandChannelTest {

  @TempDir Path dir;

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  @Test
  void givesTheProgramTheAlertDocumentOnStdinAndTheVariables() throws Exception {
    Path out = dir.resolve("got.json");
    Path vars = dir.resolve("vars.txt");
    Path s =
        script(
            "page.sh",
            "cat > \"$1\"\n"
                + "printf '%s|%s|%s|%s|%s' \"$STREAMWRIGHT_ALERT_KIND\" \"$STREAMWRIGHT_ALERT_RULE\""
                + " \"$STREAMWRIGHT_ALERT_SEVERITY\" \"$STREAMWRIGHT_ALERT_DEPLOYMENT\""
                + " \"$STREAMWRIGHT_ALERT_SUMMARY\" > \"$2\"");

    new CommandChannel(
            "pager", List.of(s.toString(), out.toString(), vars.toString()), Duration.ofSeconds(20))
        .send(WebhookChannelTest.FIRED);

    assertThat(new ObjectMapper().readTree(out.toFile()))
        .isEqualTo(new ObjectMapper().readTree(AlertDocument.json(WebhookChannelTest.FIRED)));
    assertThat(Files.readString(vars))
        .isEqualTo("fired|consumer-lag|warning|fraud-1|" + WebhookChannelTest.FIRED.describe());
  }

  @Test
  void aNonZeroExitIsReportedWithTheEndOfItsErrorOutput() throws Exception {
    Path s = script("fails.sh", "cat > /dev/null\necho 'pager service said: no route' >&2\nexit 3");
    CommandChannel c = new CommandChannel("pager", List.of(s.toString()), Duration.ofSeconds(20));
    assertThatThrownBy(() -> c.send(WebhookChannelTest.FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("pager service said: no route");
  }

  @Test
  void aProgramThatOutlivesItsTimeoutIsStoppedAndReported() throws Exception {
    Path s = script("hangs.sh", "exec sleep 60");
    CommandChannel c = new CommandChannel("pager", List.of(s.toString()), Duration.ofMillis(500));
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.send(WebhookChannelTest.FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("did not finish within 500 ms and was stopped");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
  }

  @Test
  void aMissingProgramIsReported() {
    CommandChannel c =
        new CommandChannel(
            "pager", List.of(dir.resolve("no-such-program").toString()), Duration.ofSeconds(5));
    assertThatThrownBy(() -> c.send(WebhookChannelTest.FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("cannot run command")
        .hasMessageContaining("Check the program's path");
  }
}
