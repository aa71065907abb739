package dev.streamwright.monitor.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's checkpoints at one poll, from Flink's {@code /jobs/{jid}/checkpoints}.
 *
 * @param completed checkpoints completed since the job started
 * @param failed checkpoints that failed
 * @param inProgress checkpoints in progress
 * @param lastDuration how long the last completed one took
 * @param lastSizeBytes its size in bytes (state size); 0 when none completed
 * @param lastCompletedAt when it completed
 */
public record CheckpointFigures(
    long completed,
    long failed,
    long inProgress,
    Optional<Duration> lastDuration,
    long lastSizeBytes,
    Optional<Instant> lastCompletedAt) {

  /** A job without checkpoints (or not yet known). */
  public static final CheckpointFigures NONE =
      new CheckpointFigures(0, 0, 0, Optional.empty(), 0, Optional.empty());

  public CheckpointFigures {
    Objects.requireNonNull(lastDuration, "lastDuration");
    Objects.requireNonNull(lastCompletedAt, "lastCompletedAt");
  }
}
