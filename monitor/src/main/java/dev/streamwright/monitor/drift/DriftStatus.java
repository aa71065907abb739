package dev.streamwright.monitor.drift;

/** The verdict of a drift measure on a column, or of the dataset's drift share. */
public enum DriftStatus {
  /** Nothing to compare: the window (or the reference) has no value of the column. */
  NO_DATA,
  /** Under the measure's threshold. */
  NO_DRIFT,
  /** PSI at or over 0.1 and under 0.25. */
  MODERATE,
  /** PSI at or over 0.25. */
  MAJOR,
  /** Over the threshold of a measure without levels (or the dataset's share). */
  DRIFT;

  /**
   * Whether this status counts as drifted (moderate and major included).
   *
   * @return true for {@link #MODERATE}, {@link #MAJOR} and {@link #DRIFT}
   */
  public boolean drifted() {
    return this == MODERATE || this == MAJOR || this == DRIFT;
  }
}
