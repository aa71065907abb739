package dev.streamwright.monitor.figures;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Whether the monitor could reach one of a deployment's systems (Flink's REST API, the Kafka
 * brokers) at its last poll, and since when.
 *
 * @param state connected, disconnected, ended, or not applicable
 * @param since when the state began
 * @param reason why it is disconnected or ended, in words; empty when connected
 */
public record Link(Link.State state, Instant since, String reason) {

  /** The states of a link. */
  public enum State {
    /** The last poll succeeded. */
    CONNECTED,
    /** The last poll failed; the monitor keeps trying. */
    DISCONNECTED,
    /** The deployment ended: nothing more will come. */
    ENDED,
    /** The deployment has nothing to reach there (a pipeline without Kafka). */
    NONE
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  public Link {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    reason = reason == null ? "" : reason;
  }

  /** A link that has nothing to reach. */
  public static Link none(Instant at) {
    return new Link(State.NONE, at, "");
  }

  /** Whether the last poll reached the system. */
  public boolean connected() {
    return state == State.CONNECTED;
  }

  /** The state as a panel says it, e.g. {@code disconnected since 12:03:10}, in the given zone. */
  public String describe(ZoneId zone) {
    String clock = LocalTime.ofInstant(since, zone).format(CLOCK);
    return switch (state) {
      case CONNECTED -> "connected";
      case DISCONNECTED -> "disconnected since " + clock + (reason.isEmpty() ? "" : ": " + reason);
      case ENDED -> "ended at " + clock + (reason.isEmpty() ? "" : ": " + reason);
      case NONE -> "not used";
    };
  }
}
