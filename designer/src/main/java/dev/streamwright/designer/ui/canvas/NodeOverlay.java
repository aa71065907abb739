package dev.streamwright.designer.ui.canvas;

import java.util.Objects;

/**
 * The live figures one node shows on the canvas while its pipeline runs: records per second, a
 * backpressure colour, and a badge (lag on Kafka sources, latency on sinks). The studio fills it
 * from the monitor's snapshots; the canvas only draws it.
 *
 * @param recordsPerSecond the throughput as shown, e.g. {@code 1.2k/s}; empty when unknown
 * @param backpressure the colour of the node's strip: {@link Level#OK} green, {@link Level#LOW}
 *     amber, {@link Level#HIGH} red, {@link Level#NONE} neutral (unknown)
 * @param badge a short badge, e.g. {@code lag 1.2k · 3 s} or {@code p99 420 ms}; empty for none
 * @param badgeLevel the badge's colour
 * @param shared whether the figures are a chained Flink task's, shared with the other nodes chained
 *     into it (drawn as a dashed strip and said in the tooltip)
 * @param tooltip what hovering the badge or the node adds; may be empty
 */
public record NodeOverlay(
    String recordsPerSecond,
    Level backpressure,
    String badge,
    Level badgeLevel,
    boolean shared,
    String tooltip) {

  /** How good a figure is: no verdict, fine, worth a look, bad. */
  public enum Level {
    /** No verdict (unknown or not applicable): drawn neutral. */
    NONE,
    /** Fine: green. */
    OK,
    /** Worth a look: amber. */
    LOW,
    /** Bad: red. */
    HIGH
  }

  /** Null texts and levels read as empty and {@link Level#NONE}. */
  public NodeOverlay {
    recordsPerSecond = Objects.requireNonNullElse(recordsPerSecond, "");
    backpressure = Objects.requireNonNullElse(backpressure, Level.NONE);
    badge = Objects.requireNonNullElse(badge, "");
    badgeLevel = Objects.requireNonNullElse(badgeLevel, Level.NONE);
    tooltip = Objects.requireNonNullElse(tooltip, "");
  }

  /** Just a throughput and a backpressure colour. */
  public static NodeOverlay rate(String recordsPerSecond, Level backpressure) {
    return new NodeOverlay(recordsPerSecond, backpressure, "", Level.NONE, false, "");
  }
}
