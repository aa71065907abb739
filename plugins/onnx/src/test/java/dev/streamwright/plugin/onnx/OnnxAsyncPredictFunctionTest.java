package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async function batches rows, scores them right, and handles invalid features as told. */
class OnnxAsyncPredictFunctionTest {

  static final float[] W = {0.8f, -1.5f};
  static final float B = 0.1f;

  @TempDir Path dir;

  OnnxAsyncPredictFunction function;

  @AfterEach
  void close() throws Exception {
    if (function != null) {
      function.close();
    }
  }

  @Test
  void rowsAreScoredInBatchesOfBatchSize() throws Exception {
    open(4, Duration.ofHours(1), InvalidInputPolicy.FAIL);
    List<CompletableFuture<Collection<RowData>>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(function.asyncPredict(GenericRowData.of((float) i, (double) -i / 2)));
    }
    // Two full batches ran; the last two rows wait for company (max-wait is an hour here).
    assertThat(results.subList(0, 8)).allMatch(CompletableFuture::isDone);
    assertThat(results.subList(8, 10)).noneMatch(CompletableFuture::isDone);
    for (int i = 0; i < 8; i++) {
      assertThat(score(results.get(i)))
          .isCloseTo(OnnxModels.logistic(W, B, i, -i / 2f), within(1e-6));
    }
    function.close();
    function = null;
    assertThat(results.subList(8, 10)).allMatch(CompletableFuture::isCompletedExceptionally);
  }

  @Test
  void aLoneRowIsScoredAfterMaxWait() throws Exception {
    open(64, Duration.ofMillis(5), InvalidInputPolicy.FAIL);
    CompletableFuture<Collection<RowData>> result =
        function.asyncPredict(GenericRowData.of(1f, 2.0));
    assertThat(score(result)).isCloseTo(OnnxModels.logistic(W, B, 1f, 2f), within(1e-6));
  }

  @Test
  void failPolicyNamesTheModelAndColumn() throws Exception {
    open(4, Duration.ofMillis(5), InvalidInputPolicy.FAIL);
    CompletableFuture<Collection<RowData>> result =
        function.asyncPredict(GenericRowData.of(1f, Double.NaN));
    assertThat(result).isCompletedExceptionally();
    assertThat(result.handle((r, e) -> e.getMessage()).get())
        .contains("Model 'fraud' (provider 'onnx'): INPUT column 'velocity' is NaN")
        .contains("'on-invalid-input' = 'skip' or 'default'");
  }

  @Test
  void aDoubleBeyondFloatRangeIsInvalidAndSaysWhy() throws Exception {
    open(4, Duration.ofMillis(5), InvalidInputPolicy.FAIL);
    CompletableFuture<Collection<RowData>> result =
        function.asyncPredict(GenericRowData.of(1f, 1e300));
    assertThat(result.handle((r, e) -> e.getMessage()).get())
        .contains("INPUT column 'velocity' is 1.0E300, too large for the model's float input");
  }

  @Test
  void skipPolicyEmitsNothingForTheRow() throws Exception {
    open(4, Duration.ofMillis(5), InvalidInputPolicy.SKIP);
    assertThat(function.asyncPredict(GenericRowData.of(null, 1.0)).get()).isEmpty();
  }

  @Test
  void defaultPolicyScoresWithTheDefaultValue() throws Exception {
    open(4, Duration.ofMillis(5), InvalidInputPolicy.DEFAULT);
    CompletableFuture<Collection<RowData>> result =
        function.asyncPredict(GenericRowData.of(Float.POSITIVE_INFINITY, 1.0));
    assertThat(score(result)).isCloseTo(OnnxModels.logistic(W, B, 0.5f, 1f), within(1e-6));
  }

  private void open(int batch, Duration wait, InvalidInputPolicy policy) throws Exception {
    Path model =
        OnnxModels.write(dir, "m.onnx", OnnxModels.logisticMatrix("x", W, B, "fraud_score"));
    ScoringSpec spec =
        new ScoringSpec(
            "fraud",
            model.toString(),
            new TensorLayout(
                List.of("x"), true, List.of(2), List.of("fraud_score"), List.of(false)),
            List.of("amount", "velocity"),
            List.<LogicalType>of(new FloatType(), new DoubleType()),
            List.of(false),
            batch,
            wait,
            policy,
            0.5);
    function = new OnnxAsyncPredictFunction(spec, batch);
    function.open(null);
  }

  private static double score(CompletableFuture<Collection<RowData>> result)
      throws InterruptedException, ExecutionException {
    Collection<RowData> rows = result.get();
    assertThat(rows).hasSize(1);
    return rows.iterator().next().getFloat(0);
  }
}
