package dev.streamwright.plugin.onnx;

/**
 * What the ONNX provider does with a row whose feature is NULL, NaN or infinite: a model fed such a
 * value returns garbage silently, so the user picks the lesser harm per model.
 */
public enum InvalidInputPolicy {
  /** Fail the job with a message naming the model, the column and the value. */
  FAIL,
  /** Drop the row: ML_PREDICT emits nothing for it. */
  SKIP,
  /** Replace the bad feature with {@code invalid-input.default-value} and score the row. */
  DEFAULT
}
