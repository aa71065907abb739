package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One reader of a preview sink's rows. Each reader has its own position, so a table and a chart can
 * follow the same sink; a new reader starts at the oldest row the feed still keeps.
 */
final class EmbeddedResultStream implements ResultStream {

  private final PreviewFeed feed;
  private final AtomicLong cursor = new AtomicLong();
  private final Object reading = new Object();
  private volatile boolean closed;

  EmbeddedResultStream(PreviewFeed feed) {
    this.feed = feed;
  }

  @Override
  public List<String> columns() {
    return feed.columns();
  }

  @Override
  public List<ResultRow> poll(Duration timeout, int max) throws InterruptedException {
    if (closed) {
      return List.of();
    }
    synchronized (reading) {
      return feed.read(cursor, timeout, max, () -> closed);
    }
  }

  @Override
  public boolean isEnded() {
    return closed || feed.isEnded(cursor.get());
  }

  @Override
  public void close() {
    closed = true;
    feed.wakeReaders();
  }
}
