package dev.streamwright.runtime.connectors;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The threads a test started and left running. */
final class Threads {

  private Threads() {}

  /** The threads alive now. */
  static Set<Thread> now() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }

  /**
   * The names of the threads started after {@code before} that are still alive after {@code
   * patience} (closing a Kafka client lets its network thread end a moment later).
   */
  static List<String> leftSince(Set<Thread> before, Duration patience) throws InterruptedException {
    return leftSince(before, patience, "");
  }

  /**
   * The same for threads whose name contains {@code named}: Streamwright's Kafka clients carry
   * {@code streamwright-} in theirs, which tells them apart from a shared Flink cluster's threads.
   */
  static List<String> leftSince(Set<Thread> before, Duration patience, String named)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> alive = started(before, named);
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      alive = started(before, named);
    }
    return alive;
  }

  private static List<String> started(Set<Thread> before, String named) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t) && t.getName().contains(named))
        .map(Thread::getName)
        .sorted()
        .toList();
  }
}
