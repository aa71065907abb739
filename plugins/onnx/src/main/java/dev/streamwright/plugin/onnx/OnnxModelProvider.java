package dev.streamwright.plugin.onnx;

import org.apache.flink.table.api.config.MLPredictRuntimeConfigOptions;
import org.apache.flink.table.functions.AsyncPredictFunction;
import org.apache.flink.table.functions.PredictFunction;
import org.apache.flink.table.ml.AsyncPredictRuntimeProvider;
import org.apache.flink.table.ml.ModelProvider;
import org.apache.flink.table.ml.PredictRuntimeProvider;

/**
 * Offers both runtimes Flink 2.2 knows: the planner takes the async (batching) one unless the query
 * says {@code MAP['async', 'false']}.
 */
final class OnnxModelProvider implements AsyncPredictRuntimeProvider, PredictRuntimeProvider {

  private final ScoringSpec spec;
  private final int sessionInFlight;

  /**
   * @param sessionInFlight the session's {@code
   *     table.exec.async-ml-predict.max-concurrent-operations}
   */
  OnnxModelProvider(ScoringSpec spec, int sessionInFlight) {
    this.spec = spec;
    this.sessionInFlight = sessionInFlight;
  }

  @Override
  public AsyncPredictFunction createAsyncPredictFunction(Context context) {
    // ML_PREDICT(..., MAP['max-concurrent-operations', '64']) overrides the session's setting.
    int inFlight =
        context
            .runtimeConfig()
            .getOptional(MLPredictRuntimeConfigOptions.ASYNC_MAX_CONCURRENT_OPERATIONS)
            .orElse(sessionInFlight);
    return new OnnxAsyncPredictFunction(spec, Math.max(1, Math.min(spec.batchSize(), inFlight)));
  }

  @Override
  public PredictFunction createPredictFunction(Context context) {
    return new OnnxPredictFunction(spec);
  }

  @Override
  public ModelProvider copy() {
    return new OnnxModelProvider(spec, sessionInFlight);
  }
}
