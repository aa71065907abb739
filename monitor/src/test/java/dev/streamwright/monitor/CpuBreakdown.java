package dev.streamwright.monitor;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a process's CPU goes while a benchmark round runs: samples every thread's CPU time (and the
 * bytes it allocated) every {@value #EVERY_MS} ms, so threads that end with a job are counted up to
 * their last sample; the JVM's own threads (garbage collector, JIT compilers, VM thread), which
 * {@code ThreadMXBean} does not list, are read from {@code /proc/self/task}. Threads are grouped
 * into parts by name; what no sample saw (the tails of threads that ended between samples, native
 * threads of libraries) is the process CPU minus the parts.
 */
final class CpuBreakdown implements AutoCloseable {

  static final long EVERY_MS = 100;

  /** Nanoseconds per clock tick of /proc's utime and stime (USER_HZ is 100 on Linux). */
  private static final long TICK_NS = 10_000_000;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, long[]> java = new HashMap<>(); // id -> {first cpu, last cpu, first
  // alloc, last alloc}
  private final Map<Long, String> names = new HashMap<>();
  private final Map<String, long[]> jvm = new HashMap<>(); // tid:comm -> {first, last}
  private final long gcCount0;
  private final long gcMillis0;
  private final Thread sampler;
  private volatile boolean running = true;

  /** What a round's CPU went to. */
  record Result(
      Map<String, Double> cpuByPart,
      Map<String, Double> cpuByName,
      Map<String, Double> allocMbByPart,
      long gcCount,
      long gcMillis) {}

  private CpuBreakdown() {
    threads.setThreadAllocatedMemoryEnabled(true);
    sample(true);
    long[] gc = gc();
    gcCount0 = gc[0];
    gcMillis0 = gc[1];
    sampler =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(EVERY_MS);
                } catch (InterruptedException e) {
                  return;
                }
                sample(false);
              }
            },
            "cpu-breakdown-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts sampling now. */
  static CpuBreakdown start() {
    return new CpuBreakdown();
  }

  /** Takes a last sample and stops. */
  Result stop() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      sample(false);
      Map<String, Double> byPart = new TreeMap<>();
      Map<String, Double> byName = new TreeMap<>();
      Map<String, Double> alloc = new TreeMap<>();
      java.forEach(
          (id, v) -> {
            String name = names.get(id);
            if (name.equals("cpu-breakdown-sampler")) {
              return;
            }
            String part = part(name);
            byPart.merge(part, (v[1] - v[0]) / 1e9, Double::sum);
            byName.merge(key(name), (v[1] - v[0]) / 1e9, Double::sum);
            alloc.merge(part, (v[3] - v[2]) / 1e6, Double::sum);
          });
      jvm.forEach(
          (k, v) -> {
            String comm = k.substring(k.indexOf(':') + 1);
            byPart.merge(jvmPart(comm), (v[1] - v[0]) / 1e9, Double::sum);
            byName.merge("[jvm] " + key(comm), (v[1] - v[0]) / 1e9, Double::sum);
          });
      long[] gc = gc();
      return new Result(byPart, byName, alloc, gc[0] - gcCount0, gc[1] - gcMillis0);
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  private synchronized void sample(boolean first) {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] alloc = threads.getThreadAllocatedBytes(ids);
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null || cpu[i] < 0) {
        continue;
      }
      long c = cpu[i];
      long a = Math.max(0, alloc[i]);
      long[] v = java.get(ids[i]);
      if (v == null) {
        // A thread born during the round: all its CPU is the round's.
        java.put(ids[i], first ? new long[] {c, c, a, a} : new long[] {0, c, 0, a});
        names.put(ids[i], infos[i].getThreadName());
      } else {
        v[1] = c;
        v[3] = a;
      }
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : tasks) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(open + 1, close);
        if (jvmPart(comm) == null) {
          continue;
        }
        String[] f = stat.substring(close + 2).split(" ");
        // After the comm: state(0) ... utime(11) stime(12)
        long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NS;
        String k = t.getFileName() + ":" + comm;
        long[] v = jvm.get(k);
        if (v == null) {
          jvm.put(k, first ? new long[] {ns, ns} : new long[] {0, ns});
        } else {
          v[1] = ns;
        }
      }
    } catch (IOException e) {
      // no /proc: the JVM's own threads count as unaccounted
    }
  }

  /** The part of the JVM a native thread's name says it is, or null for a Java thread. */
  private static String jvmPart(String comm) {
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return "gc threads";
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return "jit compiler";
    }
    if (comm.startsWith("VM Thread") || comm.startsWith("VM Periodic")) {
      return "vm thread";
    }
    return null;
  }

  /** The part of the process a Java thread's name says it belongs to. */
  static String part(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("streamwright-monitor") || n.contains("| streamwright-monitor")) {
      return "monitor";
    }
    if (n.startsWith("httpclient-")) {
      return "monitor http client";
    }
    if (n.startsWith("kafka-producer-network-thread")
        || n.startsWith("source data fetcher")
        || n.contains("kafka-coordinator-heartbeat")
        || n.startsWith("consumer_background")) {
      return "job kafka clients";
    }
    if (n.contains("flink-rest")
        || n.contains("restendpoint")
        || n.contains("pekko")
        || n.contains("metric")
        || n.contains("rpc")
        || n.contains("io-thread")
        || n.contains("scheduler-")
        || n.startsWith("flink-")) {
      return "flink rest+rpc+metrics";
    }
    if (n.contains("data-plane")
        || n.contains("kafka-request-handler")
        || n.contains("network-thread")
        || n.startsWith("broker")
        || n.contains("raft")
        || n.contains("quorum")
        || n.contains("controller")
        || n.startsWith("kafka-")
        || n.contains("replica")
        || n.contains("log-cleaner")
        || n.startsWith("executor-")) {
      return "broker";
    }
    if (n.contains("(1/1)")
        || n.startsWith("outputflusher")
        || n.startsWith("legacy source")
        || n.contains("checkpoint")
        || n.startsWith("asyncoperations")
        || n.startsWith("channel state")) {
      return "flink tasks";
    }
    return "other";
  }

  /** A thread's name with its numbers folded, so a pool's threads add up. */
  private static String key(String name) {
    String k = name.replaceAll("[0-9a-f]{32}", "<id>").replaceAll("[0-9]+", "#");
    return k.length() > 70 ? k.substring(0, 70) : k;
  }

  private static long[] gc() {
    long count = 0;
    long ms = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, b.getCollectionCount());
      ms += Math.max(0, b.getCollectionTime());
    }
    return new long[] {count, ms};
  }

  /**
   * Prints, per key, the mean over the monitored rounds, over the unmonitored ones, and the
   * difference, largest difference first; keys whose difference is below {@code least} are left out
   * unless they are large.
   */
  static void table(
      String title,
      List<Result> on,
      List<Result> off,
      java.util.function.Function<Result, Map<String, Double>> figures,
      double least) {
    Set<String> keys = new TreeSet<>();
    on.forEach(r -> keys.addAll(figures.apply(r).keySet()));
    off.forEach(r -> keys.addAll(figures.apply(r).keySet()));
    System.out.printf(Locale.ROOT, "%s: monitored / unmonitored / difference (means)%n", title);
    List<Map.Entry<String, double[]>> rows = new ArrayList<>();
    for (String k : keys) {
      double a =
          on.stream().mapToDouble(r -> figures.apply(r).getOrDefault(k, 0.0)).average().orElse(0);
      double b =
          off.stream().mapToDouble(r -> figures.apply(r).getOrDefault(k, 0.0)).average().orElse(0);
      if (Math.abs(a - b) >= least || least > 0 && Math.max(a, b) >= 0.3) {
        rows.add(Map.entry(k, new double[] {a, b, a - b}));
      }
    }
    rows.sort(
        Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[2])));
    double[] total = new double[3];
    for (Map.Entry<String, double[]> e : rows) {
      System.out.printf(
          Locale.ROOT,
          "  %-72s %9.2f %9.2f %+9.2f%n",
          e.getKey(),
          e.getValue()[0],
          e.getValue()[1],
          e.getValue()[2]);
      for (int i = 0; i < 3; i++) {
        total[i] += e.getValue()[i];
      }
    }
    System.out.printf(
        Locale.ROOT, "  %-72s %9.2f %9.2f %+9.2f%n", "(sum)", total[0], total[1], total[2]);
  }
}
