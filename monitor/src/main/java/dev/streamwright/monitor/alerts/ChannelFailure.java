package dev.streamwright.monitor.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A report that an alert channel failed, for the studio's notification centre, the CLI and the log.
 *
 * @param channel the channel's name
 * @param event the event it failed to deliver; empty when the failure is not about one event (the
 *     dispatch queue overflowed)
 * @param at when the failure was seen (the wall clock of the dispatcher)
 * @param message why, in words safe to show (no secrets)
 */
public record ChannelFailure(
    String channel, Optional<AlertEvent> event, Instant at, String message) {

  public ChannelFailure {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
  }

  /** The failure in one line, e.g. {@code channel 'ops' failed on consumer-lag: HTTP 500 ...}. */
  public String describe() {
    return "alert channel '"
        + channel
        + "' failed"
        + event.map(e -> " on " + e.rule().id() + " (" + e.series().describe() + ")").orElse("")
        + ": "
        + message;
  }
}
