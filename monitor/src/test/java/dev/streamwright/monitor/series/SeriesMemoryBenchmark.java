package dev.streamwright.monitor.series;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by a {@link SeriesStore} holding 24 hours of history for many series (target: 100
 * series under 50 MB).
 *
 * <p>For each sampling interval given (seconds; default 5 and 1) it fills a fresh default store
 * with {@code series} series over 24 hours, then measures the used heap after repeated full GCs
 * before and after, with the store still reachable. Run in a JVM of its own:
 *
 * <pre>
 * mvn -B -q -pl monitor -Pbench test-compile exec:exec -Dbench.class=series.SeriesMemoryBenchmark -Dbench.args="100 5 1"
 * </pre>
 */
public final class SeriesMemoryBenchmark {

  private static final long T0 = 1_700_000_040_000L;
  private static final long DAY_MS = 24L * 3600 * 1000;

  private SeriesMemoryBenchmark() {}

  public static void main(String[] args) throws InterruptedException {
    int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    List<Integer> intervals = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      intervals.add(Integer.parseInt(args[i]));
    }
    if (intervals.isEmpty()) {
      intervals = List.of(5, 1);
    }
    System.out.printf(
        Locale.ROOT,
        "JVM %s, max heap %d MB%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    for (int interval : intervals) {
      measure(seriesCount, interval);
    }
  }

  private static void measure(int seriesCount, int intervalSeconds) throws InterruptedException {
    List<SeriesKey> keys = new ArrayList<>(seriesCount);
    for (int i = 0; i < seriesCount; i++) {
      keys.add(new SeriesKey("records_out_per_s", "node:n" + i));
    }
    long before = usedAfterGc();
    SeriesStore store = new SeriesStore();
    long stepMs = intervalSeconds * 1000L;
    long started = System.nanoTime();
    long points = 0;
    for (long t = T0; t < T0 + DAY_MS; t += stepMs) {
      for (int i = 0; i < seriesCount; i++) {
        store.record(keys.get(i), t, (t / stepMs + i) % 1000);
        points++;
      }
    }
    long fillMs = (System.nanoTime() - started) / 1_000_000;
    long after = usedAfterGc();
    SeriesKey first = keys.get(0);
    System.out.printf(
        Locale.ROOT,
        "%d series x 24 h at 1 point / %d s: %,d points recorded in %d ms (%.0f ns/point);"
            + " per series %d raw points, %d buckets; retained heap %.1f MB (%.0f KB per series)%n",
        seriesCount,
        intervalSeconds,
        points,
        fillMs,
        fillMs * 1e6 / points,
        store.raw(first).size(),
        store.history(first).size(),
        (after - before) / 1048576.0,
        (after - before) / 1024.0 / seriesCount);
    Reference.reachabilityFence(store);
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
