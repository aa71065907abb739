package dev.streamwright.monitor.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Raw trimming, downsampling, bounds, export/import and concurrent use of the series store. */
class SeriesStoreTest {

  /** A multiple of one minute and of 10 s, so buckets start at T0 + k * bucket. */
  static final long T0 = 1_700_000_040_000L;

  static final SeriesKey RATE = new SeriesKey("records_out_per_s", "node:score");
  static final SeriesKey LAG = new SeriesKey("lag_records", "group:fraud");

  /** Raw 60 s, history 60 s, buckets of 10 s. */
  static SeriesStore small() {
    return new SeriesStore(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
  }

  @Test
  void rawKeepsTheRawSpanBeforeTheNewestPoint() {
    SeriesStore store = small();
    for (int s = 0; s <= 120; s += 10) {
      store.record(RATE, T0 + s * 1000L, s);
    }
    // Newest at 120 s: points at >= 120 - 60 = 60 s stay: 60, 70, ..., 120 (7 points).
    List<SeriesPoint> raw = store.raw(RATE);
    assertThat(raw).hasSize(7);
    assertThat(raw.get(0)).isEqualTo(new SeriesPoint(T0 + 60_000, 60));
    assertThat(raw.get(6)).isEqualTo(new SeriesPoint(T0 + 120_000, 120));
  }

  @Test
  void bucketsHoldMinMaxAvgAndCount() {
    SeriesStore store = small();
    store.record(RATE, T0, 3.0);
    store.record(RATE, T0 + 2_000, 1.0);
    store.record(RATE, T0 + 9_999, 8.0);
    store.record(RATE, T0 + 10_000, 5.0);

    // [0, 10 s): 3, 1, 8 -> min 1, max 8, avg 12 / 3 = 4; [10, 20 s): 5 alone.
    assertThat(store.history(RATE))
        .containsExactly(
            new SeriesBucket(T0, 1.0, 8.0, 4.0, 3), new SeriesBucket(T0 + 10_000, 5, 5, 5, 1));
  }

  @Test
  void historyKeepsTheHistorySpanBeforeTheNewestBucket() {
    SeriesStore store = small();
    for (int s = 0; s <= 100; s += 10) {
      store.record(LAG, T0 + s * 1000L, s);
    }
    // 11 buckets written; starts > 100 - 60 = 40 s stay: 50, 60, ..., 100 (6 buckets).
    List<SeriesBucket> history = store.history(LAG);
    assertThat(history).extracting(SeriesBucket::startMs).first().isEqualTo(T0 + 50_000);
    assertThat(history).hasSize(6);
  }

  @Test
  void theDefaultStoreKeeps24HoursOfMinuteBucketsAnd15MinutesOfRawPoints() {
    SeriesStore store = new SeriesStore();
    for (int minute = 0; minute < 25 * 60; minute++) {
      store.record(RATE, T0 + minute * 60_000L, minute);
    }
    // 1500 minutes written, 24 h = 1440 one-minute buckets kept: minutes 60 .. 1499.
    assertThat(store.history(RATE)).hasSize(1440);
    assertThat(store.history(RATE).get(0).startMs()).isEqualTo(T0 + 60 * 60_000L);
    assertThat(store.history(RATE))
        .extracting(SeriesBucket::startMs)
        .isSortedAccordingTo(Long::compare)
        .doesNotHaveDuplicates();
    assertThat(store.history(RATE).get(1439).avg()).isEqualTo(1499);
    // Raw: minutes >= 1499 - 15 = 1484, i.e. 1484 .. 1499 (16 points), oldest first.
    assertThat(store.raw(RATE)).hasSize(16);
    assertThat(store.raw(RATE).get(0).value()).isEqualTo(1484);
    assertThat(store.raw(RATE).get(15).value()).isEqualTo(1499);
  }

  @Test
  void ringsGrowWhileWrappedAndStayInOrder() {
    SeriesStore store =
        new SeriesStore(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofSeconds(1));
    // One point per 10 s for 2 h: both rings fill, trim from their head and wrap...
    for (int s = 0; s < 7200; s += 10) {
      store.record(RATE, T0 + s * 1000L, s);
    }
    // ...then one per second for 30 min: they grow while wrapped.
    for (int s = 7200; s < 9000; s++) {
      store.record(RATE, T0 + s * 1000L, s);
    }
    // Newest 8999 s. Raw keeps >= 8999 - 900 = 8099 s: all 1 s points from 8099 to 8999 (901).
    List<SeriesPoint> raw = store.raw(RATE);
    assertThat(raw).hasSize(901);
    assertThat(raw.get(0).value()).isEqualTo(8099);
    assertThat(raw).extracting(SeriesPoint::epochMs).isSortedAccordingTo(Long::compare);
    // History keeps 1 s buckets starting after 8999 - 3600 = 5399 s: the 10 s points 5400..7190
    // (180) and the 1 s points 7200..8999 (1800).
    List<SeriesBucket> history = store.history(RATE);
    assertThat(history).hasSize(1980);
    assertThat(history.get(0).avg()).isEqualTo(5400);
    assertThat(history.get(1979).avg()).isEqualTo(8999);
    assertThat(history)
        .extracting(SeriesBucket::startMs)
        .isSortedAccordingTo(Long::compare)
        .doesNotHaveDuplicates();
  }

  @Test
  void rawPointsPerSeriesAreCapped() {
    SeriesStore store = new SeriesStore();
    for (int i = 0; i < 10_000; i++) {
      store.record(RATE, T0 + i, i); // one per ms: all within 15 min
    }
    List<SeriesPoint> raw = store.raw(RATE);
    assertThat(raw).hasSize(SeriesStore.MAX_RAW_POINTS);
    assertThat(raw.get(0).value()).isEqualTo(10_000 - 8192); // the oldest 1808 went early
  }

  @Test
  void anOutOfOrderPointCountsInItsBucketButNotAmongRawPoints() {
    SeriesStore store = small();
    store.record(RATE, T0 + 15_000, 2);
    store.record(RATE, T0 + 25_000, 4);
    store.record(RATE, T0 + 12_000, 6); // late, bucket [10, 20 s) exists
    store.record(RATE, T0 + 1_000, 10); // late, bucket [0, 10 s) goes in before it

    assertThat(store.raw(RATE)).extracting(SeriesPoint::value).containsExactly(2.0, 4.0);
    assertThat(store.history(RATE))
        .containsExactly(
            new SeriesBucket(T0, 10, 10, 10, 1),
            new SeriesBucket(T0 + 10_000, 2, 6, 4, 2), // (2 + 6) / 2
            new SeriesBucket(T0 + 20_000, 4, 4, 4, 1));
  }

  @Test
  void unknownSeriesAreEmptyAndNonFiniteValuesAreSkipped() {
    SeriesStore store = small();
    assertThat(store.raw(RATE)).isEmpty();
    assertThat(store.history(RATE)).isEmpty();
    assertThat(store.keys()).isEmpty();

    store.record(RATE, T0, Double.NaN);
    store.record(RATE, T0, Double.POSITIVE_INFINITY);
    assertThat(store.version()).isZero();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void versionIncreasesOnEveryRecordAndImport() {
    SeriesStore store = small();
    store.record(RATE, T0, 1);
    store.record(LAG, T0, 1);
    assertThat(store.version()).isEqualTo(2);
    assertThat(store.keys()).containsExactlyInAnyOrder(RATE, LAG);
    store.importHistory(Map.of());
    assertThat(store.version()).isEqualTo(3);
  }

  @Test
  void exportAndImportRoundTrip() {
    SeriesStore store = new SeriesStore();
    for (int s = 0; s < 3600; s += 5) {
      store.record(RATE, T0 + s * 1000L, Math.sin(s) * 100); // avgs that are not round numbers
      store.record(LAG, T0 + s * 1000L, s % 7);
    }
    Map<SeriesKey, List<SeriesBucket>> exported = store.exportHistory();
    assertThat(exported.get(RATE)).hasSize(60); // one hour of minutes

    SeriesStore reopened = new SeriesStore();
    reopened.importHistory(exported);
    assertThat(reopened.exportHistory()).isEqualTo(exported);
    assertThat(reopened.raw(RATE)).isEmpty(); // raw points are not persisted
    assertThat(reopened.keys()).containsExactlyInAnyOrder(RATE, LAG);
  }

  @Test
  void importCombinesWithBucketsAlreadyThere() {
    SeriesStore store = small();
    store.record(RATE, T0 + 1_000, 0);
    store.record(RATE, T0 + 2_000, 2);
    store.importHistory(
        Map.of(
            RATE,
            List.of(
                new SeriesBucket(T0 + 3_000, 1, 8, 4, 3), // realigned to the bucket at T0
                new SeriesBucket(T0 - 10_000, 5, 5, 5, 0), // empty: dropped
                new SeriesBucket(T0 - 120_000, 5, 5, 5, 1)))); // outside the 60 s history

    // min(0, 1) = 0, max(2, 8) = 8, avg (1 * 2 + 4 * 3) / 5 = 14 / 5 = 2.8, count 5.
    assertThat(store.history(RATE)).containsExactly(new SeriesBucket(T0, 0, 8, 2.8, 5));
  }

  @Test
  void rejectsSpansThatCannotWork() {
    assertThatThrownBy(
            () ->
                new SeriesStore(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket");
    assertThatThrownBy(
            () -> new SeriesStore(Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("raw");
  }

  @Test
  void writersAndReadersAtOnce() throws Exception {
    SeriesStore store = new SeriesStore();
    int writers = 4;
    int points = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        SeriesKey own = new SeriesKey("m", "writer:" + w);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < points; i++) {
                    store.record(own, T0 + i * 1000L, i);
                    store.record(RATE, T0 + i * 1000L, 1);
                  }
                }));
      }
      Future<?> reader =
          pool.submit(
              () -> {
                while (!done.get()) {
                  for (SeriesKey key : store.keys()) {
                    List<SeriesPoint> raw = store.raw(key);
                    for (int i = 1; i < raw.size(); i++) {
                      assertThat(raw.get(i).epochMs())
                          .isGreaterThanOrEqualTo(raw.get(i - 1).epochMs());
                    }
                    store.history(key);
                  }
                  store.exportHistory();
                }
              });
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      reader.get(60, TimeUnit.SECONDS);
    } finally {
      done.set(true);
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(store.version()).isEqualTo(2L * writers * points);
    // Every write to the shared series counted: 20,000 s = 334 minute buckets (the last one
    // partial), holding 4 writers x 20,000 points.
    assertThat(store.history(RATE).stream().mapToLong(SeriesBucket::count).sum())
        .isEqualTo((long) writers * points);
    assertThat(store.history(new SeriesKey("m", "writer:0")).get(0).count()).isEqualTo(60);
  }
}
