package dev.streamwright.monitor.alerts.channels;

import dev.streamwright.monitor.alerts.AlertChannel;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.ChannelException;
import dev.streamwright.monitor.alerts.Severity;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The desktop's notifications, where the system offers a program for them: {@code notify-send}
 * (libnotify) on Linux and the BSDs when it is on the {@code PATH}, {@code osascript}'s {@code
 * display notification} on macOS. Windows has no such program without extra modules, so there the
 * channel is unavailable and the studio's own notification centre (with its toast) shows alerts. An
 * unavailable channel is reported once, at the first alert, then stays silent.
 */
public final class DesktopChannel implements AlertChannel {

  /** The default name of the desktop channel. */
  public static final String NAME = "desktop";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Optional<Path> program;
  private final boolean mac;
  private final String unavailable;
  private final AtomicBoolean reported = new AtomicBoolean();

  private DesktopChannel(String name, Optional<Path> program, boolean mac, String unavailable) {
    this.name = Objects.requireNonNull(name, "name");
    this.program = program;
    this.mac = mac;
    this.unavailable = unavailable;
  }

  /** The desktop channel of this system: its OS and {@code PATH}. */
  public static DesktopChannel detect(String name) {
    return detect(name, System.getProperty("os.name", ""), System.getenv("PATH"));
  }

  /** The desktop channel for an OS name and a {@code PATH} value. */
  public static DesktopChannel detect(String name, String osName, String path) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return new DesktopChannel(
          name,
          Optional.empty(),
          false,
          "desktop notifications are not supported on Windows; alerts show in the studio's"
              + " notification centre");
    }
    if (os.startsWith("mac")) {
      Optional<Path> p = onPath("osascript", path);
      return new DesktopChannel(
          name,
          p,
          true,
          "osascript is not on the PATH, so macOS notifications cannot be shown; alerts show in"
              + " the studio's notification centre");
    }
    return new DesktopChannel(
        name,
        onPath("notify-send", path),
        false,
        "notify-send is not on the PATH, so desktop notifications cannot be shown: install"
            + " libnotify (e.g. the libnotify-bin package); alerts show in the studio's"
            + " notification centre");
  }

  private static Optional<Path> onPath(String program, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path p = Path.of(dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether this system can show desktop notifications. */
  public boolean available() {
    return program.isPresent();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(AlertEvent e) throws ChannelException, InterruptedException {
    if (program.isEmpty()) {
      if (reported.compareAndSet(false, true)) {
        throw new ChannelException(unavailable + " (reported once)");
      }
      return;
    }
    String title = "Streamwright: " + e.rule().id();
    String body = e.describe();
    List<String> command =
        mac
            ? List.of(
                program.get().toString(),
                "-e",
                "display notification " + quote(body) + " with title " + quote(title))
            : List.of(
                program.get().toString(),
                "--app-name=Streamwright",
                "--urgency=" + urgency(e.rule().severity()),
                title,
                body);
    Processes.run("the desktop notifier " + program.get(), command, Map.of(), new byte[0], TIMEOUT);
  }

  private static String urgency(Severity s) {
    return switch (s) {
      case INFO -> "low";
      case WARNING -> "normal";
      case CRITICAL -> "critical";
    };
  }

  /** An AppleScript string literal. */
  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
