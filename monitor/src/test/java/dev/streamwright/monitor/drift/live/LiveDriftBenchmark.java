package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.plugin.onnx.tap.NumericWindow;
import dev.streamwright.plugin.onnx.tap.TapWire;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the live drift costs the monitor per tap window: decoding and merging the gauge texts of
 * {@code columns} numeric columns x {@code subtasks} subtasks (2,000-value samples), building the
 * report (every measure of the last window and of the 15-window view), and the heap kept after an
 * hour and a quarter of windows. Run (see docs/PERFORMANCE.md):
 *
 * <pre>
 * mvn -o -pl monitor -Pbench test-compile exec:exec -Dbench.class=drift.live.LiveDriftBenchmark \
 *     -Dbench.args="20 2 75"
 * </pre>
 */
public final class LiveDriftBenchmark {

  private LiveDriftBenchmark() {}

  public static void main(String[] args) {
    int columns = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int subtasks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int windows = args.length > 2 ? Integer.parseInt(args[2]) : 75;
    long minute = 60_000;
    SplittableRandom random = new SplittableRandom(42);
    double[] ref = random.doubles(20_000).map(v -> v * 10).toArray();
    NumericProfile reference = NumericProfile.reference(ref, ProfileOptions.DEFAULTS);
    Map<String, LiveReference> byColumn = new LinkedHashMap<>();
    for (int c = 0; c < columns; c++) {
      byColumn.put("c" + c, new LiveReference(reference, "bench"));
    }
    LiveDrift live =
        new LiveDrift(
            "bench",
            "0123456789abcdef0123456789abcdef",
            DriftReferences.of(Map.of("score", byColumn)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long acceptNs = 0;
    long reportNs = 0;
    long bytes = 0;
    int measured = 0;
    for (int w = 0; w < windows; w++) {
      Map<TapGauge, String> values = new LinkedHashMap<>();
      for (int c = 0; c < columns; c++) {
        for (int s = 0; s < subtasks; s++) {
          double[] sample = random.doubles(2_000).map(v -> v * 10 + 0.5).toArray();
          double sum = Arrays.stream(sample).sum() * 25;
          double sq = Arrays.stream(sample).map(v -> v * v).sum() * 25;
          String text =
              TapWire.encode(
                  new NumericWindow(w * minute, minute, 50_000, 3, sum, sq, 0.5, 10.5, sample));
          values.put(
              new TapGauge(
                  "v", s + ".Calc.streamwright.drift.score.c" + c, "" + s, "score", "c" + c),
              text);
          bytes += text.length();
        }
      }
      long t0 = threads.getCurrentThreadCpuTime();
      live.accept(values);
      long t1 = threads.getCurrentThreadCpuTime();
      live.report(Instant.ofEpochMilli((w + 1) * minute), Optional.empty());
      long t2 = threads.getCurrentThreadCpuTime();
      if (w >= 5) { // warm
        acceptNs += t1 - t0;
        reportNs += t2 - t1;
        measured++;
      }
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heap = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "%d columns x %d subtasks: gauge text %.0f KB per window; CPU per window: decode+merge"
            + " %.1f ms, report %.1f ms; heap after %d windows %.1f MB (load %.1f)%n",
        columns,
        subtasks,
        bytes / (double) windows / 1024,
        acceptNs / 1e6 / measured,
        reportNs / 1e6 / measured,
        windows,
        heap / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
