package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Run: {@code mvn -o -q -pl plugins/onnx -am test-compile} then {@code mvn -o -q -pl
 * plugins/onnx -Pbench exec:exec -Dbench.class=ModelScoringBenchmark -Dbench.args="rows=2000000
 * batch=64 inflight=64 rounds=2"}.
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
    Path model =
        Path.of(a.getOrDefault("model", "../../samples/models/fraud-scorer/fraud-scorer.onnx"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("no model file " + model);
    }
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
      double[] flink = new double[rounds];
      double[] loop = new double[rounds];
      double[] source = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          flink[r] = flink(cluster, model, rows, batch, inflight, true);
          loop[r] = loop(model, rows, batch);
        } else {
          loop[r] = loop(model, rows, batch);
          flink[r] = flink(cluster, model, rows, batch, inflight, true);
        }
        source[r] = flink(cluster, model, rows, batch, inflight, false);
        System.out.printf(
            Locale.ROOT,
            "round %d: ML_PREDICT %,.0f rows/s | plain ORT loop %,.0f rows/s | datagen ->"
                + " blackhole without the model %,.0f rows/s | ratio %.3f | load %s%n",
            r + 1,
            flink[r],
            loop[r],
            source[r],
            flink[r] / loop[r],
            load());
      }
      System.out.printf(
          Locale.ROOT,
          "RESULT rows=%d batch=%d inflight=%d: ML_PREDICT %,.0f rows/s, plain loop %,.0f rows/s,"
              + " ratio %.3f (median of %d), source+sink alone %,.0f rows/s | load %s%n",
          rows,
          batch,
          inflight,
          median(flink),
          median(loop),
          median(flink) / median(loop),
          rounds,
          median(source),
          load());
    } finally {
      cluster.afterAll(null);
    }
  }

  /** Rows per second of the datagen -> (ML_PREDICT ->) blackhole job, submission to finish. */
  private static double flink(
      FlinkSqlCluster cluster, Path model, long rows, int batch, int inflight, boolean score)
      throws Exception {
    TableEnvironment t = cluster.newSession();
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
    long start = System.nanoTime();
    t.executeSql(query).await();
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  /** Rows per second of a plain loop: random features, ORT at the same batch size, read scores. */
  private static double loop(Path model, long rows, int batch) throws Exception {
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
    return perSecond;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
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
