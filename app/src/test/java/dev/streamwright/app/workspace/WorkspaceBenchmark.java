package dev.streamwright.app.workspace;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Measures the workspace against the studio's targets (issue 3): a workspace of 1,000 pipelines
 * with 20 versions each opens in under 2 s, and saving one edit takes under 50 ms. Not a test: run
 * it by hand (command in docs/PERFORMANCE.md) and read the figures it prints.
 *
 * <p>Opens are timed in fresh JVMs, as a studio start is, and in this warm JVM.
 */
public final class WorkspaceBenchmark {

  private static final int PIPELINES = 1_000;
  private static final int VERSIONS = 20;
  private static final int NODES = 10;
  private static final int WARM_OPENS = 5;
  private static final int COLD_OPENS = 3;
  private static final int EDITS = 50;

  private static final PrintStream OUT = System.out;

  private WorkspaceBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("open-once")) {
      openOnce(Path.of(args[1]));
      return;
    }
    Path dir = Path.of(args.length > 0 ? args[0] : "target/workspace-benchmark").toAbsolutePath();
    StoreFiles.delete(dir);
    build(dir);
    measureOpens(dir);
    measureSaves(dir);
  }

  private static void build(Path dir) {
    long start = System.nanoTime();
    long text = 0;
    PipelineCodec codec = new PipelineCodec();
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      List<Pipeline> pipelines = new ArrayList<>(PIPELINES);
      for (int i = 0; i < PIPELINES; i++) {
        pipelines.add(TestPipelines.generated(String.format("p%04d", i), NODES, i));
      }
      for (int v = 1; v <= VERSIONS; v++) {
        for (int i = 0; i < PIPELINES; i++) {
          Pipeline p = v == 1 ? pipelines.get(i) : TestPipelines.edited(pipelines.get(i), v);
          text += codec.write(p).length();
          w.save(p);
        }
      }
    }
    OUT.printf(
        Locale.ROOT,
        "built %d pipelines x %d versions (%.1f MB of pipeline JSON) in %.1f s; store %.1f MB%n",
        PIPELINES,
        VERSIONS,
        text / 1e6,
        seconds(System.nanoTime() - start),
        StoreFiles.size(dir.resolve(Workspace.STORE_FOLDER)) / 1e6);
  }

  private static void measureOpens(Path dir) throws Exception {
    long start = System.nanoTime();
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      w.pipelines();
    }
    OUT.printf(
        Locale.ROOT,
        "first open after the build, with its backup copy: %.0f ms%n",
        millis(System.nanoTime() - start));

    double[] cold = new double[COLD_OPENS];
    for (int i = 0; i < COLD_OPENS; i++) {
      cold[i] = coldOpen(dir);
    }
    OUT.printf(
        Locale.ROOT,
        "open + list in a fresh JVM (studio start, logging already up), median of %d: %.0f ms %s%n",
        COLD_OPENS,
        median(cold),
        Arrays.toString(round(cold)));

    double[] warm = new double[WARM_OPENS];
    for (int i = 0; i < WARM_OPENS; i++) {
      long t = System.nanoTime();
      try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
        if (w.pipelines().size() != PIPELINES) {
          throw new IllegalStateException("pipelines missing");
        }
        warm[i] = millis(System.nanoTime() - t);
      }
    }
    OUT.printf(
        Locale.ROOT,
        "open + list in this JVM, median of %d: %.0f ms %s%n",
        WARM_OPENS,
        median(warm),
        Arrays.toString(round(warm)));
  }

  private static void measureSaves(Path dir) {
    double[] saves = new double[EDITS];
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      for (int i = 0; i < EDITS; i++) {
        String id = String.format("p%04d", i * 17 % PIPELINES);
        Pipeline edited = TestPipelines.edited(w.load(id).orElseThrow(), 1_000 + i);
        long t = System.nanoTime();
        SaveResult r = w.save(edited);
        saves[i] = millis(System.nanoTime() - t);
        if (r.outcome() != SaveResult.Outcome.NEW_VERSION) {
          throw new IllegalStateException("edit not saved: " + r);
        }
      }
    }
    double[] sorted = saves.clone();
    Arrays.sort(sorted);
    OUT.printf(
        Locale.ROOT,
        "save of one edit, median of %d: %.2f ms (p90 %.2f ms, max %.2f ms)%n",
        EDITS,
        median(saves),
        sorted[(int) (EDITS * 0.9)],
        sorted[EDITS - 1]);
  }

  /** Runs {@code open-once} in a new JVM with this class path and reads the time it prints. */
  private static double coldOpen(Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String property :
        List.of("java.io.tmpdir", "streamwright.logDir", "log4j2.configurationFile")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            WorkspaceBenchmark.class.getName(),
            "open-once",
            dir.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("open-once failed: " + output);
    }
    return Double.parseDouble(output.strip().lines().reduce((a, b) -> b).orElseThrow());
  }

  /**
   * Opens once and prints the time. Logging starts first, as it does in the studio long before the
   * workspace opens; its 0.5 s start-up would otherwise count as workspace time.
   */
  private static void openOnce(Path dir) {
    LoggerFactory.getLogger(WorkspaceBenchmark.class).info("Timing one open of {}", dir);
    long t = System.nanoTime();
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      w.pipelines();
      OUT.println(millis(System.nanoTime() - t));
    }
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
