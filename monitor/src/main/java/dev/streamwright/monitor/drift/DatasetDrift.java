package dev.streamwright.monitor.drift;

import java.util.List;

/**
 * The drift of a dataset (the monitored columns of a pipeline) over one window: the share of its
 * columns with data whose status is drifted, and whether it reaches the threshold (0.5 by default,
 * as Evidently's dataset drift). Columns without data in the window (no value, all null) are
 * reported but left out of the share; when no column has data the status is {@link
 * DriftStatus#NO_DATA}.
 *
 * @param columns the columns' results
 * @param drifted columns whose status is drifted
 * @param withData columns whose status is not {@link DriftStatus#NO_DATA}
 * @param share drifted / withData, NaN when no column has data
 * @param threshold the share from which the dataset drifts
 * @param status {@link DriftStatus#DRIFT} when share >= threshold, else {@link
 *     DriftStatus#NO_DRIFT}, or {@link DriftStatus#NO_DATA}
 */
public record DatasetDrift(
    List<ColumnDrift> columns,
    int drifted,
    int withData,
    double share,
    double threshold,
    DriftStatus status) {

  /** The default share of drifted columns from which a dataset drifts. */
  public static final double DEFAULT_SHARE = 0.5;

  public DatasetDrift {
    columns = List.copyOf(columns);
  }

  /**
   * The dataset drift of some columns' results at the default share.
   *
   * @param columns the columns' results
   * @return the dataset drift
   */
  public static DatasetDrift of(List<ColumnDrift> columns) {
    return of(columns, DEFAULT_SHARE);
  }

  /**
   * The dataset drift of some columns' results.
   *
   * @param columns the columns' results
   * @param threshold the share of drifted columns from which the dataset drifts, in (0, 1]
   * @return the dataset drift
   */
  public static DatasetDrift of(List<ColumnDrift> columns, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "the dataset drift share must be in (0, 1], got " + threshold);
    }
    int drifted = 0;
    int withData = 0;
    for (ColumnDrift c : columns) {
      if (c.status() != DriftStatus.NO_DATA) {
        withData++;
        if (c.status().drifted()) {
          drifted++;
        }
      }
    }
    double share = withData == 0 ? Double.NaN : (double) drifted / withData;
    DriftStatus status =
        withData == 0
            ? DriftStatus.NO_DATA
            : share >= threshold ? DriftStatus.DRIFT : DriftStatus.NO_DRIFT;
    return new DatasetDrift(columns, drifted, withData, share, threshold, status);
  }
}
