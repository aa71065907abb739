package dev.streamwright.app.ui.run;

import dev.streamwright.runtime.api.ResultRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows one preview sink has sent during a run, newest first, bounded to the sink's "rows kept"
 * setting so a long run never grows the table without limit. Confined to the FX thread: rows arrive
 * in batches from {@link RunViewModel}'s coalescing drain, never one by one.
 */
public final class PreviewTable {

  /** One row as the table shows it. */
  public record Row(String kind, List<Object> values) {

    public Row {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The value of column {@code i}, or null. */
    public Object value(int i) {
      return i < values.size() ? values.get(i) : null;
    }
  }

  private final String sinkId;
  private final String title;
  private final int maxRows;
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
  private final ReadOnlyBooleanWrapper changelog = new ReadOnlyBooleanWrapper(this, "changelog");

  /**
   * @param sinkId the preview sink node id
   * @param title what the tab shows: the node's name
   * @param maxRows how many of the newest rows to keep (at least 1)
   * @param columns the sink's column names
   */
  public PreviewTable(String sinkId, String title, int maxRows, List<String> columns) {
    this.sinkId = Objects.requireNonNull(sinkId, "sinkId");
    this.title = title == null || title.isBlank() ? sinkId : title;
    this.maxRows = Math.max(1, maxRows);
    this.columns.setAll(columns);
  }

  /** The preview sink's node id. */
  public String sinkId() {
    return sinkId;
  }

  /** The tab title. */
  public String title() {
    return title;
  }

  /** How many rows the table keeps. */
  public int maxRows() {
    return maxRows;
  }

  /** The sink's column names; filled from the first row when the stream did not know them. */
  public ObservableList<String> columns() {
    return columns;
  }

  /** The kept rows, newest first. */
  public ObservableList<Row> rows() {
    return rowsView;
  }

  /** How many rows arrived in this run, including those no longer kept. */
  public ReadOnlyLongProperty receivedProperty() {
    return received.getReadOnlyProperty();
  }

  /**
   * Whether the sink has sent updates or deletes, not only inserts: then the table shows each row's
   * change kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}).
   */
  public ReadOnlyBooleanProperty changelogProperty() {
    return changelog.getReadOnlyProperty();
  }

  /** Adds a batch (oldest first, as it arrived) in one list change, dropping the oldest rows. */
  public void append(List<ResultRow> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (columns.isEmpty()) {
      columns.setAll(batch.get(0).columns());
    }
    int keep = Math.min(batch.size(), maxRows);
    List<Row> newestFirst = new ArrayList<>(keep);
    boolean updates = false;
    for (int i = batch.size() - 1; i >= batch.size() - keep; i--) {
      ResultRow r = batch.get(i);
      updates |= !"+I".equals(r.kind());
      newestFirst.add(new Row(r.kind(), r.values()));
    }
    if (updates && !changelog.get()) {
      changelog.set(true);
    }
    int overflow = rows.size() + newestFirst.size() - maxRows;
    if (overflow > 0) {
      rows.remove(rows.size() - overflow, rows.size());
    }
    rows.addAll(0, newestFirst);
    received.set(received.get() + batch.size());
  }
}
