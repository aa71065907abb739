package dev.streamwright.monitor.lag;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One partition's lag for one consumer group at one poll.
 *
 * @param topic the topic
 * @param partition the partition
 * @param endOffset the log-end offset
 * @param committed the group's committed offset; empty when the group has committed none ("no
 *     commit", which is not zero lag)
 * @param timeLagInterpolated time lag by interpolation over the end-offset history (as
 *     kafka-lag-exporter does); empty when unknown (fewer than two points, or no commit)
 * @param timeLagDirect now minus the timestamp of the record at the committed offset; empty when it
 *     was not fetched or there is no such record
 * @param timeToClose offset lag divided by how fast the gap closes; empty when unknown, {@link
 *     #NEVER} when the gap is not closing
 * @param status Burrow's status of the partition
 */
public record PartitionLag(
    String topic,
    int partition,
    long endOffset,
    OptionalLong committed,
    Optional<Duration> timeLagInterpolated,
    Optional<Duration> timeLagDirect,
    Optional<Duration> timeToClose,
    LagStatus status) {

  /** The time to close of a gap that is not closing. */
  public static final Duration NEVER = ChronoNever.VALUE;

  public PartitionLag {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(timeLagInterpolated, "timeLagInterpolated");
    Objects.requireNonNull(timeLagDirect, "timeLagDirect");
    Objects.requireNonNull(timeToClose, "timeToClose");
    Objects.requireNonNull(status, "status");
  }

  /** End offset minus committed offset, never negative; empty without a commit. */
  public OptionalLong offsetLag() {
    return committed.isPresent()
        ? OptionalLong.of(Math.max(0, endOffset - committed.getAsLong()))
        : OptionalLong.empty();
  }

  /** Holds the value of {@link #NEVER}. */
  private static final class ChronoNever {
    static final Duration VALUE = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
  }
}
