package dev.streamwright.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the polls of one consumer group's one partition into its lag figures: offset lag, time lag
 * interpolated (kafka-lag-exporter) and direct, time to close, and Burrow's status.
 *
 * <p>The interpolation table holds up to {@code maxPoints} (log-end offset, poll time) samples;
 * Burrow's window holds the last {@code commitWindow} commits (see {@link CommitWindow} for what a
 * commit is when offsets are polled). Time to close divides the offset lag by how fast it closes,
 * measured over that window. Not thread-safe: one poller calls {@link #update}.
 */
public final class PartitionLagTracker {

  /** Interpolation points kept by default: 5 minutes of 5 s polls. */
  public static final int DEFAULT_MAX_POINTS = 60;

  /** Commits Burrow evaluates by default. */
  public static final int DEFAULT_COMMIT_WINDOW = 10;

  private final String topic;
  private final int partition;
  private final OffsetTimeTable table;
  private final CommitWindow commits;

  /** A tracker with 60 interpolation points and Burrow's window of 10 commits. */
  public PartitionLagTracker(String topic, int partition) {
    this(topic, partition, DEFAULT_MAX_POINTS, DEFAULT_COMMIT_WINDOW);
  }

  /**
   * A tracker with the given bounds.
   *
   * @param maxPoints interpolation points kept, at least 2
   * @param commitWindow commits Burrow's rules look at, at least 2
   */
  public PartitionLagTracker(String topic, int partition, int maxPoints, int commitWindow) {
    this.topic = Objects.requireNonNull(topic, "topic");
    if (partition < 0) {
      throw new IllegalArgumentException(
          "partition of " + topic + " must not be negative, got " + partition);
    }
    this.partition = partition;
    this.table = new OffsetTimeTable(maxPoints);
    this.commits = new CommitWindow(commitWindow);
  }

  /**
   * One poll.
   *
   * @param now when the offsets were read
   * @param endOffset the partition's log-end offset
   * @param committed the group's committed offset, empty when it has none
   * @param committedRecordTimestampMs timestamp of the record at the committed offset, for direct
   *     time lag; empty when it was not fetched
   * @return the partition's lag figures at this poll
   */
  public PartitionLag update(
      Instant now,
      long endOffset,
      OptionalLong committed,
      OptionalLong committedRecordTimestampMs) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(committedRecordTimestampMs, "committedRecordTimestampMs");
    long nowMs = now.toEpochMilli();
    table.add(nowMs, endOffset);

    if (committed.isEmpty()) {
      // No commit now: nothing to measure, but a group whose commits vanished still ages into STOP.
      LagStatus status =
          commits.isEmpty()
              ? LagStatus.OK
              : commits.status(nowMs, Math.max(0, endOffset - commits.lastOffset()));
      return new PartitionLag(
          topic,
          partition,
          endOffset,
          committed,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          status);
    }

    long offset = committed.getAsLong();
    long lag = Math.max(0, endOffset - offset);
    commits.observe(nowMs, offset, endOffset);
    Optional<Duration> interpolated =
        lag == 0 ? Optional.of(Duration.ZERO) : table.timeLag(offset, nowMs);
    Optional<Duration> direct;
    if (lag == 0) {
      direct = Optional.of(Duration.ZERO);
    } else if (committedRecordTimestampMs.isPresent()) {
      direct =
          Optional.of(
              Duration.ofMillis(Math.max(0, nowMs - committedRecordTimestampMs.getAsLong())));
    } else {
      direct = Optional.empty();
    }
    return new PartitionLag(
        topic,
        partition,
        endOffset,
        committed,
        interpolated,
        direct,
        commits.timeToClose(nowMs, offset, endOffset),
        commits.status(nowMs, lag));
  }

  /** The interpolation table as {offset, timeMs} pairs, oldest first (for tests). */
  long[][] tablePoints() {
    return table.points();
  }
}
