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

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, Long> first = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
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
      var info = threads.getThreadInfo(id);
      if (info != null) {
        names.put(id, info.getThreadName());
      }
      last.put(id, cpu);
    }
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
