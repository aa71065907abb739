package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when a model does not fit its CREATE MODEL: the planner refuses the query with
 * the model, the file or column, and what to do. Planning only; no job starts.
 */
class OnnxModelValidationTest {

  static final float[] W = {0.8f, -1.5f, 0.25f};

  @TempDir Path dir;

  TableEnvironment t;

  @BeforeEach
  void session() {
    t = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    t.executeSql(
        "CREATE TEMPORARY VIEW tx AS SELECT * FROM (VALUES (1, CAST(1.0 AS FLOAT), CAST(2.0 AS"
            + " DOUBLE), CAST(3.0 AS FLOAT), 'shop')) AS v(id, amount, velocity, distance,"
            + " merchant)");
  }

  @Test
  void aGoodModelPlans() {
    Path model = goodModel();
    t.executeSql(createModel(model, ""));
    assertThat(t.explainSql(predict())).contains("ML_PREDICT");
  }

  @Test
  void missingFileIsNamedWithWhatToCheck() {
    Path missing = dir.resolve("nowhere.onnx");
    assertThat(planningError(createModel(missing, "")))
        .contains("Model 'fraud' (provider 'onnx')")
        .contains("'" + missing + "' does not exist")
        .contains("Check 'path'");
  }

  @Test
  void aFileThatIsNotOnnxIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a model\n");
    assertThat(planningError(createModel(text, "")))
        .contains("Model 'fraud' (provider 'onnx')")
        .contains("'" + text + "' is not a readable ONNX model")
        .contains("Export the model again");
  }

  @Test
  void aTruncatedModelIsRefused() throws Exception {
    byte[] whole = OnnxModels.logisticMatrix("x", W, -0.3f, "fraud_score");
    Path half = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));
    assertThat(planningError(createModel(half, ""))).contains("is not a readable ONNX model");
  }

  @Test
  void inputCountMismatchListsBothSides() {
    Path twoInputs =
        OnnxModels.write(
            dir,
            "two.onnx",
            OnnxModels.logisticPerFeature(
                List.of("amount", "velocity"),
                new float[] {1f, 2f},
                0f,
                "fraud_score",
                false,
                false));
    assertThat(planningError(createModel(twoInputs, "")))
        .contains("INPUT declares 3 columns [amount, velocity, distance]")
        .contains("two.onnx takes 2 inputs (amount [N,1] float, velocity [N,1] float)")
        .contains("Declare one INPUT column per model input");
  }

  @Test
  void matrixInputOfTheWrongWidthIsRefused() {
    Path wide =
        OnnxModels.write(
            dir,
            "wide.onnx",
            OnnxModels.logisticMatrix("x", new float[] {1, 2, 3, 4}, 0f, "fraud_score"));
    assertThat(planningError(createModel(wide, "")))
        .contains("takes one input 'x' of shape [N,4]")
        .contains("must be [N,3]");
  }

  @Test
  void nonFloatModelInputIsRefused() {
    Path doubles =
        OnnxModels.write(
            dir, "double.onnx", OnnxModels.identity("amount", OnnxModels.DOUBLE, "fraud_score"));
    String error =
        planningError(
            "CREATE TEMPORARY MODEL fraud INPUT (amount FLOAT) OUTPUT (fraud_score FLOAT) WITH"
                + " ('provider' = 'onnx', 'path' = '"
                + doubles
                + "')",
            "SELECT * FROM ML_PREDICT(TABLE tx, MODEL fraud, DESCRIPTOR(amount))");
    assertThat(error)
        .contains("model input 'amount' of double.onnx is a tensor of DOUBLE")
        .contains("feeds float tensors");
  }

  @Test
  void textColumnsCannotBeFeatures() {
    String error =
        planningError(
            "CREATE TEMPORARY MODEL fraud INPUT (merchant STRING) OUTPUT (fraud_score FLOAT) WITH"
                + " ('provider' = 'onnx', 'path' = '"
                + goodModel()
                + "')",
            "SELECT * FROM ML_PREDICT(TABLE tx, MODEL fraud, DESCRIPTOR(merchant))");
    assertThat(error).contains("INPUT column 'merchant' is STRING").contains("CAST the column");
  }

  @Test
  void relativePathIsRefused() {
    assertThat(planningError(createModel(Path.of("models/fraud.onnx"), "")))
        .contains("'path' = 'models/fraud.onnx' is relative");
  }

  @Test
  void misspelledOptionIsRefusedByFlink() {
    assertThat(planningError(createModel(goodModel(), "'batch.sise' = '8'")))
        .contains("batch.sise");
  }

  private Path goodModel() {
    return OnnxModels.write(
        dir, "good.onnx", OnnxModels.logisticMatrix("x", W, -0.3f, "fraud_score"));
  }

  private static String createModel(Path file, String extra) {
    return "CREATE TEMPORARY MODEL fraud INPUT (amount FLOAT, velocity DOUBLE, distance FLOAT)"
        + " OUTPUT (fraud_score FLOAT) WITH ('provider' = 'onnx', 'path' = '"
        + file
        + "'"
        + (extra.isEmpty() ? "" : ", " + extra)
        + ")";
  }

  private static String predict() {
    return "SELECT * FROM ML_PREDICT(TABLE tx, MODEL fraud, DESCRIPTOR(amount, velocity, distance))";
  }

  private String planningError(String createModel) {
    return planningError(createModel, predict());
  }

  /** Every message of the failure's cause chain: Flink wraps the provider's own message. */
  private String planningError(String createModel, String query) {
    t.executeSql(createModel);
    Throwable error = catchThrowable(() -> t.explainSql(query));
    assertThat(error).as("planning should fail").isNotNull();
    List<String> messages = new ArrayList<>();
    for (Throwable e = error; e != null; e = e.getCause()) {
      messages.add(String.valueOf(e.getMessage()));
    }
    return String.join("\n", messages);
  }
}
