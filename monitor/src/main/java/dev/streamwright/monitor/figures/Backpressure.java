package dev.streamwright.monitor.figures;

/** How much of its time a task spends back-pressured, in Flink's web UI's levels. */
public enum Backpressure {
  /** At most 10% of the time. */
  OK,
  /** Over 10% and at most 50%. */
  LOW,
  /** Over 50%. */
  HIGH;

  /** The level of a back-pressured time ratio in [0, 1]. */
  public static Backpressure of(double ratio) {
    if (ratio > 0.5) {
      return HIGH;
    }
    return ratio > 0.10 ? LOW : OK;
  }
}
