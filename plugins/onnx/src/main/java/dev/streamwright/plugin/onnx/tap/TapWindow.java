package dev.streamwright.plugin.onnx.tap;

/**
 * What a drift tap saw of one monitored column in one subtask during one processing-time window:
 * the figures a monitor merges across subtasks and windows and compares with the column's
 * reference. {@link TapWire} writes it as the text of a Flink gauge.
 */
public sealed interface TapWindow permits NumericWindow, CategoricalWindow {

  /** The window's start, epoch milliseconds, a multiple of {@link #length()}. */
  long start();

  /** The window's length in milliseconds. */
  long length();

  /** Values seen that were not missing. */
  long count();

  /** Values seen that were missing: null, and for numbers NaN and the infinities. */
  long missing();
}
