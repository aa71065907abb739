package dev.streamwright.plugin.onnx;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncPredictFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ML_PREDICT in async mode: rows are gathered into micro-batches and each batch is scored with one
 * ONNX Runtime call, then every row's future completes with its own score.
 *
 * <p>Flink keeps at most {@code max-concurrent-operations} rows in flight per task, so a batch is
 * cut at that many rows: waiting for more would only wait out {@code batch.max-wait}.
 */
public final class OnnxAsyncPredictFunction extends AsyncPredictFunction {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(OnnxAsyncPredictFunction.class);

  private final ScoringSpec spec;
  private final int batchSize;

  private transient BatchScorer scorer;
  private transient FeatureReader features;
  private transient MicroBatcher<PendingRow> batcher;

  /**
   * @param batchSize rows per batch: {@code batch.size}, capped by Flink's in-flight limit
   */
  OnnxAsyncPredictFunction(ScoringSpec spec, int batchSize) {
    this.spec = spec;
    this.batchSize = batchSize;
  }

  int batchSize() {
    return batchSize;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    scorer = spec.openScorer();
    features = spec.featureReader();
    batcher =
        new MicroBatcher<>(batchSize, spec.maxWait(), this::score, "onnx-batch-" + spec.model());
    LOG.info(
        "Scoring with model '{}' from {} in batches of up to {} rows or {} ms",
        spec.model(),
        spec.path(),
        batchSize,
        spec.maxWait().toMillis());
  }

  @Override
  public CompletableFuture<Collection<RowData>> asyncPredict(RowData row) {
    CompletableFuture<Collection<RowData>> result = new CompletableFuture<>();
    Optional<float[]> vector;
    try {
      vector = features.read(row);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    if (vector.isEmpty()) {
      result.complete(List.of());
    } else {
      batcher.add(new PendingRow(vector.get(), result));
    }
    return result;
  }

  private void score(List<PendingRow> batch) {
    try {
      double[][] scores = scorer.score(batch.stream().map(PendingRow::features).toList());
      for (int r = 0; r < batch.size(); r++) {
        batch.get(r).result().complete(List.of(spec.outputRow(scores, r)));
      }
    } catch (Exception | LinkageError e) {
      ScoringFailure failure = ScoringFailure.of(spec, batch.size(), e);
      batch.forEach(p -> p.result().completeExceptionally(failure));
    }
  }

  @Override
  public void close() throws Exception {
    if (batcher != null) {
      ScoringFailure closed =
          new ScoringFailure(
              "Model '" + spec.model() + "' (provider 'onnx'): the task stopped before scoring",
              null);
      batcher.closeAndDrain().forEach(p -> p.result().completeExceptionally(closed));
      batcher = null;
    }
    if (scorer != null) {
      scorer.close();
      scorer = null;
    }
  }

  /** A row waiting in a batch, and where its score goes. */
  private record PendingRow(float[] features, CompletableFuture<Collection<RowData>> result) {}
}
