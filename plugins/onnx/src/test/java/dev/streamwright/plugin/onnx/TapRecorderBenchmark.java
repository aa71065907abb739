package dev.streamwright.plugin.onnx;

import dev.streamwright.plugin.onnx.tap.TapKind;
import dev.streamwright.plugin.onnx.tap.TapRecorder;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.Locale;

/**
 * The drift tap's own work per row, without Flink: {@link TapRecorder#record} of 20 DOUBLE values
 * per row, boxed once beforehand (as Flink hands them over), in thread CPU time.
 *
 * <pre>
 * mvn -o -B -pl plugins/onnx -Pbench exec:exec -Dbench.class=TapRecorderBenchmark
 * </pre>
 */
public final class TapRecorderBenchmark {

  private TapRecorderBenchmark() {}

  /** Runs five rounds of 2,000,000 rows and prints ns of thread CPU per row. */
  public static void main(String[] args) {
    int columns = 20;
    TapRecorder r =
        new TapRecorder(
            60_000, Collections.nCopies(columns, TapKind.NUMERIC), System::currentTimeMillis, 1);
    Object[][] rows = new Object[4096][columns];
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (Object[] row : rows) {
      for (int c = 0; c < columns; c++) {
        row[c] = random.nextDouble() * 100;
      }
    }
    var threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) {
      long n = 2_000_000;
      long t0 = threads.getCurrentThreadCpuTime();
      for (long i = 0; i < n; i++) {
        r.record(rows[(int) (i & 4095)], 0);
      }
      long ns = threads.getCurrentThreadCpuTime() - t0;
      System.out.printf(
          Locale.ROOT,
          "round %d: %.1f ns CPU per row of %d values%n",
          round + 1,
          ns / (double) n,
          columns);
    }
  }
}
