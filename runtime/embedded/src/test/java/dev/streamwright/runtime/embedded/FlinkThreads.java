package dev.streamwright.runtime.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds threads a Flink cluster or client left running, for tests of shutdown. */
final class FlinkThreads {

  private FlinkThreads() {}

  /**
   * Waits until every thread started after {@code before} has ended, and returns the names of those
   * still alive after {@code patience}.
   */
  static List<String> awaitGone(Set<Thread> before, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> alive = started(before);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      alive = started(before);
    }
    return alive;
  }

  private static List<String> started(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }
}
