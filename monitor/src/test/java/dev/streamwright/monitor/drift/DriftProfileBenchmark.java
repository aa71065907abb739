package dev.streamwright.monitor.drift;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cost of drift profiles for 20 numeric columns (issue 13's load: 1-minute windows at 50,000
 * rows/s): CPU time of the benchmark's thread (not wall time: the machine may be shared) per value
 * to update the window profiles, row by row (as a tap sees rows) and in batches of 1,024 values per
 * column; then the time to compute every measure for the 20 columns, and to merge fifteen 1-minute
 * windows into a 15-minute view. References are 100,000 values per column; window values are
 * normal, a tenth of the columns shifted. Run in a JVM of its own:
 *
 * <pre>
 * mvn -o -q -pl monitor -Pbench test-compile exec:exec -Dbench.class=drift.DriftProfileBenchmark -Dbench.args="3000000 5"
 * </pre>
 *
 * Arguments: rows per window (default 3,000,000: a minute at 50,000 rows/s), rounds (default 5).
 */
public final class DriftProfileBenchmark {

  private static final int COLUMNS = 20;
  private static final int BUFFER = 1 << 16;
  private static final int BATCH = 1024;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DriftProfileBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf(
        Locale.ROOT,
        "%s UTC, load average %s, JVM %s, %d columns, %,d rows per window, %d rounds%n",
        Instant.now(),
        loadAverage(),
        System.getProperty("java.vm.version"),
        COLUMNS,
        rows,
        rounds);

    SplittableRandom random = new SplittableRandom(42);
    Map<String, NumericProfile> references = new LinkedHashMap<>();
    double[][] values = new double[COLUMNS][BUFFER];
    for (int c = 0; c < COLUMNS; c++) {
      double[] reference = new double[100_000];
      for (int i = 0; i < reference.length; i++) {
        reference[i] = gaussian(random) * (c + 1) + c;
      }
      references.put("f" + c, NumericProfile.reference(reference, ProfileOptions.DEFAULTS));
      double shift = c % 10 == 0 ? 0.5 * (c + 1) : 0;
      for (int i = 0; i < BUFFER; i++) {
        values[c][i] = gaussian(random) * (c + 1) + c + shift;
      }
    }
    NumericAccumulator[] windows = new NumericAccumulator[COLUMNS];
    NumericProfile[] referenceArray = references.values().toArray(new NumericProfile[0]);
    for (int c = 0; c < COLUMNS; c++) {
      windows[c] = new NumericAccumulator(referenceArray[c], c);
    }

    double[] byRow = new double[rounds];
    double[] byBatch = new double[rounds];
    long warmRows = Math.min(rows, 1_000_000);
    updateByRow(windows, values, warmRows);
    updateByBatch(windows, values, warmRows);
    for (int r = 0; r < rounds; r++) {
      byRow[r] = updateByRow(windows, values, rows);
      byBatch[r] = updateByBatch(windows, values, rows);
    }
    System.out.printf(
        Locale.ROOT,
        "update, row by row: median %.1f ns CPU/value (rounds %s)%n",
        median(byRow),
        format(byRow));
    System.out.printf(
        Locale.ROOT,
        "update, batches of %d: median %.1f ns CPU/value (rounds %s)%n",
        BATCH,
        median(byBatch),
        format(byBatch));
    System.out.printf(
        Locale.ROOT,
        "at 50,000 rows/s x %d columns: %.2f %% of one core (row by row)%n",
        COLUMNS,
        median(byRow) * 50_000 * COLUMNS / 1e7);

    // One full window per column, then every measure for the 20 columns.
    Map<String, NumericProfile> current = new LinkedHashMap<>();
    for (int c = 0; c < COLUMNS; c++) {
      current.put("f" + c, windows[c].snapshot());
    }
    double[] measures = new double[20];
    int drifted = 0;
    for (int w = 0; w < 5; w++) {
      drifted += DriftCalculator.dataset(references, current).drifted();
    }
    for (int i = 0; i < measures.length; i++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      DatasetDrift dataset = DriftCalculator.dataset(references, current);
      measures[i] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
      drifted = dataset.drifted();
    }
    System.out.printf(
        Locale.ROOT,
        "all measures (PSI, JS, KS, Wasserstein) for %d columns, reference sample %d, window"
            + " sample %d: median %.2f ms CPU, max %.2f ms; %d columns drifted%n",
        COLUMNS,
        ProfileOptions.DEFAULTS.referenceSample(),
        ProfileOptions.DEFAULTS.windowSample(),
        median(measures),
        Arrays.stream(measures).max().orElse(0),
        drifted);

    // A sliding 15-minute view: fifteen 1-minute windows merged, per column.
    double[] merges = new double[20];
    for (int i = 0; i < merges.length; i++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int c = 0; c < COLUMNS; c++) {
        NumericAccumulator view = new NumericAccumulator(referenceArray[c], 1000L + i);
        NumericProfile minute = current.get("f" + c);
        for (int m = 0; m < 15; m++) {
          view.merge(minute);
        }
        view.snapshot();
      }
      merges[i] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }
    System.out.printf(
        Locale.ROOT,
        "15 windows merged into a view, %d columns: median %.2f ms CPU%n",
        COLUMNS,
        median(merges));
    byte[] json =
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(current.get("f1"));
    System.out.printf(
        Locale.ROOT,
        "one window's profile of one column as JSON: %,d bytes (%d sample values)%n",
        json.length,
        current.get("f1").sample().length);
    System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
  }

  /** Adds {@code rows} rows, each a value per column; returns ns per value. */
  private static double updateByRow(NumericAccumulator[] windows, double[][] values, long rows) {
    for (NumericAccumulator w : windows) {
      w.reset();
    }
    long t0 = THREADS.getCurrentThreadCpuTime();
    int i = 0;
    for (long r = 0; r < rows; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        windows[c].add(values[c][i]);
      }
      i = (i + 1) & (BUFFER - 1);
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / (rows * COLUMNS);
  }

  /** Adds {@code rows} rows column by column in batches; returns ns per value. */
  private static double updateByBatch(NumericAccumulator[] windows, double[][] values, long rows) {
    for (NumericAccumulator w : windows) {
      w.reset();
    }
    long t0 = THREADS.getCurrentThreadCpuTime();
    int i = 0;
    for (long r = 0; r < rows; r += BATCH) {
      for (int c = 0; c < COLUMNS; c++) {
        windows[c].addAll(values[c], i, i + BATCH);
      }
      i = (i + BATCH) & (BUFFER - 1);
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0)
        / (((rows + BATCH - 1) / BATCH) * BATCH * COLUMNS);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: the benchmark's data only needs to look normal.
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String format(double[] xs) {
    StringBuilder b = new StringBuilder();
    for (double x : xs) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", x));
    }
    return b.toString();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
