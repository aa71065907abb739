package dev.streamwright.runtime.api;

import java.time.Instant;

/**
 * A completed checkpoint or savepoint of a job, as its cluster reports it.
 *
 * @param id Flink's checkpoint id
 * @param completedAt when the last task acknowledged it
 * @param sizeBytes the size of its state
 * @param path where it lies (a path or URI the cluster wrote); empty when it is not retained
 * @param savepoint whether it is a savepoint rather than a checkpoint
 */
public record CheckpointInfo(
    long id, Instant completedAt, long sizeBytes, String path, boolean savepoint) {

  public CheckpointInfo {
    path = path == null ? "" : path;
  }
}
