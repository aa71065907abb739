package dev.streamwright.monitor.drift;

import java.util.List;

/**
 * The drift of one column between its reference and a window: every measure that applies to it, and
 * the one that decides its status (the default for the column unless one was chosen).
 *
 * @param column the column's name
 * @param method the measure that decides the status
 * @param value that measure's value
 * @param status that measure's status: the column's status
 * @param measures every measure that applies to the column's kind, in {@link DriftMethod} order
 * @param referenceRows rows of the reference (counted and missing)
 * @param currentRows rows of the window (counted and missing)
 * @param currentMissing values of the window left out as missing
 */
public record ColumnDrift(
    String column,
    DriftMethod method,
    double value,
    DriftStatus status,
    List<MeasureResult> measures,
    long referenceRows,
    long currentRows,
    long currentMissing) {

  public ColumnDrift {
    measures = List.copyOf(measures);
  }

  /**
   * One measure's result.
   *
   * @param method the measure
   * @return its result, or null when it does not apply to the column
   */
  public MeasureResult measure(DriftMethod method) {
    return measures.stream().filter(m -> m.method() == method).findFirst().orElse(null);
  }
}
