package dev.streamwright.monitor.alerts.channels;

import dev.streamwright.monitor.alerts.AlertChannel;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.ChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A channel that runs a program per alert: the {@link AlertDocument} on its standard input, and the
 * environment variables {@code STREAMWRIGHT_ALERT_KIND} ({@code fired}, {@code reminded}), {@code
 * STREAMWRIGHT_ALERT_RULE}, {@code STREAMWRIGHT_ALERT_SEVERITY}, {@code
 * STREAMWRIGHT_ALERT_DEPLOYMENT} and {@code STREAMWRIGHT_ALERT_SUMMARY} beside the studio's own. It
 * runs without a shell (the first element is the program, the others its arguments), its standard
 * output is discarded, and it must finish within the timeout: one that does not is stopped, and one
 * that does not exit with 0 is reported with the end of its error output.
 */
public final class CommandChannel implements AlertChannel {

  private final String name;
  private final List<String> command;
  private final Duration timeout;

  /**
   * @param command the program and its arguments
   * @param timeout how long it may run
   */
  public CommandChannel(String name, List<String> command, Duration timeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.command = List.copyOf(command);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (this.command.isEmpty() || this.command.get(0).isBlank()) {
      throw new IllegalArgumentException("channel '" + name + "': name the program to run");
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(AlertEvent e) throws ChannelException, InterruptedException {
    Map<String, String> env =
        Map.of(
            "STREAMWRIGHT_ALERT_KIND", e.kind().name().toLowerCase(Locale.ROOT),
            "STREAMWRIGHT_ALERT_RULE", e.rule().id(),
            "STREAMWRIGHT_ALERT_SEVERITY", e.rule().severity().id(),
            "STREAMWRIGHT_ALERT_DEPLOYMENT", e.series().deployment(),
            "STREAMWRIGHT_ALERT_SUMMARY", e.describe());
    Processes.run(
        "command '" + command.get(0) + "'",
        command,
        env,
        (AlertDocument.json(e) + "\n").getBytes(StandardCharsets.UTF_8),
        timeout);
  }

  @Override
  public String toString() {
    return "command channel '" + name + "' (" + command.get(0) + ")";
  }
}
