package dev.streamwright.plugin.onnx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers items into batches of at most {@code maxItems}, handing a batch on as soon as it is full
 * or when its first item has waited {@code maxWait}, whichever comes first.
 *
 * <p>A full batch runs on the thread that added its last item (in Flink, the task thread, which
 * would otherwise wait for the result anyway); a batch cut by time runs on the batcher's own timer
 * thread. {@code flush} must not throw: it reports failures through the items themselves.
 *
 * @param <T> what is batched
 */
final class MicroBatcher<T> implements AutoCloseable {

  /** A small model scores a batch in microseconds; ten seconds means ONNX Runtime is stuck. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final int maxItems;
  private final long maxWaitNanos;
  private final Consumer<List<T>> flush;
  private final ScheduledThreadPoolExecutor timer;

  private List<T> pending;

  /** When the first item of {@link #pending} came, by {@link System#nanoTime()}. */
  private long firstAt;

  /** Whether a timer check is scheduled; it re-arms itself while a batch is waiting. */
  private boolean timerArmed;

  private boolean closed;

  /**
   * @param threadName name of the timer thread, so a thread dump says whose batches it cuts
   */
  MicroBatcher(int maxItems, Duration maxWait, Consumer<List<T>> flush, String threadName) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
    }
    this.maxItems = maxItems;
    this.maxWaitNanos = Math.max(0, maxWait.toNanos());
    this.flush = flush;
    this.pending = new ArrayList<>(maxItems);
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    // The armed check is dropped at close, not waited for; a check already running is waited for.
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Adds an item; runs the batch here when the item fills it.
   *
   * <p>The timer is not scheduled and cancelled per batch: at hundreds of thousands of rows a
   * second that was thousands of timer-queue operations and thread wake-ups a second. One check
   * stays armed while batches keep coming and re-arms itself for the batch waiting at the time.
   */
  void add(T item) {
    List<T> full = null;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The batcher is closed");
      }
      pending.add(item);
      if (pending.size() >= maxItems) {
        full = take();
      } else if (pending.size() == 1) {
        firstAt = System.nanoTime();
        if (!timerArmed) {
          arm(maxWaitNanos);
        }
      }
    }
    if (full != null) {
      flush.accept(full);
    }
  }

  /** Called with the lock held. */
  private void arm(long delayNanos) {
    timerArmed = true;
    timer.schedule(this::onTimer, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Runs the waiting batch once its first item has waited {@code maxWait}, else checks again. */
  private void onTimer() {
    List<T> due = null;
    synchronized (this) {
      timerArmed = false;
      if (closed || pending.isEmpty()) {
        return;
      }
      long left = firstAt + maxWaitNanos - System.nanoTime();
      if (left <= 0) {
        due = take();
      } else {
        arm(left);
      }
    }
    if (due != null) {
      flush.accept(due);
    }
  }

  private List<T> take() {
    List<T> batch = pending;
    pending = new ArrayList<>(maxItems);
    return batch;
  }

  /**
   * Stops the timer, waits for a batch it may be running, and returns the items still waiting,
   * which will never be flushed: the caller fails them. Waiting matters because the caller closes
   * the ONNX session next, which must not happen under a running batch.
   */
  List<T> closeAndDrain() {
    List<T> left;
    synchronized (this) {
      closed = true;
      left = take();
    }
    timer.shutdown();
    try {
      if (!timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
    return left;
  }

  @Override
  public void close() {
    closeAndDrain();
  }
}
