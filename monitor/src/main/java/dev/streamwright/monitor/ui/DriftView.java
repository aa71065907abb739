package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftCalculator;
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

    /** The column's key in the panel and in alert scopes: {@code nodeId/column}. */
    public String key() {
      return nodeId + "/" + drift.column();
    }
  }
}
