package dev.streamwright.runtime.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps every core busy for a bounded time, so that a test meets the timing of a loaded machine (a
 * CI box running other builds) even on an idle one: one spinning thread per available processor, at
 * normal priority, competing with the test's own threads.
 *
 * <p>As an extension it loads each test method:
 *
 * <pre>{@code
 * @RegisterExtension final BusyCores busy = new BusyCores(Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>or around a block: {@code try (BusyCores busy = BusyCores.start(Duration.ofMinutes(1)))
 * {...}}. The threads stop on {@link #close()} or by themselves after the time given, whichever
 * comes first, so a hung test never leaves the machine spinning.
 */
public final class BusyCores implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

  private final Duration max;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stop;

  /** An extension that loads every core during each test, for at most {@code max}. */
  public BusyCores(Duration max) {
    if (max.isNegative() || max.isZero()) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    this.max = max;
  }

  /** Starts loading every core now, for at most {@code max}. */
  public static BusyCores start(Duration max) {
    BusyCores busy = new BusyCores(max);
    busy.spin();
    return busy;
  }

  /** How many spinning threads run now (one per core while loading). */
  public synchronized int running() {
    return (int) threads.stream().filter(Thread::isAlive).count();
  }

  private synchronized void spin() {
    stop = false;
    long deadline = System.nanoTime() + max.toNanos();
    int cores = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < cores; i++) {
      Thread t = new Thread(() -> burn(deadline), "busy-core-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void burn(long deadline) {
    long x = 1;
    while (!stop && System.nanoTime() < deadline) {
      for (int i = 0; i < 100_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
    }
    if (x == 42) {
      // Keeps the loop from being optimised away.
      System.out.print("");
    }
  }

  /** Stops the spinning threads and waits for them. */
  @Override
  public synchronized void close() {
    stop = true;
    for (Thread t : threads) {
      try {
        t.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    spin();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
