package dev.streamwright.plugin.onnx;

import com.sun.management.OperatingSystemMXBean;
import dev.streamwright.plugin.onnx.tap.DriftTap;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * What the drift tap costs a job: a Flink SQL job on a MiniCluster in this JVM reads {@code rows}
 * generated rows of 20 DOUBLE columns at {@code rate} rows/s (datagen) into a blackhole sink
 * through a filter, once with {@code SW_DRIFT_TAP} on all 20 columns (1-minute windows) and once
 * without, in ABBA rounds (off, on, on, off, ...). Per round: events/s (rows over the job's wall
 * time) and the process CPU time the job took (from its submission to its end). Prints each round
 * and the ratios on/off of the medians; the target is events/s and CPU ratio (off CPU / on CPU) >=
 * 0.95.
 *
 * <pre>
 * mvn -o -B -pl plugins/onnx -Pbench test-compile exec:exec -Dbench.class=DriftTapBenchmark \
 *   -Dbench.args="rows=1000000 rate=50000 rounds=2"
 * </pre>
 */
public final class DriftTapBenchmark {

  private static final int COLUMNS = 20;

  /** The steady part of a job starts this long after its submission (JIT compilation, start). */
  private static long steadyAfterSeconds = 10;

  /** Whether the job writes each number as text and parses it back (work per row). */
  private static boolean text;

  private DriftTapBenchmark() {}

