package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One generated record.
 *
 * @param key the record key (may be null, e.g. a malformed record without a user id)
 * @param value the record value: JSON text, or a malformed payload when {@code malformed}
 * @param eventTime the event time carried by the record (also used as the Kafka timestamp)
 * @param emitTime the scenario instant at which the record is emitted; equal to {@code eventTime}
 *     for on-time records, later for late / out-of-order ones
 * @param offset scenario time from the start of the run to the emission ({@code emitTime - start});
 *     the wall-clock instant is {@code wallStart + offset / speed}
 * @param malformed whether the value is deliberately invalid
 * @param late whether the record was deliberately delayed
 */
public record Event(
    String key,
    String value,
    Instant eventTime,
    Instant emitTime,
    Duration offset,
    boolean malformed,
    boolean late) {

  public Event {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(emitTime, "emitTime");
    Objects.requireNonNull(offset, "offset");
  }

  /** How much later than its event time the record is emitted (zero for on-time records). */
  public Duration delay() {
    return Duration.between(eventTime, emitTime);
  }
}
