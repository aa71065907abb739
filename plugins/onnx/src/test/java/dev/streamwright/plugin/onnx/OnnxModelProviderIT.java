package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CREATE MODEL ... WITH ('provider' = 'onnx') and ML_PREDICT on a real MiniCluster. */
class OnnxModelProviderIT {

  @RegisterExtension static final FlinkSqlCluster FLINK = new FlinkSqlCluster();

  @TempDir static Path models;

  static final float[] W = {0.8f, -1.5f, 0.25f};
  static final float B = -0.3f;

  /** id, amount, velocity, distance: a few rows with positive, negative and large features. */
  static final float[][] ROWS = {
    {1.5f, 0.25f, 3.0f},
    {-2.0f, 1.0f, 0.5f},
    {10.0f, -4.0f, 7.25f},
    {0f, 0f, 0f},
    {0.1f, 0.2f, -0.3f}
  };

  static Path perFeature;
  static Path perFeatureRank1;
  static Path matrix;

  @BeforeAll
  static void writeModels() {
    List<String> names = List.of("amount", "velocity", "distance");
    perFeature =
        OnnxModels.write(
            models,
            "per-feature.onnx",
            OnnxModels.logisticPerFeature(names, W, B, "fraud_score", false, false));
    perFeatureRank1 =
        OnnxModels.write(
            models,
            "per-feature-rank1.onnx",
            OnnxModels.logisticPerFeature(names, W, B, "fraud_score", true, true));
    matrix =
        OnnxModels.write(
            models, "matrix.onnx", OnnxModels.logisticMatrix("x", W, B, "fraud_score"));
  }

  @Test
  void perFeatureModelScoresEveryRowLikeTheFormula() throws Exception {
    assertScores(perFeature, "");
  }

  @Test
  void rank1InputsAndOutputAreScoredToo() throws Exception {
    assertScores(perFeatureRank1, "");
  }

  @Test
  void singleMatrixInputModelTakesAllColumnsInOrder() throws Exception {
    assertScores(matrix, "");
  }

  @Test
  void batchesLargerThanFlinksDefaultInFlightLimitScoreTheSame() throws Exception {
    assertScores(perFeature, ", MAP['max-concurrent-operations', '64']");
  }

  @Test
  void syncModeScoresRowByRow() throws Exception {
    assertScores(perFeature, ", MAP['async', 'false']");
  }

  @Test
  void perFeatureInputsAreMatchedByNameNotByDeclarationOrder() throws Exception {
    TableEnvironment t = FLINK.newSession();
    t.executeSql(valuesTable());
    t.executeSql(
        "CREATE TEMPORARY MODEL m INPUT (distance FLOAT, amount FLOAT, velocity DOUBLE)"
            + " OUTPUT (fraud_score FLOAT) WITH ('provider' = 'onnx', 'path' = '"
            + perFeature
            + "')");
    Map<Integer, Float> scores =
        collect(
            t.executeSql(
                "SELECT id, fraud_score FROM ML_PREDICT(TABLE tx, MODEL m,"
                    + " DESCRIPTOR(distance, amount, velocity))"));
    assertThat(scores).hasSize(ROWS.length);
    for (int i = 0; i < ROWS.length; i++) {
      assertThat((double) scores.get(i))
          .as("score of row %d", i)
          .isCloseTo(OnnxModels.logistic(W, B, ROWS[i]), within(1e-6));
    }
  }

  @Test
  void rowsWithANullFeatureAreDroppedUnderSkip() throws Exception {
    TableEnvironment t = FLINK.newSession();
    t.executeSql(tableWithNullVelocity());
    t.executeSql(createModel("m", perFeature, "'on-invalid-input' = 'skip'"));
    Map<Integer, Float> scores =
        collect(
            t.executeSql(
                "SELECT id, fraud_score FROM ML_PREDICT(TABLE tx, MODEL m,"
                    + " DESCRIPTOR(amount, velocity, distance))"));
    assertThat(scores).containsOnlyKeys(0, 2);
  }

  @Test
  void aNullFeatureFailsTheJobNamingTheColumnUnderFail() {
    TableEnvironment t = FLINK.newSession();
    t.executeSql(tableWithNullVelocity());
    t.executeSql(createModel("m", perFeature, ""));
    Throwable error =
        catchThrowable(
            () ->
                collect(
                    t.executeSql(
                        "SELECT id, fraud_score FROM ML_PREDICT(TABLE tx, MODEL m,"
                            + " DESCRIPTOR(amount, velocity, distance))")));
    List<String> messages = new ArrayList<>();
    for (Throwable e = error; e != null; e = e.getCause()) {
      messages.add(String.valueOf(e.getMessage()));
    }
    assertThat(String.join("\n", messages))
        .contains("Model 'm' (provider 'onnx'): INPUT column 'velocity' is NULL");
  }

  private static String tableWithNullVelocity() {
    return "CREATE TEMPORARY VIEW tx AS SELECT * FROM (VALUES"
        + " (0, CAST(1.0 AS FLOAT), CAST(1.0 AS DOUBLE), CAST(1.0 AS FLOAT)),"
        + " (1, CAST(1.0 AS FLOAT), CAST(NULL AS DOUBLE), CAST(1.0 AS FLOAT)),"
        + " (2, CAST(2.0 AS FLOAT), CAST(1.0 AS DOUBLE), CAST(1.0 AS FLOAT)))"
        + " AS v(id, amount, velocity, distance)";
  }

  private void assertScores(Path model, String config) throws Exception {
    TableEnvironment t = FLINK.newSession();
    t.executeSql(valuesTable());
    t.executeSql(createModel("m", model, "'batch.size' = '4'"));
    Map<Integer, Float> scores =
        collect(
            t.executeSql(
                "SELECT id, fraud_score FROM ML_PREDICT(TABLE tx, MODEL m,"
                    + " DESCRIPTOR(amount, velocity, distance)"
                    + config
                    + ")"));
    assertThat(scores).hasSize(ROWS.length);
    for (int i = 0; i < ROWS.length; i++) {
      assertThat((double) scores.get(i))
          .as("score of row %d", i)
          .isCloseTo(OnnxModels.logistic(W, B, ROWS[i]), within(1e-6));
    }
  }

  static String valuesTable() {
    StringBuilder sql = new StringBuilder("CREATE TEMPORARY VIEW tx AS SELECT * FROM (VALUES ");
    for (int i = 0; i < ROWS.length; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", CAST(")
          .append(ROWS[i][0])
          .append(" AS FLOAT), CAST(")
          .append(ROWS[i][1])
          .append(" AS DOUBLE), CAST(")
          .append(ROWS[i][2])
          .append(" AS FLOAT))");
    }
    return sql.append(") AS v(id, amount, velocity, distance)").toString();
  }

  static String createModel(String name, Path file, String extraOptions) {
    return "CREATE TEMPORARY MODEL "
        + name
        + " INPUT (amount FLOAT, velocity DOUBLE, distance FLOAT) OUTPUT (fraud_score FLOAT)"
        + " WITH ('provider' = 'onnx', 'path' = '"
        + file
        + "'"
        + (extraOptions.isEmpty() ? "" : ", " + extraOptions)
        + ")";
  }

  static Map<Integer, Float> collect(TableResult result) throws Exception {
    Map<Integer, Float> scores = new HashMap<>();
    try (CloseableIterator<Row> rows = result.collect()) {
      while (rows.hasNext()) {
        Row row = rows.next();
        scores.put((Integer) row.getField(0), (Float) row.getField(1));
      }
    }
    return scores;
  }
}
