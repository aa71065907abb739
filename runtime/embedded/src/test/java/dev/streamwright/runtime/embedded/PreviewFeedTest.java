package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

class PreviewFeedTest {

  private static PreviewFeed feedOf(List<Row> rows) {
    PreviewFeed feed =
        new PreviewFeed(
            "sink", List.of("id"), CloseableIterator.adapterForIterator(rows.iterator()));
    feed.start();
    return feed;
  }

  private static List<Row> ids(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> Row.of((long) i)).collect(Collectors.toList());
  }

  private static List<ResultRow> drain(ResultStream stream) throws InterruptedException {
    List<ResultRow> all = new ArrayList<>();
    while (!stream.isEnded()) {
      all.addAll(stream.poll(Duration.ofSeconds(5), 1_000));
    }
    return all;
  }

  @Test
  void keepsOnlyTheNewestRowsWhenNobodyReads() throws Exception {
    PreviewFeed feed = feedOf(ids(PreviewFeed.CAPACITY + 500));
    assertThat(feed.awaitDrained(Duration.ofSeconds(10))).isTrue();

    List<ResultRow> rows = drain(new EmbeddedResultStream(feed));

    assertThat(rows).hasSize(PreviewFeed.CAPACITY);
    assertThat(rows.get(0).get("id")).isEqualTo(501L);
    assertThat(rows.get(rows.size() - 1).get("id")).isEqualTo((long) PreviewFeed.CAPACITY + 500);
  }

  @Test
  void eachReaderFollowsAtItsOwnPace() throws Exception {
    PreviewFeed feed = feedOf(ids(30));
    ResultStream table = new EmbeddedResultStream(feed);
    ResultStream chart = new EmbeddedResultStream(feed);

    List<ResultRow> firstTen = new ArrayList<>();
    while (firstTen.size() < 10) {
      firstTen.addAll(table.poll(Duration.ofSeconds(5), 10 - firstTen.size()));
    }
    List<ResultRow> chartRows = drain(chart);
    List<ResultRow> tableRest = drain(table);

    assertThat(firstTen).extracting(r -> r.get("id")).startsWith(1L, 2L);
    assertThat(chartRows).hasSize(30);
    assertThat(tableRest).hasSize(20);
    assertThat(tableRest.get(0).get("id")).isEqualTo(11L);
  }

  @Test
  void pollTimesOutEmptyWhileTheJobRunsWithoutRows() throws Exception {
    PreviewFeed feed = new PreviewFeed("sink", List.of("id"), new BlockingIterator());
    feed.start();
    try (ResultStream stream = new EmbeddedResultStream(feed)) {
      long started = System.nanoTime();
      assertThat(stream.poll(Duration.ofMillis(200), 10)).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(190));
      assertThat(stream.isEnded()).isFalse();
    }
    feed.close(Duration.ofMillis(100));
  }

  @Test
  void rowKindsAndValuesArePlain() throws Exception {
    Row update = Row.ofKind(RowKind.UPDATE_AFTER, 3, 1.5f, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
    PreviewFeed feed =
        new PreviewFeed(
            "sink",
            List.of("n", "f", "at"),
            CloseableIterator.adapterForIterator(List.of(update).iterator()));
    feed.start();

    List<ResultRow> rows = drain(new EmbeddedResultStream(feed));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).kind()).isEqualTo("+U");
    assertThat(rows.get(0).values()).containsExactly(3L, 1.5, "2024-05-06T07:08:09.000");
  }

  /** A running job that produces nothing until closed. */
  private static final class BlockingIterator implements CloseableIterator<Row> {
    private final java.util.concurrent.CountDownLatch closed =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public boolean hasNext() {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    @Override
    public Row next() {
      throw new java.util.NoSuchElementException();
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
