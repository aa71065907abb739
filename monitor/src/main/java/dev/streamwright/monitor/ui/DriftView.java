package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftCalculator;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.NumericProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the drift panel shows for one window of one deployment: per monitored column its drift and
 * the reference and current profiles its histograms are drawn from, and the dataset's drift share.
 *
 * @param deploymentId the deployment
 * @param at when the window closed
 * @param columns the monitored columns, in the order the table lists them
 * @param dataset the dataset drift of these columns
 */
public record DriftView(
    String deploymentId, Instant at, List<Column> columns, DatasetDrift dataset) {

  public DriftView {
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(at, "at");
    columns = List.copyOf(columns);
    Objects.requireNonNull(dataset, "dataset");
  }

  /** A view of these columns with their dataset drift at the default share. */
  public static DriftView of(String deploymentId, Instant at, List<Column> columns) {
    return new DriftView(
        deploymentId, at, columns, DatasetDrift.of(columns.stream().map(Column::drift).toList()));
  }

  /**
   * One monitored column.
   *
   * @param nodeId the node whose column it is
   * @param drift its drift in the window
   * @param reference its reference profile
   * @param current its profile in the window
   */
  public record Column(
      String nodeId, ColumnDrift drift, ColumnProfile reference, ColumnProfile current) {

    public Column {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(drift, "drift");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(current, "current");
    }

    /** A column whose drift is computed from its profiles with the column's default measure. */
    public static Column of(
        String nodeId, String column, ColumnProfile reference, ColumnProfile current) {
      return new Column(
          nodeId, DriftCalculator.column(column, reference, current), reference, current);
    }

    /**
     * A column without a reference (nothing to compare with yet): no measure, status no data, and
     * an empty reference on the current profile's bins, so its histogram shows the current values
     * alone. The panel says "no reference" for it.
     */
    public static Column unreferenced(String nodeId, String column, ColumnProfile current) {
      ColumnProfile empty =
          current instanceof NumericProfile n
              ? new NumericProfile(n.edges(), new long[n.counts().length], 0, 0, 0, new double[0])
              : new CategoricalProfile(
                  ((CategoricalProfile) current).categories(),
                  new long[current.counts().length],
                  0);
      ColumnDrift drift =
          new ColumnDrift(
              column,
              DriftMethod.defaultFor(current),
              Double.NaN,
              DriftStatus.NO_DATA,
              List.of(),
              0,
              current.rows(),
              current.missing());
      return new Column(nodeId, drift, empty, current);
    }

    /** Whether the column has a reference to be compared with (see {@link #unreferenced}). */
    public boolean referenced() {
      return !drift.measures().isEmpty();
    }

    /** The column's key in the panel and in alert scopes: {@code nodeId/column}. */
    public String key() {
      return nodeId + "/" + drift.column();
    }
  }
}
