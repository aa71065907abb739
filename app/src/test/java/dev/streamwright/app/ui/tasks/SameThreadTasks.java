package dev.streamwright.app.ui.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link TaskExecutor} for view-model tests: background work and UI callbacks run at once on the
 * test's thread, and delayed actions wait until the test {@link #fireDue() fires} them, so tests
 * control time without sleeping.
 */
public final class SameThreadTasks implements TaskExecutor {

  private record Delayed(Duration delay, Runnable action, boolean[] cancelled) {}

  private final List<Delayed> delayed = new ArrayList<>();
  private final List<String> ran = new ArrayList<>();

  @Override
  public <T> CompletableFuture<T> supply(String what, Callable<T> work) {
    ran.add(what);
    try {
      return CompletableFuture.completedFuture(work.call());
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Executor ui() {
    return Runnable::run;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable action) {
    boolean[] cancelled = {false};
    delayed.add(new Delayed(delay, action, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Runs the delayed actions that were not cancelled; returns how many ran. */
  public int fireDue() {
    List<Delayed> due = new ArrayList<>(delayed);
    delayed.clear();
    int n = 0;
    for (Delayed d : due) {
      if (!d.cancelled()[0]) {
        d.action().run();
        n++;
      }
    }
    return n;
  }

  /** The delayed actions still waiting and not cancelled. */
  public long pending() {
    return delayed.stream().filter(d -> !d.cancelled()[0]).count();
  }

  /** What background work ran, by description, in order. */
  public List<String> ran() {
    return ran;
  }

  @Override
  public void close() {}
}
