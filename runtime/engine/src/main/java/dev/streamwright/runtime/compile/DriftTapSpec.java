package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.onnx.tap.TapKind;
import java.time.Duration;
import java.util.List;

/**
 * A drift tap compiled into a pipeline: the node whose output rows it profiles, its window and the
 * columns it monitors, in the order of the tap's arguments (and of its gauges).
 *
 * @param nodeId the node whose (main) output is profiled; the gauges' {@code drift} key
 * @param port the output port tapped
 * @param window the tumbling window's length
 * @param columns the monitored columns
 */
public record DriftTapSpec(String nodeId, String port, Duration window, List<Column> columns) {

  public DriftTapSpec {
    columns = List.copyOf(columns);
  }

  /**
   * A monitored column.
   *
   * @param name its name in the node's output
   * @param type its SQL type
   * @param kind how the tap profiles it
   */
  public record Column(String name, String type, TapKind kind) {}
}