  /**
   * Runs the benchmark; arguments {@code key=value}: rows, rate, rounds (ABBA groups), variants
   * (off,on,array; the first is the baseline), steady (seconds before the steady part), text,
   * threads, jfr (a directory for one recording per job). See docs/PERFORMANCE.md.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    long rows = Long.parseLong(a.getOrDefault("rows", "1000000"));
    long rate = Long.parseLong(a.getOrDefault("rate", "50000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
    String jfr = a.get("jfr");
    steadyAfterSeconds = Long.parseLong(a.getOrDefault("steady", "10"));
    text = Boolean.parseBoolean(a.getOrDefault("text", "false"));
    boolean threads = Boolean.parseBoolean(a.getOrDefault("threads", "false"));
    FlinkSqlCluster cluster = new FlinkSqlCluster();
    cluster.beforeAll(null);
    try {
      System.out.printf(
          Locale.ROOT,
          "drift tap on/off: %d rows at %d rows/s, %d DOUBLE columns%s, load %s%n",
          rows,
          rate,
          COLUMNS,
          text ? " through text" : "",
          load());
      List<String> variants = List.of(a.getOrDefault("variants", "off,on").split(","));
      for (String v : variants) {
        run(cluster, v, Math.min(rows, rate * 5), rate); // warm-up, not counted
      }
      List<String> order = new ArrayList<>(variants);
      for (int i = variants.size() - 1; i >= 0; i--) {
        order.add(variants.get(i));
      }
      Map<String, List<double[]>> results = new TreeMap<>();
      int job = 0;
      for (int r = 0; r < rounds; r++) {
        for (String variant : order) {
          jdk.jfr.Recording recording = null;
          if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(java.nio.file.Path.of(jfr, variant + "-" + job + ".jfr"));
            recording.start();
          }
          job++;
          Map<String, Long> before = threads ? threadCpu() : Map.of();
          double[] m = run(cluster, variant, rows, rate);
          if (threads) {
            printThreadCpu(before, threadCpu(), m[1]);
          }
          if (recording != null) {
            recording.stop();
            recording.close();
          }
          results.computeIfAbsent(variant, k -> new ArrayList<>()).add(m);
          System.out.printf(
              Locale.ROOT,
              "round %d %-5s %,10.0f events/s  %6.2f s CPU  steady %.3f cores  load %s%n",
              r + 1,
              variant,
              m[0],
              m[1],
              m[2],
              load());
        }
      }
      List<double[]> off = results.get(variants.get(0));
      for (String variant : variants.subList(1, variants.size())) {
        List<double[]> on = results.get(variant);
        System.out.printf(
            Locale.ROOT,
            "median %s %,.0f events/s %.2f s CPU %.3f steady cores; %s %,.0f events/s %.2f s CPU"
                + " %.3f steady cores%n"
                + "  %s/%s: events/s ratio %.3f, CPU ratio %.3f, steady (from %d s on) CPU ratio"
                + " %.3f (target >= 0.95)%n",
            variants.get(0),
            median(off, 0),
            median(off, 1),
            median(off, 2),
            variant,
            median(on, 0),
            median(on, 1),
            median(on, 2),
            variant,
            variants.get(0),
            median(on, 0) / median(off, 0),
            median(off, 1) / median(on, 1),
            steadyAfterSeconds,
            median(off, 2) / median(on, 2));
      }
    } finally {
      cluster.afterAll(null);
    }
  }

  /** One job: events/s and process CPU seconds. */
  private static double[] run(FlinkSqlCluster cluster, String variant, long rows, long rate)
      throws Exception {
    TableEnvironment env = cluster.newSession();
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder options = new StringBuilder();
    for (int i = 0; i < COLUMNS; i++) {
      columns.add("c" + i + " DOUBLE");
      names.add("c" + i);
      options.append(", 'fields.c").append(i).append(".min' = '0', 'fields.c").append(i);
      options.append(".max' = '100'");
    }
    env.executeSql(
        "CREATE TEMPORARY TABLE src (id BIGINT, "
            + String.join(", ", columns)
            + ") WITH ('connector' = 'datagen', 'rows-per-second' = '"
            + rate
            + "', 'number-of-rows' = '"
            + rows
            + "'"
            + options
            + ")");
    env.executeSql(
        "CREATE TEMPORARY TABLE snk (id BIGINT, "
            + String.join(", ", columns)
            + ") WITH ('connector' = 'blackhole')");
    env.executeSql(
        "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS "
            + DriftTap.NAME
            + " AS '"
            + DriftTap.class.getName()
            + "' LANGUAGE JAVA");
    String values =
        switch (variant) {
          case "off" -> null;
          case "on" -> String.join(", ", names);
          case "array" -> "ARRAY[" + String.join(", ", names) + "]";
          default -> throw new IllegalArgumentException("variant off, on or array: " + variant);
        };
    String where =
        values == null
            ? "id IS NOT NULL"
            : "id IS NOT NULL AND "
                + DriftTap.NAME
                + "('bench', 60000, '"
                + String.join(",", names)
                + "', "
                + values
                + ")";
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String from = "src";
    if (text) {
      // Each number written as text and parsed back: a stand-in for a text source's decoding
      // (JSON_VALUE per column reparses the whole document and was far too slow for 50,000/s).
      List<String> parsed = new ArrayList<>();
      for (String n : names) {
        parsed.add("CAST(CAST(" + n + " AS STRING) AS DOUBLE) AS " + n);
      }
      env.executeSql(
          "CREATE TEMPORARY VIEW parsed AS SELECT id, " + String.join(", ", parsed) + " FROM src");
      from = "parsed";
    }
    TableResult result =
        env.executeSql("INSERT INTO snk SELECT * FROM " + from + " WHERE " + where);
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long cpuSteady = cpu0;
    long tSteady = t0;
    try {
      result.await(steadyAfterSeconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException stillRunning) {
      cpuSteady = os.getProcessCpuTime();
      tSteady = System.nanoTime();
    }
    result.await();
    long end = System.nanoTime();
    long cpuEnd = os.getProcessCpuTime();
    double steadyCores =
        tSteady == t0 ? Double.NaN : (cpuEnd - cpuSteady) / (double) (end - tSteady);
    return new double[] {rows / ((end - t0) / 1e9), (cpuEnd - cpu0) / 1e9, steadyCores};
  }

  /** CPU ticks per thread name (digits dropped, so pools add up), from /proc. */
  private static Map<String, Long> threadCpu() throws java.io.IOException {
    Map<String, Long> ticks = new TreeMap<>();
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
      for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
        try {
          String stat = java.nio.file.Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          ticks.merge(name.replaceAll("[0-9]+", "#"), cpu, Long::sum);
        } catch (java.io.IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return ticks;
  }

  private static void printThreadCpu(
      Map<String, Long> before, Map<String, Long> after, double processSeconds) {
    long alive = 0;
    for (var e : after.entrySet()) {
      alive += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
    }
    System.out.printf(
        Locale.ROOT, "    %-16s %5.2f s%n", "(ended threads)", processSeconds - alive / 100.0);
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() >= 5)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "    %-16s %5.2f s%n", e.getKey(), e.getValue() / 100.0));
  }

  private static double median(List<double[]> runs, int i) {
    double[] v = runs.stream().mapToDouble(m -> m[i]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
