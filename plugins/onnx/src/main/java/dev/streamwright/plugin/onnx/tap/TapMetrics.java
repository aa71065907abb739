package dev.streamwright.plugin.onnx.tap;

/**
 * Where a drift tap's gauges live among a task's Flink metrics: in the group {@code
 * streamwright.drift.<node id>} of the operator that evaluates the tap, one gauge per monitored
 * column named as the column, whose value is the {@link TapWire} text of the last closed window.
 * Through Flink's REST API a gauge's id reads {@code <subtask>.<operator>.streamwright.drift.<node
 * id>.<column>}.
 */
public final class TapMetrics {

  /** The first metric group under the operator (shared with the model's health metrics). */
  public static final String GROUP = "streamwright";

  /** The key of the group whose value is the id of the node whose rows are profiled. */
  public static final String TAP_KEY = "drift";

  private TapMetrics() {}
}
