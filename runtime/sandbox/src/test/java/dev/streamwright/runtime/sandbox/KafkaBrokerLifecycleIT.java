package dev.streamwright.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, close, restart and the start errors a user can act on. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaBrokerLifecycleIT {

  @Test
  void closeDeletesDataAndLeavesNoThreadsAndASecondBrokerStarts() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    for (int round = 1; round <= 2; round++) {
      Path dir = KafkaBrokerExtension.newDataDir("lifecycle");
      long t0 = System.nanoTime();
      KafkaBroker broker = KafkaBroker.start(dir);
      long started = System.nanoTime();
      broker.createTopics(Map.of("t", 3));
      try (Admin admin = broker.admin()) {
        assertTrue(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("t"));
      }
      assertTrue(Files.isDirectory(dir));
      assertFalse(brokerThreads(before).isEmpty(), "the thread check sees the running broker");
      long t1 = System.nanoTime();
      broker.close();
      long closed = System.nanoTime();
      System.out.printf(
          "KafkaBroker round %d: start %d ms, close %d ms%n",
          round, (started - t0) / 1_000_000, (closed - t1) / 1_000_000);
      assertFalse(Files.exists(dir), "data dir deleted");
      assertTrue(closed - t1 < TimeUnit.SECONDS.toNanos(10), "closed within seconds");
      broker.close(); // idempotent
      List<String> left = leftoverThreads(before);
      assertTrue(left.isEmpty(), "threads left after close: " + left);
    }
  }

  @Test
  void keepDataKeepsTheFolder() throws Exception {
    Path dir = KafkaBrokerExtension.newDataDir("keep");
    try (KafkaBroker broker = KafkaBroker.start(dir, 0, true)) {
      assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
    }
    assertTrue(Files.isDirectory(dir.resolve("logs")));
    assertTrue(Files.isDirectory(dir.resolve("metadata")));
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void unwritableDataDirIsAnActionableError() throws IOException {
    // Tests may run as root, which ignores permissions: a folder below a regular file cannot be
    // created by anyone.
    Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "not-a-dir", "");
    try {
      Path dir = file.resolve("kafka");
      SandboxException e = assertThrows(SandboxException.class, () -> KafkaBroker.start(dir));
      assertTrue(e.getMessage().contains("not writable"), e.getMessage());
      assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
      assertFalse(e.getMessage().contains("\n\tat "), e.getMessage());
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void portInUseIsAnActionableError() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      Path dir = KafkaBrokerExtension.newDataDir("port");
      SandboxException e =
          assertThrows(
              SandboxException.class, () -> KafkaBroker.start(dir, taken.getLocalPort(), false));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
      assertFalse(Files.exists(dir.resolve("logs")), "nothing formatted");
      Files.deleteIfExists(dir);
    }
  }

  /** Non-daemon threads, or Kafka-named ones, started since {@code before} and still alive. */
  static List<String> brokerThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .filter(t -> !t.isDaemon() || looksLikeKafka(t.getName()))
        .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
        .toList();
  }

  /** {@link #brokerThreads} after up to 5 s for them to end. */
  static List<String> leftoverThreads(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> left;
    do {
      left = brokerThreads(before);
      if (left.isEmpty()) {
        return left;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return left;
  }

  private static boolean looksLikeKafka(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.contains("kafka")
        || n.contains("raft")
        || n.contains("controller")
        || n.contains("broker")
        || n.contains("data-plane")
        || n.contains("quorum")
        || n.contains("log-cleaner")
        || n.contains("scheduler");
  }

  @Test
  void describeGivesOneLine() {
    assertEquals(
        "boom",
        KafkaBroker.describe(
            new RuntimeException("outer", new IllegalStateException("boom\nmore"))));
  }
}
