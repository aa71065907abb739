package dev.streamwright.app.ui.tasks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where the studio's slow work runs: file and workspace I/O, compiles, planner checks, deploys and
 * preview polling go to background threads, and their results come back to the FX thread through
 * {@link #ui()}. One instance per studio, passed to every view model that needs it, so nothing
 * blocks the FX thread and tests run the same code paths.
 */
public interface TaskExecutor extends AutoCloseable {

  /**
   * Runs {@code work} on a background thread.
   *
   * @param what what the work does, for thread names and the log
   * @return completes on the background thread with the work's result or exception; continue on the
   *     FX thread with {@code whenCompleteAsync(..., ui())}
   */
  <T> CompletableFuture<T> supply(String what, Callable<T> work);

  /** Runs {@code work} on a background thread; see {@link #supply}. */
  default CompletableFuture<Void> run(String what, Runnable work) {
    return supply(
        what,
        () -> {
          work.run();
          return null;
        });
  }

  /** Runs actions on the FX thread, in order. */
  Executor ui();

  /**
   * Runs {@code action} on the FX thread once {@code delay} has passed, unless cancelled first.
   * Debounced saves use it.
   */
  Scheduled schedule(Duration delay, Runnable action);

  /** Waits for running work to finish (bounded), then stops the threads. */
  @Override
  void close();

  /** A delayed action that can still be withdrawn. */
  @FunctionalInterface
  interface Scheduled {
    /** Withdraws the action if it has not started yet. */
    void cancel();
  }
}
