package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.ResultRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one preview sink: a daemon thread drains Flink's collect iterator into a ring of the
 * newest {@link #CAPACITY} rows, which any number of {@link EmbeddedResultStream}s read at their
 * own pace.
 *
 * <p>The drain never waits for readers. The preview runs in the same Flink job as the pipeline's
 * real sinks, and Flink's collect sink back-pressures the whole job once its small buffer is full:
 * a studio table that nobody scrolls must not stall a Kafka or file sink. So the feed keeps
 * draining and forgets the oldest rows instead; a preview shows recent rows, and memory stays
 * bounded for unbounded sources.
 */
final class PreviewFeed {

  /**
   * Rows kept per preview sink: a few screens of a table and enough points for a live chart, while
   * 10,000 rows of a dozen columns stay in the low megabytes.
   */
  static final int CAPACITY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(PreviewFeed.class);

  private final String sink;
  private final List<String> columns;
  private final List<Integer> fractionDigits;
  private final CloseableIterator<Row> iterator;
  private final Object lock = new Object();
  private final ResultRow[] ring = new ResultRow[CAPACITY];
  private final Thread drain;

  /** Sequence number of the next row to arrive; rows {@code [next - CAPACITY, next)} are kept. */
  private long next;

  private boolean ended;
  private volatile boolean closing;

  PreviewFeed(String sink, List<String> columns, CloseableIterator<Row> iterator) {
    this(sink, columns, List.of(), iterator);
  }

  /**
   * A feed whose times are written with the given fractional digits per column ({@link
   * RowValues#of(Row, List)}).
   */
  PreviewFeed(
      String sink,
      List<String> columns,
      List<Integer> fractionDigits,
      CloseableIterator<Row> iterator) {
    this.sink = sink;
    this.columns = List.copyOf(columns);
    this.fractionDigits = List.copyOf(fractionDigits);
    this.iterator = iterator;
    this.drain = new Thread(this::drain, "streamwright-preview-" + sink);
    this.drain.setDaemon(true);
  }

  String sink() {
    return sink;
  }

  List<String> columns() {
    return columns;
  }

  /** Starts draining; call once the job that feeds the iterator has been submitted. */
  void start() {
    drain.start();
  }

  private void drain() {
    try {
      while (!closing && iterator.hasNext()) {
        Row row = iterator.next();
        append(
            new ResultRow(
                sink, row.getKind().shortString(), columns, RowValues.of(row, fractionDigits)));
      }
    } catch (RuntimeException e) {
      // A failed or cancelled job ends the iterator with an exception; the job status says why.
      if (!closing) {
        LOG.debug("Preview '{}' stopped receiving rows", sink, e);
      }
    } finally {
      synchronized (lock) {
        ended = true;
        lock.notifyAll();
      }
    }
  }

  private void append(ResultRow row) {
    synchronized (lock) {
      ring[(int) (next % CAPACITY)] = row;
      next++;
      if (next == CAPACITY + 1) {
        LOG.debug("Preview '{}' passed {} rows; dropping the oldest from now on", sink, CAPACITY);
      }
      lock.notifyAll();
    }
  }

  /**
   * Waits up to {@code timeout} for a row at or after {@code cursor} and returns at most {@code
   * max} of them, advancing the cursor. A cursor that fell behind the kept rows skips to the oldest
   * kept row.
   */
  List<ResultRow> read(AtomicLong cursor, Duration timeout, int max, BooleanSupplier stop)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (cursor.get() >= next && !ended && !stop.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return List.of();
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      long from = Math.max(cursor.get(), Math.max(0, next - CAPACITY));
      int n = (int) Math.min(Math.max(0, max), next - from);
      List<ResultRow> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(ring[(int) ((from + i) % CAPACITY)]);
      }
      cursor.set(from + n);
      return out;
    }
  }

  /** Whether the job ended and a reader at {@code cursor} has taken every row. */
  boolean isEnded(long cursor) {
    synchronized (lock) {
      return ended && cursor >= next;
    }
  }

  /** Waits until the drain has taken the last row of the job, or the wait passes. */
  boolean awaitDrained(Duration wait) throws InterruptedException {
    drain.join(Math.max(1, wait.toMillis()));
    return !drain.isAlive();
  }

  /** Wakes readers, e.g. when one of them closes. */
  void wakeReaders() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /**
   * Stops draining. Closing Flink's collect iterator also cancels its job if it still runs, so this
   * is only called when the deployment is being stopped or the runtime closed.
   */
  void close(Duration wait) {
    closing = true;
    try {
      iterator.close();
    } catch (Exception e) {
      LOG.debug("Closing the collect iterator of preview '{}' failed", sink, e);
    }
    try {
      drain.join(Math.max(1, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drain.isAlive()) {
      LOG.debug("Preview '{}' still draining after {}; interrupting it", sink, wait);
      drain.interrupt();
    }
    synchronized (lock) {
      ended = true;
      lock.notifyAll();
    }
  }
}
