package dev.streamwright.plugin.onnx.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.table.data.GenericArrayData;
import org.junit.jupiter.api.Test;

class TapRecorderTest {

  private final AtomicLong now = new AtomicLong(60_000 * 10 + 5);

  private TapRecorder recorder(TapKind... kinds) {
    return new TapRecorder(60_000, List.of(kinds), now::get, 42);
  }

  private static NumericWindow numeric(String text) {
    return (NumericWindow) TapWire.decode(text).orElseThrow();
  }

  private static CategoricalWindow categorical(String text) {
    return (CategoricalWindow) TapWire.decode(text).orElseThrow();
  }

  @Test
  void numbersFromAnArrayCountLikeNumbersPassedOneByOne() {
    TapRecorder r = recorder(TapKind.NUMERIC, TapKind.NUMERIC, TapKind.CATEGORICAL);
    r.record(new GenericArrayData(new Double[] {1.0, null}), new Object[] {"x", "a"}, 1);
    r.record(new GenericArrayData(new Double[] {2.5, Double.NaN}), new Object[] {null}, 0);
    r.record(null, new Object[] {"b"}, 0);
    now.set(60_000 * 11);
    r.record(new GenericArrayData(new Double[] {100.0, 100.0}), new Object[] {"late"}, 0);
    NumericWindow first = numeric(r.text(0));
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.missing()).isEqualTo(1);
    assertThat(first.sum()).isEqualTo(3.5);
    assertThat(first.sample()).containsExactlyInAnyOrder(1.0, 2.5);
    NumericWindow second = numeric(r.text(1));
    assertThat(second.count()).isZero();
    assertThat(second.missing()).isEqualTo(3);
    CategoricalWindow c = categorical(r.text(2));
    assertThat(c.counts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("a", 1L, "b", 1L));
    assertThat(c.missing()).isEqualTo(1);
  }

  @Test
  void nothingIsReportedBeforeTheFirstWindowCloses() {
    TapRecorder r = recorder(TapKind.NUMERIC);
    r.record(new Object[] {1.0}, 0);
    now.set(60_000 * 11 - 1);
    assertThat(r.text(0)).isEqualTo(TapWire.NONE);
  }

  @Test
  void theWindowClosesAtTheFirstRowAfterItsEnd() {
    TapRecorder r = recorder(TapKind.NUMERIC, TapKind.CATEGORICAL);
    r.record(new Object[] {"x", "y", 1, "a"}, 2);
    r.record(new Object[] {2.5, true}, 0);
    r.record(new Object[] {new java.math.BigDecimal("3.5"), "a"}, 0);
    now.set(60_000 * 11);
    r.record(new Object[] {100L, "late"}, 0);
    NumericWindow n = numeric(r.text(0));
    assertThat(n.start()).isEqualTo(600_000);
    assertThat(n.length()).isEqualTo(60_000);
    assertThat(n.count()).isEqualTo(3);
    assertThat(n.sum()).isEqualTo(7.0);
    assertThat(n.sumOfSquares()).isEqualTo(1 + 6.25 + 12.25);
    assertThat(n.min()).isEqualTo(1.0);
    assertThat(n.max()).isEqualTo(3.5);
    assertThat(n.sample()).containsExactlyInAnyOrder(1.0, 2.5, 3.5);
    CategoricalWindow c = categorical(r.text(1));
    assertThat(c.counts())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("a", 2L, "true", 1L));
    assertThat(c.count()).isEqualTo(3);
    // The row that closed it belongs to the next window.
    now.set(60_000 * 12);
    assertThat(numeric(r.text(0)).sum()).isEqualTo(100.0);
    assertThat(categorical(r.text(1)).counts()).containsOnlyKeys("late");
  }

  @Test
  void aQuietPipelineReportsAnEmptyWindowWhenTheGaugeIsRead() {
    TapRecorder r = recorder(TapKind.NUMERIC, TapKind.CATEGORICAL);
    r.record(new Object[] {1.0, "a"}, 0);
    now.set(60_000 * 11 + 30_000);
    assertThat(numeric(r.text(0)).count()).isEqualTo(1);
    // No rows for the whole next window: its gauge read reports it empty, not the old one.
    now.set(60_000 * 12 + 1);
    NumericWindow n = numeric(r.text(0));
    assertThat(n.start()).isEqualTo(660_000);
    assertThat(n.count()).isZero();
    assertThat(n.sample()).isEmpty();
    assertThat(n.min()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(categorical(r.text(1)).count()).isZero();
  }

  @Test
  void rowsOlderThanTheLastWindowAreNotReportedAsIt() {
    TapRecorder r = recorder(TapKind.NUMERIC);
    r.record(new Object[] {1.0}, 0);
    now.set(60_000 * 15 + 7);
    r.record(new Object[] {2.0}, 0);
    NumericWindow n = numeric(r.text(0));
    assertThat(n.start()).isEqualTo(60_000 * 14);
    assertThat(n.count()).isZero();
  }

  @Test
  void missingValuesAreCountedApart() {
    TapRecorder r = recorder(TapKind.NUMERIC, TapKind.CATEGORICAL);
    r.record(new Object[] {null, null}, 0);
    r.record(new Object[] {Double.NaN, "a"}, 0);
    r.record(new Object[] {Float.POSITIVE_INFINITY, "b"}, 0);
    r.record(new Object[] {Double.NEGATIVE_INFINITY, "a"}, 0);
    r.record(new Object[] {4, null}, 0);
    now.addAndGet(60_000);
    NumericWindow n = numeric(r.text(0));
    assertThat(n.count()).isEqualTo(1);
    assertThat(n.missing()).isEqualTo(4);
    assertThat(n.sum()).isEqualTo(4.0);
    assertThat(n.sample()).containsExactly(4.0);
    CategoricalWindow c = categorical(r.text(1));
    assertThat(c.count()).isEqualTo(3);
    assertThat(c.missing()).isEqualTo(2);
  }

  @Test
  void categoriesPastTheLimitCountAsOther() {
    TapRecorder r = recorder(TapKind.CATEGORICAL);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < TapRecorder.CATEGORY_LIMIT + 50; i++) {
        r.record(new Object[] {"c" + i}, 0);
      }
    }
    now.addAndGet(60_000);
    CategoricalWindow c = categorical(r.text(0));
    assertThat(c.counts()).hasSize(TapRecorder.CATEGORY_LIMIT);
    assertThat(c.counts().values()).allMatch(n -> n == 2);
    assertThat(c.counts()).containsKey("c0").containsKey("c199").doesNotContainKey("c200");
    assertThat(c.other()).isEqualTo(100);
    assertThat(c.count()).isEqualTo(2L * (TapRecorder.CATEGORY_LIMIT + 50));
  }

  @Test
  void theSampleIsBoundedAndTheMomentsExact() {
    TapRecorder r = recorder(TapKind.NUMERIC);
    Object[] row = new Object[1];
    for (int i = 0; i < 100_000; i++) {
      row[0] = (double) i;
      r.record(row, 0);
    }
    now.addAndGet(60_000);
    NumericWindow n = numeric(r.text(0));
    assertThat(n.count()).isEqualTo(100_000);
    assertThat(n.sum()).isEqualTo(99_999L * 100_000 / 2.0);
    assertThat(n.sample()).hasSize(TapRecorder.SAMPLE_SIZE);
    assertThat(java.util.Arrays.stream(n.sample()).distinct().count())
        .isEqualTo(TapRecorder.SAMPLE_SIZE);
    // Uniform: the upper half of the input gives about half the sample (binomial sd ~22).
    long upper = java.util.Arrays.stream(n.sample()).filter(v -> v >= 50_000).count();
    assertThat(upper).isBetween(900L, 1100L);
  }

  @Test
  void countingNumbersAndKnownCategoriesAllocatesNothing() {
    TapRecorder r = recorder(TapKind.NUMERIC, TapKind.NUMERIC, TapKind.CATEGORICAL);
    Object[][] rows = new Object[1000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {(double) i, (long) i, i % 2 == 0 ? "a" : "b"};
    }
    for (int round = 0; round < 20; round++) { // warm up, and fill the reservoirs
      for (Object[] row : rows) {
        r.record(row, 0);
      }
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int round = 0; round < 1000; round++) {
      for (Object[] row : rows) {
        r.record(row, 0);
      }
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // A million rows; a few KB at most for the measuring itself.
    assertThat(allocated).isLessThan(4096);
  }

  @Test
  void aReaderAndAWriterAtOnceLoseNoRow() throws Exception {
    TapRecorder r = new TapRecorder(1, List.of(TapKind.NUMERIC), now::get, 1);
    int rows = 200_000;
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // The writer advances the clock one window per 1,000 rows; the reader rolls windows too.
      Future<?> writer =
          pool.submit(
              () -> {
                started.countDown();
                Object[] row = {1.0};
                for (int i = 0; i < rows; i++) {
                  if (i % 1000 == 0) {
                    now.incrementAndGet();
                  }
                  r.record(row, 0);
                }
              });
      Future<Long> reader =
          pool.submit(
              () -> {
                started.await();
                long seen = 0;
                long lastStart = -1;
                while (!writer.isDone()) {
                  String t = r.text(0);
                  if (!t.isEmpty()) {
                    NumericWindow w = numeric(t);
                    assertThat(w.start()).isGreaterThanOrEqualTo(lastStart);
                    assertThat(w.sum()).isEqualTo(w.count());
                    lastStart = w.start();
                    seen++;
                  }
                }
                return seen;
              });
      writer.get(60, TimeUnit.SECONDS);
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    // Every window the writer filled held exactly its 1,000 rows.
    now.incrementAndGet();
    NumericWindow last = numeric(r.text(0));
    assertThat(last.count()).isEqualTo(1000);
  }
}
