package dev.streamwright.runtime.api;

import java.time.Duration;
import java.util.List;

/**
 * The rows of one preview sink as they arrive. Consumers drain it in batches, which is what lets a
 * UI coalesce updates instead of reacting per row.
 */
public interface ResultStream extends AutoCloseable {

  /** The sink's column names. */
  List<String> columns();

  /**
   * Waits up to {@code timeout} for at least one row and returns what is there, at most {@code max}
   * rows. Returns an empty list on time-out or when the stream has ended.
   */
  List<ResultRow> poll(Duration timeout, int max) throws InterruptedException;

  /** Whether the job has ended and every row has been taken. */
  boolean isEnded();

  /** Stops following the sink; the job keeps running. */
  @Override
  void close();
}
