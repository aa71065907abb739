package dev.streamwright.monitor.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment's Flink job at one poll: its health as a whole.
 *
 * @param jobId the Flink job id
 * @param state Flink's job state, e.g. {@code RUNNING}, {@code RESTARTING}
 * @param startedAt when the job started
 * @param uptime how long it has run
 * @param restarts how often it restarted
 * @param rootCauses the most recent failures' root causes in words, newest first (bounded)
 * @param checkpoints its checkpoints
 * @param watermarkLag now minus the lowest input watermark over the job's vertices
 */
public record JobFigures(
    String jobId,
    String state,
    Instant startedAt,
    Duration uptime,
    long restarts,
    List<String> rootCauses,
    CheckpointFigures checkpoints,
    Optional<Duration> watermarkLag) {

  public JobFigures {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
    rootCauses = List.copyOf(rootCauses);
    Objects.requireNonNull(checkpoints, "checkpoints");
    Objects.requireNonNull(watermarkLag, "watermarkLag");
  }
}
