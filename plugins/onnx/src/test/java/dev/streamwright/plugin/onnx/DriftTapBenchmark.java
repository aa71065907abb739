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

  private DriftTapBenchmark() {}

  /** Runs the benchmark; arguments {@code key=value}: rows, rate, rounds (ABBA groups). */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    long rows = Long.parseLong(a.getOrDefault("rows", "1000000"));
    long rate = Long.parseLong(a.getOrDefault("rate", "50000"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
    FlinkSqlCluster cluster = new FlinkSqlCluster();
    cluster.beforeAll(null);
    try {
      System.out.printf(
          Locale.ROOT,
          "drift tap on/off: %d rows at %d rows/s, %d DOUBLE columns, load %s%n",
          rows,
          rate,
          COLUMNS,
          load());
      run(cluster, false, Math.min(rows, rate * 5), rate); // warm-up, not counted
      run(cluster, true, Math.min(rows, rate * 5), rate);
      List<double[]> off = new ArrayList<>();
      List<double[]> on = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (boolean tap : new boolean[] {false, true, true, false}) {
          double[] m = run(cluster, tap, rows, rate);
          (tap ? on : off).add(m);
          System.out.printf(
              Locale.ROOT,
              "round %d %-3s %,10.0f events/s  %6.2f s CPU  load %s%n",
              r + 1,
              tap ? "on" : "off",
              m[0],
              m[1],
              load());
        }
      }
      double eventsOff = median(off, 0);
      double eventsOn = median(on, 0);
      double cpuOff = median(off, 1);
      double cpuOn = median(on, 1);
      System.out.printf(
          Locale.ROOT,
          "median off %,.0f events/s %.2f s CPU; on %,.0f events/s %.2f s CPU%n"
              + "events/s ratio on/off %.3f, CPU ratio off/on %.3f (target >= 0.95)%n",
          eventsOff,
          cpuOff,
          eventsOn,
          cpuOn,
          eventsOn / eventsOff,
          cpuOff / cpuOn);
    } finally {
      cluster.afterAll(null);
    }
  }

  /** One job: events/s and process CPU seconds. */
  private static double[] run(FlinkSqlCluster cluster, boolean tap, long rows, long rate)
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
    String where =
        tap
            ? "id IS NOT NULL AND "
                + DriftTap.NAME
                + "('bench', 60000, '"
                + String.join(",", names)
                + "', "
                + String.join(", ", names)
                + ")"
            : "id IS NOT NULL";
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    TableResult result = env.executeSql("INSERT INTO snk SELECT * FROM src WHERE " + where);
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    result.await();
    long wall = System.nanoTime() - t0;
    long cpu = os.getProcessCpuTime() - cpu0;
    return new double[] {rows / (wall / 1e9), cpu / 1e9};
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
