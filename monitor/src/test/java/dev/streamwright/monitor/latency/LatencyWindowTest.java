package dev.streamwright.monitor.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Percentiles against a sorted array, and the window's sliding. */
class LatencyWindowTest {

  /** A multiple of the default slice (60 s / 12 = 5 s), so slice boundaries fall on T0 + 5k s. */
  static final long T0_MS = 1_700_000_000_000L;

  static Instant at(double seconds) {
    return Instant.ofEpochMilli(T0_MS + Math.round(seconds * 1000));
  }

  @Test
  void percentilesMatchASortedArrayWithinHdrHistogramsPrecision() {
    Random random = new Random(42);
    int n = 10_000;
    long[] values = new long[n];
    var window = new LatencyWindow();
    for (int i = 0; i < n; i++) {
      // Skewed like latencies: mostly tens of ms, a tail to ~100 s.
      values[i] = (long) Math.exp(random.nextDouble() * Math.log(100_000));
      window.record(values[i], at(i % 50 / 10.0)); // spread over the first 5 s
    }
    Arrays.sort(values);
    LatencySummary summary = window.summary(at(10));

    assertThat(summary.count()).isEqualTo(n);
    // Nearest rank, as HdrHistogram defines a percentile: the ceil(p / 100 * n)-th smallest value,
    // reported as the highest value of its bucket: within 1/1024 of it at 3 significant digits.
    assertThat(summary.p50()).isCloseTo(values[5000 - 1], withinPercentage(0.1));
    assertThat(summary.p95()).isCloseTo(values[9500 - 1], withinPercentage(0.1));
    assertThat(summary.p99()).isCloseTo(values[9900 - 1], withinPercentage(0.1));
    assertThat(summary.p999()).isCloseTo(values[9990 - 1], withinPercentage(0.1));
    assertThat(summary.max()).isEqualTo(values[n - 1]); // kept exactly
  }

  @Test
  void smallValuesAreExact() {
    var window = new LatencyWindow();
    for (long v = 1; v <= 1000; v++) {
      window.record(v, at(1));
    }
    // Below 2048 every value has its own bucket: nearest ranks 500, 950, 990, 999 of 1..1000.
    assertThat(window.summary(at(2))).isEqualTo(new LatencySummary(1000, 500, 950, 990, 999, 1000));
  }

  @Test
  void negativeLatenciesCountAsZero() {
    var window = new LatencyWindow();
    window.record(-250, at(0));
    assertThat(window.summary(at(1))).isEqualTo(new LatencySummary(1, 0, 0, 0, 0, 0));
  }

  @Test
  void anEmptyWindowIsEmpty() {
    var window = new LatencyWindow();
    assertThat(window.summary(at(0))).isEqualTo(LatencySummary.EMPTY);
    window.record(10, at(0));
    assertThat(window.summary(at(3600))).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void oldValuesDropOutAsTheWindowSlides() {
    var window = new LatencyWindow(Duration.ofMinutes(1)); // 12 slices of 5 s
    for (int i = 0; i < 10; i++) {
      window.record(1000, at(0)); // slice [0, 5)
      window.record(10, at(50)); // slice [50, 55)
    }
    // At 59.999 s the current slice is [55, 60); the 12 slices back to [0, 5) all count.
    assertThat(window.summary(at(59.999)).count()).isEqualTo(20);
    assertThat(window.summary(at(59.999)).max()).isEqualTo(1000);
    // At 60 s the current slice is [60, 65): [0, 5) is 12 slices back and drops out.
    LatencySummary slid = window.summary(at(60));
    assertThat(slid.count()).isEqualTo(10);
    assertThat(slid.max()).isEqualTo(10);
    assertThat(slid.p50()).isEqualTo(10);
    // At 110 s, [50, 55) drops out too.
    assertThat(window.summary(at(110))).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void aValueOlderThanTheRingHoldsIsDroppedNotMixedIntoANewerSlice() {
    var window = new LatencyWindow(Duration.ofMinutes(1));
    window.record(7, at(60)); // slice [60, 65) reuses the ring's slot of [0, 5)
    window.record(9000, at(1)); // belongs to [0, 5), which that slot no longer holds
    LatencySummary summary = window.summary(at(61));
    assertThat(summary.count()).isEqualTo(1);
    assertThat(summary.max()).isEqualTo(7);
  }

  @Test
  void recordsFromSeveralThreadsWhileAPollerSummarises() throws Exception {
    var window = new LatencyWindow();
    int writers = 4;
    int perWriter = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long value = w + 1;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    window.record(value, at(i % 5000 / 1000.0));
                  }
                }));
      }
      Future<?> reader =
          pool.submit(
              () -> {
                while (!done.get()) {
                  assertThat(window.summary(at(5)).count()).isBetween(0L, 200_000L);
                }
              });
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      done.set(true);
      reader.get(30, TimeUnit.SECONDS);
    } finally {
      done.set(true);
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    LatencySummary summary = window.summary(at(5));
    assertThat(summary.count()).isEqualTo(200_000);
    assertThat(summary.max()).isEqualTo(4);
    assertThat(summary.p50()).isEqualTo(2); // 1, 2, 3, 4 equally often: the 100,000th is a 2
  }
}
