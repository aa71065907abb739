package dev.streamwright.monitor.lag;

/**
 * How a consumer group's partition is doing, as Burrow evaluates it over its last commits; the
 * order is from best to worst, so a group's status is its worst partition's.
 */
public enum LagStatus {
  /** Lag is zero now or was zero within the window, or the group keeps up. */
  OK,
  /** Offsets advance but lag never decreases over the window: the group falls behind. */
  WARN,
  /** All commits in the window are equal and there is lag: the consumer is stuck. */
  STALL,
  /** No commit for longer than the window spans: the consumer stopped committing. */
  STOP,
  /** A committed offset went down: the group was rewound (a reset or a restore). */
  REWIND;

  /** The worse of two statuses. */
  public LagStatus worst(LagStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
