package dev.streamwright.plugin.onnx;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * The {@code WITH} options of {@code CREATE MODEL ... WITH ('provider' = 'onnx', ...)}: what a
 * Streamwright user can say about where the model file is and how rows are batched through it.
 */
public final class OnnxModelOptions {

  /** Absolute path of the {@code .onnx} file, readable on every machine that plans or runs. */
  public static final ConfigOption<String> PATH =
      ConfigOptions.key("path")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Absolute path of the ONNX model file. It must be readable where the query is"
                  + " planned and on every task manager.");

  /**
   * Rows per ONNX Runtime call. 64 is where a small model's per-call overhead (~4 us for JNI and
   * tensor set-up) stops dominating: 14M rows/s at 64 against 255k rows/s at 1 on the reference VM.
   */
  public static final ConfigOption<Integer> BATCH_SIZE =
      ConfigOptions.key("batch.size")
          .intType()
          .defaultValue(64)
          .withDescription(
              "Most rows scored by one ONNX Runtime call. In async mode a batch is also capped by"
                  + " ML_PREDICT's 'max-concurrent-operations' (Flink's default is 10).");

  /**
   * How long the first row of an unfilled batch may wait for company. 5 ms is invisible next to
   * Kafka and checkpoint latencies, yet long enough to fill batches on a busy stream.
   */
  public static final ConfigOption<Duration> BATCH_MAX_WAIT =
      ConfigOptions.key("batch.max-wait")
          .durationType()
          .defaultValue(Duration.ofMillis(5))
          .withDescription("Longest time a row waits for its batch to fill before it is scored.");

  /** What to do with a row whose feature is NULL, NaN or infinite. */
  public static final ConfigOption<InvalidInputPolicy> ON_INVALID_INPUT =
      ConfigOptions.key("on-invalid-input")
          .enumType(InvalidInputPolicy.class)
          .defaultValue(InvalidInputPolicy.FAIL)
          .withDescription(
              "fail: the job fails naming the model and column; skip: the row is dropped;"
                  + " default: the bad feature is replaced by 'invalid-input.default-value'.");

  /** The value that stands in for a NULL, NaN or infinite feature under {@code default}. */
  public static final ConfigOption<Double> INVALID_INPUT_DEFAULT_VALUE =
      ConfigOptions.key("invalid-input.default-value")
          .doubleType()
          .defaultValue(0.0)
          .withDescription(
              "Feature value used in place of NULL, NaN or infinity when on-invalid-input is"
                  + " 'default'.");

  private OnnxModelOptions() {}
}
