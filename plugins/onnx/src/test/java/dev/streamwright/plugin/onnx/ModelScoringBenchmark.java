package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The model step alone, side by side in one JVM: a bounded {@code datagen} table scored by {@code
 * ML_PREDICT} with the {@code onnx} provider into a {@code blackhole} sink, against a plain Java
 * loop that makes the same random features and calls ONNX Runtime with the same batch size and the
 * same session options. Also the datagen-to-blackhole job without the model, to show what the
 * source and sink cost. Target of the model issue: Flink rows/s at least 0.80 of the loop's.
 *
 * <p>{@code model} is a path (default: the fraud-scorer sample, a 4-feature logistic regression
 * that costs ONNX Runtime well under a microsecond per row), or {@code mlp:256,256}: a multi-layer
 * perceptron with those hidden layers on the same four inputs, written under target/bench-models,
 * as a stand-in for a production model's cost per row. {@code vectorized=true} adds, per round, a
 * job that scores the same rows with a batching DataStream operator ({@link VectorizedScoring}),
 * for comparison. Each job also reports CPU time per row by thread role (docs/decisions/0012).
 *
 * <p>Run: {@code mvn -o -q -pl plugins/api,plugins/onnx test-compile} then {@code mvn -o -q -pl
 * plugins/onnx -Pbench exec:exec -Dbench.class=ModelScoringBenchmark -Dbench.args="rows=2000000
 * batch=64 inflight=64 rounds=2 model=mlp:256,256"}.
 */
public final class ModelScoringBenchmark {

  private static final List<String> FEATURES =
      List.of("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");

  private ModelScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    long rows = Long.parseLong(a.getOrDefault("rows", "2000000"));
    int batch = Integer.parseInt(a.getOrDefault("batch", "64"));
    int inflight = Integer.parseInt(a.getOrDefault("inflight", "64"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
    boolean withVectorized = Boolean.parseBoolean(a.getOrDefault("vectorized", "false"));
    Path model =
        model(a.getOrDefault("model", "../../samples/models/fraud-scorer/fraud-scorer.onnx"));
    System.out.printf(
        Locale.ROOT,
        "rows=%d batch=%d inflight=%d rounds=%d model=%s; load %s%n",
        rows,
        batch,
        inflight,
        rounds,
        model,
        load());

    FlinkSqlCluster cluster = new FlinkSqlCluster();
    cluster.beforeAll(null);
    try {
      // Warm-up: one run of each, not counted.
      flink(cluster, model, rows / 4, batch, inflight, true);
      loop(model, rows / 4, batch);
      List<Job> flink = new ArrayList<>();
      List<Job> loop = new ArrayList<>();
      List<Job> source = new ArrayList<>();
      List<Job> vector = new ArrayList<>();
      if (withVectorized) {
        vectorized(cluster, model, rows / 4, batch);
      }
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          flink.add(flink(cluster, model, rows, batch, inflight, true));
          loop.add(loop(model, rows, batch));
        } else {
          loop.add(loop(model, rows, batch));
          flink.add(flink(cluster, model, rows, batch, inflight, true));
        }
        source.add(flink(cluster, model, rows, batch, inflight, false));
        if (withVectorized) {
          Job v = vectorized(cluster, model, rows, batch);
          vector.add(v);
          System.out.printf(
              Locale.ROOT,
              "  vectorized operator (comparison): %,.0f rows/s, ratio to loop %.3f, CPU us/row %s%n",
              v.rowsPerSecond(),
              v.rowsPerSecond() / loop.get(r).rowsPerSecond(),
              v.cpuPerRow(rows));
        }
        Job f = flink.get(r);
        Job l = loop.get(r);
        Job s = source.get(r);
        System.out.printf(
            Locale.ROOT,
            "round %d: ML_PREDICT %,.0f rows/s | plain ORT loop %,.0f rows/s | datagen ->"
                + " blackhole without the model %,.0f rows/s | ratio %.3f | load %s%n"
                + "  CPU us/row: ML_PREDICT job %s | loop %s | without the model %s%n",
            r + 1,
            f.rowsPerSecond(),
            l.rowsPerSecond(),
            s.rowsPerSecond(),
            f.rowsPerSecond() / l.rowsPerSecond(),
            load(),
            f.cpuPerRow(rows),
            l.cpuPerRow(rows),
            s.cpuPerRow(rows));
      }
      double mf = median(flink, Job::rowsPerSecond);
      double ml = median(loop, Job::rowsPerSecond);
      System.out.printf(
          Locale.ROOT,
          "RESULT rows=%d batch=%d inflight=%d: ML_PREDICT %,.0f rows/s, plain loop %,.0f rows/s,"
              + " ratio %.3f (median of %d), source+sink alone %,.0f rows/s | load %s%n",
          rows,
          batch,
          inflight,
          mf,
          ml,
          mf / ml,
          rounds,
          median(source, Job::rowsPerSecond),
          load());
      // The model operator's own thread(s) against the loop's: what the ratio would be if the
      // model's task had a core to itself and the source kept up.
      double task = median(flink, j -> j.cpuMicrosPerRow(rows, MODEL_TASK, BATCH_TIMER));
      double orts = median(loop, j -> j.cpuMicrosPerRow(rows, LOOP));
      double src = median(flink, j -> j.cpuMicrosPerRow(rows, SOURCE));
      double bare = median(source, j -> j.cpuMicrosPerRow(rows, SOURCE, SINK));
      System.out.printf(
          Locale.ROOT,
          "PER ROW (CPU, median): ML_PREDICT task thread %.3f us (of which ORT and features as in"
              + " the loop %.3f us, Flink's row path and the provider %.3f us) | datagen source"
              + " thread %.3f us | datagen -> blackhole without the model %.3f us | CPU ratio"
              + " loop/task %.3f%n",
          task,
          orts,
          task - orts,
          src,
          bare,
          orts / task);
      if (withVectorized) {
        double vj = median(vector, j -> j.cpuMicrosPerRow(rows, VECTORIZED));
        double mj = median(flink, j -> j.cpuMicrosPerRow(rows, SOURCE, MODEL_TASK, BATCH_TIMER));
        System.out.printf(
            Locale.ROOT,
            "VECTORIZED (comparison): %,.0f rows/s, ratio to loop %.3f | CPU per row, source and"
                + " scoring threads: vectorized %.3f us, ML_PREDICT %.3f us, no model %.3f us;"
                + " scoring's share over no model: vectorized %.3f us, ML_PREDICT %.3f us%n",
            median(vector, Job::rowsPerSecond),
            median(vector, Job::rowsPerSecond) / ml,
            vj,
            mj,
            bare,
            vj - bare,
            mj - bare);
      }
    } finally {
      cluster.afterAll(null);
    }
  }

  /** The model file: a path, or {@code mlp:h1,h2,...} written under target/bench-models. */
  private static Path model(String spec) throws java.io.IOException {
    if (!spec.startsWith("mlp:")) {
      Path path = Path.of(spec).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("no model file " + path);
      }
      return path;
    }
    int[] hidden =
        java.util.Arrays.stream(spec.substring(4).split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    Path dir = Files.createDirectories(Path.of("target", "bench-models")).toAbsolutePath();
    String name =
        "mlp-4-"
            + String.join("-", java.util.Arrays.stream(hidden).mapToObj(String::valueOf).toList())
            + "-1.onnx";
    return OnnxModels.write(
        dir, name, OnnxModels.mlpPerFeature(FEATURES, hidden, "fraud_score", 42));
  }

  /** The datagen -> (ML_PREDICT ->) blackhole job: rows/s from submission to finish, and CPU. */
  private static Job flink(
      FlinkSqlCluster cluster, Path model, long rows, int batch, int inflight, boolean score)
      throws Exception {
    TableEnvironment t = cluster.newSession();
    String columns = createSource(t, rows);
    t.executeSql(
        "CREATE TEMPORARY TABLE sink (`fraud_score` FLOAT) WITH ('connector' = 'blackhole')");
    String query;
    if (score) {
      t.executeSql(
          "CREATE TEMPORARY MODEL m INPUT ("
              + columns
              + ") OUTPUT (`fraud_score` FLOAT) WITH ('provider' = 'onnx', 'path' = '"
              + model
              + "', 'batch.size' = '"
              + batch
              + "')");
      query =
          "INSERT INTO sink SELECT `fraud_score` FROM ML_PREDICT(TABLE src, MODEL m,"
              + " DESCRIPTOR(`amount`, `avg_1min_spend`, `tx_count_1min`, `amount_ratio`),"
              + " MAP['max-concurrent-operations', '"
              + inflight
              + "'])";
    } else {
      query = "INSERT INTO sink SELECT `amount` + `amount_ratio` FROM src";
    }
    try (ThreadCpu cpu = new ThreadCpu(ModelScoringBenchmark::role)) {
      long start = System.nanoTime();
      t.executeSql(query).await();
      double perSecond = rows / ((System.nanoTime() - start) / 1e9);
      return new Job(perSecond, cpu.byRole());
    }
  }

  /** The bounded datagen table {@code src} of the four features; returns its column list. */
  private static String createSource(TableEnvironment t, long rows) {
    StringBuilder columns = new StringBuilder();
    StringBuilder options = new StringBuilder();
    for (String f : FEATURES) {
      columns.append(columns.length() == 0 ? "" : ", ").append('`').append(f).append("` FLOAT");
      options
          .append(", 'fields.")
          .append(f)
          .append(".min' = '0', 'fields.")
          .append(f)
          .append(".max' = '100'");
    }
    t.executeSql(
        "CREATE TEMPORARY TABLE src ("
            + columns
            + ") WITH ('connector' = 'datagen', 'number-of-rows' = '"
            + rows
            + "', 'rows-per-second' = '1000000000'"
            + options
            + ")");
    return columns.toString();
  }

  /** The same source into a vectorized scoring operator (comparison only), rows/s and CPU. */
  private static Job vectorized(FlinkSqlCluster cluster, Path model, long rows, int batch)
      throws Exception {
    var t = cluster.newSession();
    createSource(t, rows);
    try (ThreadCpu cpu = new ThreadCpu(ModelScoringBenchmark::role)) {
      long start = System.nanoTime();
      VectorizedScoring.run(t, model.toString(), FEATURES, batch);
      double perSecond = rows / ((System.nanoTime() - start) / 1e9);
      return new Job(perSecond, cpu.byRole());
    }
  }

  private static final String VECTORIZED = "vectorized chain";
  private static final String MODEL_TASK = "model task";
  private static final String BATCH_TIMER = "batch timer";
  private static final String SOURCE = "source";
  private static final String SINK = "sink";
  private static final String LOOP = "loop";

  private static String role(String thread) {
    if (thread.contains("batch-score")) {
      return VECTORIZED;
    } else if (thread.contains("MLPredictTableFunction")) {
      return MODEL_TASK;
    } else if (thread.startsWith("onnx-batch-")) {
      return BATCH_TIMER;
    } else if (thread.contains("Source: src")) {
      return SOURCE;
    } else if (thread.contains("sink[")) {
      return SINK;
    }
    return "other";
  }

  /** A run's rows per second and CPU nanoseconds per thread role. */
  private record Job(double rowsPerSecond, Map<String, Long> cpuNanos) {

    double cpuMicrosPerRow(long rows, String... roles) {
      long sum = 0;
      for (String r : roles) {
        sum += cpuNanos.getOrDefault(r, 0L);
      }
      return sum / 1e3 / rows;
    }

    String cpuPerRow(long rows) {
      StringBuilder out = new StringBuilder();
      cpuNanos.forEach(
          (role, nanos) ->
              out.append(out.length() == 0 ? "" : ", ")
                  .append(role)
                  .append(String.format(Locale.ROOT, " %.3f", nanos / 1e3 / rows)));
      return out.toString();
    }
  }

  /** Rows per second of a plain loop: random features, ORT at the same batch size, read scores. */
  private static Job loop(Path model, long rows, int batch) throws Exception {
    long cpuStart =
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    OrtEnvironment env = OnnxEnvironment.get();
    SplittableRandom random = new SplittableRandom(42);
    double checksum = 0;
    long start = System.nanoTime();
    try (OrtSession session =
        env.createSession(model.toString(), OnnxEnvironment.sessionOptions())) {
      long done = 0;
      while (done < rows) {
        int n = (int) Math.min(batch, rows - done);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
          for (String f : FEATURES) {
            float[] column = new float[n];
            for (int r = 0; r < n; r++) {
              column[r] = (float) (random.nextDouble() * 100);
            }
            inputs.put(
                f, OnnxTensor.createTensor(env, FloatBuffer.wrap(column), new long[] {n, 1}));
          }
          try (OrtSession.Result result = session.run(inputs)) {
            FloatBuffer scores = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int r = 0; r < n; r++) {
              checksum += scores.get(r);
            }
          }
        } finally {
          inputs.values().forEach(OnnxTensor::close);
        }
        done += n;
      }
    }
    double perSecond = rows / ((System.nanoTime() - start) / 1e9);
    if (Double.isNaN(checksum)) {
      throw new IllegalStateException("the model returned NaN");
    }
    long cpu =
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
            - cpuStart;
    return new Job(perSecond, Map.of(LOOP, cpu));
  }

  private static double median(List<Job> jobs, java.util.function.ToDoubleFunction<Job> value) {
    double[] sorted = jobs.stream().mapToDouble(value).toArray();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
