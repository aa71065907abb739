package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Batches are cut when full, or when their first item has waited long enough. */
class MicroBatcherTest {

  final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();

  @Test
  void fullBatchRunsAtOnceOnTheAddingThread() {
    try (MicroBatcher<Integer> b = batcher(3, Duration.ofHours(1))) {
      for (int i = 0; i < 7; i++) {
        b.add(i);
      }
      assertThat(batches).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5));
      assertThat(threads).containsOnly(Thread.currentThread().getName());
    }
  }

  @Test
  void partialBatchRunsAfterMaxWait() throws Exception {
    CountDownLatch flushed = new CountDownLatch(1);
    try (MicroBatcher<Integer> b =
        new MicroBatcher<>(
            100,
            Duration.ofMillis(20),
            batch -> {
              batches.add(batch);
              threads.add(Thread.currentThread().getName());
              flushed.countDown();
            },
            "onnx-batch-test")) {
      long start = System.nanoTime();
      b.add(1);
      b.add(2);
      assertThat(flushed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
      assertThat(batches).containsExactly(List.of(1, 2));
      assertThat(threads).containsExactly("onnx-batch-test");
    }
  }

  @Test
  void aBatchCutBySizeIsNotFlushedAgainByItsTimer() throws Exception {
    try (MicroBatcher<Integer> b = batcher(2, Duration.ofMillis(10))) {
      b.add(1);
      b.add(2);
      Thread.sleep(60);
      assertThat(batches).containsExactly(List.of(1, 2));
    }
  }

  @Test
  void aBatchStartedAfterAFullOneWaitsItsOwnMaxWait() throws Exception {
    CountDownLatch partial = new CountDownLatch(1);
    long[] flushedAt = new long[1];
    try (MicroBatcher<Integer> b =
        new MicroBatcher<>(
            2,
            Duration.ofMillis(200),
            batch -> {
              batches.add(batch);
              if (batch.size() == 1) {
                flushedAt[0] = System.nanoTime();
                partial.countDown();
              }
            },
            "onnx-batch-test")) {
      b.add(1);
      b.add(2);
      Thread.sleep(100);
      long third = System.nanoTime();
      b.add(3);
      assertThat(partial.await(5, TimeUnit.SECONDS)).isTrue();
      // The timer armed for item 1 fires 100 ms after item 3 came: too early for item 3.
      assertThat(flushedAt[0] - third).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
      assertThat(batches).containsExactly(List.of(1, 2), List.of(3));
    }
  }

  @Test
  void closingHandsBackWhatNeverRan() {
    MicroBatcher<Integer> b = batcher(10, Duration.ofHours(1));
    b.add(1);
    b.add(2);
    assertThat(b.closeAndDrain()).containsExactly(1, 2);
    assertThat(batches).isEmpty();
    assertThatThrownBy(() -> b.add(3)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingWaitsForABatchTheTimerIsRunning() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    MicroBatcher<Integer> b =
        new MicroBatcher<>(
            100,
            Duration.ofMillis(1),
            batch -> {
              running.countDown();
              sleep(200);
              events.add("batch done");
            },
            "onnx-batch-test");
    b.add(1);
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    b.closeAndDrain();
    events.add("closed");
    assertThat(events).containsExactly("batch done", "closed");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private MicroBatcher<Integer> batcher(int size, Duration wait) {
    return new MicroBatcher<>(
        size,
        wait,
        batch -> {
          batches.add(batch);
          threads.add(Thread.currentThread().getName());
        },
        "onnx-batch-test");
  }
}
