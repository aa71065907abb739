package dev.streamwright.plugin.onnx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
  private final ScheduledExecutorService timer;

  private List<T> pending;
  private ScheduledFuture<?> deadline;
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
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** Adds an item; runs the batch here when the item fills it. */
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
        List<T> batch = pending;
        deadline = timer.schedule(() -> flushIfStill(batch), maxWaitNanos, TimeUnit.NANOSECONDS);
      }
    }
    if (full != null) {
      flush.accept(full);
    }
  }

  /** Runs {@code batch} if it is still the one waiting: a full batch may have left meanwhile. */
  private void flushIfStill(List<T> batch) {
    List<T> due = null;
    synchronized (this) {
      if (pending == batch && !pending.isEmpty()) {
        due = take();
      }
    }
    if (due != null) {
      flush.accept(due);
    }
  }

  private List<T> take() {
    List<T> batch = pending;
    pending = new ArrayList<>(maxItems);
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
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
