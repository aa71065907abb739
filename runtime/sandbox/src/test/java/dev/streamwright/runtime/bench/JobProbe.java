package dev.streamwright.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a benchmark run spent its time on: CPU seconds per thread (Flink names task threads after
 * their operators, so this is CPU per pipeline stage, the broker's and the clients' threads
 * included) sampled while the job runs, and the per-vertex record counts of the finished job from
 * Flink's REST API.
 */
final class JobProbe implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
  private static final int STACK_DEPTH = 12;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, Long> first = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Map<String, Integer> states = new HashMap<>();
  private final Thread sampler;
  private final long wallStart = System.nanoTime();
  private final long cpuStart = processCpu();
  private volatile boolean running = true;
  private long wallEnd;
  private long cpuEnd;

  private JobProbe() {
    sample();
    for (Map.Entry<Long, Long> e : last.entrySet()) {
      first.put(e.getKey(), e.getValue());
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                sample();
                try {
                  Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts sampling thread CPU times now. */
  static JobProbe start() {
    return new JobProbe();
  }

  private synchronized void sample() {
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu < 0) {
        continue;
      }
      var info = threads.getThreadInfo(id, STACK_DEPTH);
      if (info != null) {
        names.put(id, info.getThreadName());
        if (isTask(info.getThreadName())) {
          states.merge(group(info.getThreadName()) + " | " + where(info), 1, Integer::sum);
        }
      }
      last.put(id, cpu);
    }
  }

  /** Flink task threads, named after their operator chain; what the job itself is doing. */
  private static boolean isTask(String name) {
    boolean helper =
        name.startsWith("OutputFlusher")
            || name.contains("Time Trigger")
            || name.startsWith("Source Data Fetcher");
    return !helper && (name.startsWith("Source: ") || name.contains("Aggregate["));
  }

  /**
   * A sampled thread's state and the innermost frame that is not the JDK's: a poor man's profile
   * that tells working from waiting, and waiting for what.
   */
  private static String where(java.lang.management.ThreadInfo info) {
    StackTraceElement[] stack = info.getStackTrace();
    String frame = "?";
    for (StackTraceElement e : stack) {
      String c = e.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        frame = c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
        break;
      }
    }
    return info.getThreadState() + " " + frame;
  }

  @Override
  public void close() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    sampler.interrupt();
    sampler.join();
    sample();
    wallEnd = System.nanoTime();
    cpuEnd = processCpu();
  }

  /** CPU seconds the whole process used between start and close (broker and benchmark too). */
  double processCpuSeconds() {
    return (cpuEnd - cpuStart) / 1e9;
  }

  /**
   * The CPU used while sampled: process total in cores, then the busiest thread groups (names with
   * their subtask and attempt suffixes cut so a stage's threads add up), each in CPU seconds.
   */
  synchronized String report(int top) {
    Map<String, Long> byName = new TreeMap<>();
    last.forEach(
        (id, cpu) -> {
          long used = cpu - first.getOrDefault(id, 0L);
          if (used > 0) {
            byName.merge(group(names.getOrDefault(id, "?")), used, Long::sum);
          }
        });
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byName.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    double wall = (wallEnd - wallStart) / 1e9;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "    process CPU %.1f s in %.1f s wall = %.2f cores busy%n",
            (cpuEnd - cpuStart) / 1e9,
            wall,
            (cpuEnd - cpuStart) / 1e9 / wall));
    for (int i = 0; i < Math.min(top, sorted.size()); i++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "    %6.2f s  %s%n",
              sorted.get(i).getValue() / 1e9,
              sorted.get(i).getKey()));
    }
    List<Map.Entry<String, Integer>> where = new ArrayList<>(states.entrySet());
    where.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    sb.append("    task threads sampled every ").append(SAMPLE_EVERY.toMillis()).append(" ms:\n");
    for (int i = 0; i < Math.min(2 * top, where.size()); i++) {
      String k = where.get(i).getKey();
      int bar = k.indexOf(" | ");
      String stage = k.substring(0, bar);
      sb.append(
          String.format(
              Locale.ROOT,
              "    %4d x %-45s %s%n",
              where.get(i).getValue(),
              stage.length() > 45 ? stage.substring(0, 45) : stage,
              k.substring(bar + 3)));
    }
    return sb.toString();
  }

  private static String group(String threadName) {
    String n = threadName.replaceAll("#\\d+$", "").replaceAll("\\(\\d+/\\d+\\)", "");
    n = n.replaceAll("-\\d+$", "-N").replaceAll("\\d{2,}", "N");
    return n.length() > 110 ? n.substring(0, 110) + "..." : n;
  }

  private static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * One line per job vertex: parallelism, records read and written, busy state, from Flink's REST
   * API {@code /jobs/<id>} (totals of the finished job).
   */
  static String vertices(URI rest, String jobId) {
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(rest.resolve("/jobs/" + jobId))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode job = JSON.readTree(r.body());
      StringBuilder sb = new StringBuilder();
      for (JsonNode v : job.path("vertices")) {
        String name = v.path("name").asText();
        sb.append(
            String.format(
                Locale.ROOT,
                "    p=%d read=%d written=%d %5.1f s  %s%n",
                v.path("parallelism").asInt(),
                v.path("metrics").path("read-records").asLong(),
                v.path("metrics").path("write-records").asLong(),
                v.path("duration").asLong() / 1e3,
                name.length() > 100 ? name.substring(0, 100) + "..." : name));
      }
      return sb.toString();
    } catch (Exception e) {
      return "    (no vertex figures: " + e + ")\n";
    }
  }
}
