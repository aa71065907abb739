package dev.streamwright.app.ui.tasks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's {@link TaskExecutor}: a pool of daemon threads for background work, one timer thread
 * for delays, and {@link Platform#runLater} to come back to the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

  /**
   * How long closing waits for work in flight: long enough for a last save (tens of milliseconds)
   * and a job stop (about a second), short enough that a stuck task never holds the exit up.
   */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final ExecutorService workers = Executors.newCachedThreadPool(daemons("studio-task"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemons("studio-timer"));

  @Override
  public <T> CompletableFuture<T> supply(String what, Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    workers.execute(
        () -> {
          Thread self = Thread.currentThread();
          String name = self.getName();
          self.setName(name + " (" + what + ")");
          try {
            result.complete(work.call());
          } catch (Exception | Error e) {
            LOG.debug("Background task '{}' failed", what, e);
            result.completeExceptionally(e);
          } finally {
            self.setName(name);
          }
        });
    return result;
  }

  @Override
  public java.util.concurrent.Executor ui() {
    return Platform::runLater;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable action) {
    ScheduledFuture<?> future =
        timer.schedule(() -> Platform.runLater(action), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Background tasks still running after {} s; leaving them", CLOSE_WAIT.toSeconds());
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
