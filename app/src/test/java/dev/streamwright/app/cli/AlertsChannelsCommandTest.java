package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamwright alerts channels}: adding, listing and removing channels on a workspace. */
class AlertsChannelsCommandTest {

  private static final String URL = "https://hooks.example.com/services/T0KEN-s3cret";
  private static final String TOKEN = "Bearer abc-very-secret-123";

  @TempDir Path data;

  @Test
  void aWebhookIsStoredEncryptedAndListedMasked() throws IOException {
    Result add =
        run(
            URL + "\n" + TOKEN + "\n",
            "webhook",
            "ops",
            "--header",
            "Authorization",
            "--attempts",
            "4");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.err()).contains("Saved the alert channel 'ops'");

    Result list = run("", "");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("in-app", "ops", "webhook", "hooks.example.com", "Authorization", "4 attempts")
        .doesNotContain("T0KEN-s3cret", "abc-very-secret");

    try (Workspace w = Workspace.open(data.resolve("workspace"), OpenMode.READ_ONLY)) {
      WorkspaceAlerts.Channels channels =
          WorkspaceAlerts.of(w).channels(SecretBox.at(SecretBox.keyFileIn(data)));
      assertThat(channels.channels())
          .singleElement()
          .isEqualTo(
              new ChannelSettings.Webhook(
                  "ops",
                  URI.create(URL),
                  Map.of("Authorization", TOKEN),
                  java.time.Duration.ofSeconds(5),
                  4));
    }
    try (Stream<Path> files = Files.walk(data.resolve("workspace"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text).as(f.toString()).doesNotContain("T0KEN-s3cret", "abc-very-secret");
      }
    }
  }

  @Test
  void badSettingsSayWhatIsWrongAndSaveNothing() {
    Result noUrl = run("", "webhook", "ops");
    assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noUrl.err()).contains("no value was given for its URL", "Nothing was saved");

    Result ftp = run("ftp://example.com/x\n", "webhook", "ops");
    assertThat(ftp.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(ftp.err()).contains("must start with http:// or https://");

    Result badName = run("", "desktop", "-x");
    assertThat(badName.exitCode()).isEqualTo(ExitCodes.USAGE);

    Result inApp = run("", "desktop", "in-app");
    assertThat(inApp.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(inApp.err()).contains("the studio's own channel");

    assertThat(run("", "").out().lines().count()).as("only the header and in-app").isEqualTo(2);
  }

  @Test
  void commandAndDesktopChannelsAreAddedAndRemoved() {
    assertThat(run("", "desktop", "screen").exitCode()).isZero();
    Result cmd =
        run(
            "",
            "command",
            "pager",
            "--timeout",
            "3s",
            "--",
            "/usr/local/bin/page",
            "--team",
            "ops");
    assertThat(cmd.exitCode()).as(cmd.err()).isZero();
    assertThat(run("", "").out())
        .contains("screen", "desktop", "pager", "command", "/usr/local/bin/page --team ops", "3s");

    Result removed = run("", "remove", "screen");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(run("", "").out()).doesNotContain("screen").contains("pager");

    Result unknown = run("", "remove", "screen");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no alert channel 'screen'");
  }

  /** Runs {@code alerts channels [sub] args} on the test's workspace with {@code stdin}. */
  private Result run(String stdin, String sub, String... args) {
    List<String> all = new ArrayList<>();
    if (!sub.isEmpty()) {
      all.add(sub);
    }
    all.add("--workspace");
    all.add(data.resolve("workspace").toString());
    all.addAll(List.of(args));
    CliContext context =
        new CliContext(
            new AppFolders(data, data.resolve("logs"), data.resolve("tmp")),
            () -> {
              throw new AssertionError("alert channels never use a runtime");
            },
            new ExitActions());
    CommandLine cli =
        new CommandLine(
            new AlertsChannelsCommand(
                new AlertsCli(context),
                () ->
                    SecretInput.lines(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))));
    cli.setParameterExceptionHandler(new UsageErrorReporter());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }
}
