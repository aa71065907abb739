package dev.streamwright.monitor.lag;

import java.time.Duration;
import java.util.Optional;

/**
 * The last N commits of one group on one partition, and Burrow's evaluation of them.
 *
 * <p>Kafka's admin API gives the committed offset but not when it was committed, so a commit here
 * is a poll at which the committed offset differs from the previous commit's (the first offset seen
 * counts as one), stamped with that poll's time and the log-end offset then. Re-commits of the same
 * offset cannot be told apart from no commit at all; so "all commits in the window equal" (STALL)
 * means the window holds one offset that the last N polls all saw, and a consumer that moved and
 * then stopped moving becomes STOP once it has been still for longer than its last N commits took.
 *
 * <p>Rules, in Burrow's order (the first that applies wins, so a rewind outranks a stop, a stop a
 * stall, a stall a warning): OK if the lag is 0 now or was 0 at a commit in the window; REWIND if a
 * committed offset went down; STOP if {@code now - lastCommit > lastCommit - firstCommit} over two
 * or more commits; STALL as above with lag; WARN if the offsets advance but the lag never decreases
 * from one commit to the next; else OK. Not thread-safe.
 */
final class CommitWindow {

  private final long[] offsets;
  private final long[] ends;
  private final long[] times;
  private int start;
  private int size;
  private int pollsOfLast;

  CommitWindow(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("commitWindow must be at least 2, got " + capacity);
    }
    offsets = new long[capacity];
    ends = new long[capacity];
    times = new long[capacity];
  }

  /** Records one poll's committed offset and the log-end offset at that poll. */
  void observe(long nowMs, long committed, long endOffset) {
    if (size > 0 && offsets[index(size - 1)] == committed) {
      pollsOfLast++;
      return;
    }
    int slot;
    if (size == offsets.length) {
      slot = start;
      start = (start + 1) % offsets.length;
    } else {
      slot = index(size);
      size++;
    }
    offsets[slot] = committed;
    ends[slot] = endOffset;
    times[slot] = nowMs;
    pollsOfLast = 1;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The newest commit's offset; only when not empty. */
  long lastOffset() {
    return offsets[index(size - 1)];
  }

  /** Burrow's status at {@code nowMs}, given the lag now (end offset minus the last commit). */
  LagStatus status(long nowMs, long lagNow) {
    if (size == 0 || lagNow <= 0) {
      return LagStatus.OK;
    }
    for (int i = 0; i < size; i++) {
      if (lag(i) == 0) {
        return LagStatus.OK;
      }
    }
    for (int i = 1; i < size; i++) {
      if (offset(i) < offset(i - 1)) {
        return LagStatus.REWIND;
      }
    }
    long first = times[index(0)];
    long last = times[index(size - 1)];
    if (size >= 2 && nowMs - last > last - first) {
      return LagStatus.STOP;
    }
    if (size == 1) {
      return pollsOfLast >= offsets.length ? LagStatus.STALL : LagStatus.OK;
    }
    for (int i = 1; i < size; i++) {
      if (lag(i) < lag(i - 1)) {
        return LagStatus.OK;
      }
    }
    return LagStatus.WARN;
  }

  /**
   * Offset lag divided by the closing rate (consume rate minus produce rate), both measured from
   * the oldest commit since the last rewind to this poll (call after {@link #observe} of this
   * poll): zero without lag, empty when no time has passed since that commit (the first poll, or a
   * rewind at this poll), {@link PartitionLag#NEVER} when the gap is not closing.
   */
  Optional<Duration> timeToClose(long nowMs, long committed, long endOffset) {
    long lag = Math.max(0, endOffset - committed);
    if (lag == 0) {
      return Optional.of(Duration.ZERO);
    }
    if (size == 0) {
      return Optional.empty();
    }
    int base = 0;
    for (int i = 1; i < size; i++) {
      if (offset(i) < offset(i - 1)) {
        base = i;
      }
    }
    double seconds = (nowMs - times[index(base)]) / 1000.0;
    if (seconds <= 0) {
      return Optional.empty();
    }
    double consumeRate = (committed - offset(base)) / seconds;
    double produceRate = (endOffset - ends[index(base)]) / seconds;
    double closing = consumeRate - produceRate;
    if (closing <= 0) {
      return Optional.of(PartitionLag.NEVER);
    }
    double toClose = lag / Math.max(closing, EPSILON_PER_SECOND);
    if (!(toClose < MAX_SECONDS)) {
      return Optional.of(PartitionLag.NEVER);
    }
    return Optional.of(Duration.ofMillis(Math.round(toClose * 1000)));
  }

  /** The smallest closing rate divided by, in records per second. */
  static final double EPSILON_PER_SECOND = 1e-6;

  /** Beyond about 290 million years a time to close is shown as never. */
  private static final double MAX_SECONDS = Long.MAX_VALUE / 1000.0;

  private long offset(int i) {
    return offsets[index(i)];
  }

  private long lag(int i) {
    int slot = index(i);
    return Math.max(0, ends[slot] - offsets[slot]);
  }

  private int index(int i) {
    return (start + i) % offsets.length;
  }
}
