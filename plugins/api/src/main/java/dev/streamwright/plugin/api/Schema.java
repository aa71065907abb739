package dev.streamwright.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered, typed columns flowing out of a port, with the time attributes carried along: the
 * event-time column (which has a watermark upstream) and the processing-time column, if any. {@code
 * updating} says whether the rows form a changelog rather than an append-only stream.
 */
public record Schema(List<Column> columns, String eventTime, String procTime, boolean updating) {

  /** A schema with no columns, used where an upstream problem left nothing to derive. */
  public static final Schema EMPTY = new Schema(List.of(), null, null, false);

  public Schema {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }

  /** An append-only schema with no time attributes. */
  public static Schema of(List<Column> columns) {
    return new Schema(columns, null, null, false);
  }

  /** The column with this name, compared case-insensitively as Flink SQL does for lookups. */
  public Optional<Column> column(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Column c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether a column of this name exists. */
  public boolean has(String name) {
    return column(name).isPresent();
  }

  /** Column names in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /** This schema with other columns, keeping the time attributes that are still present. */
  public Schema withColumns(List<Column> newColumns) {
    Schema next = new Schema(newColumns, null, null, updating);
    return new Schema(
        newColumns,
        eventTime != null && next.has(eventTime) ? eventTime : null,
        procTime != null && next.has(procTime) ? procTime : null,
        updating);
  }

  /** This schema with the given event-time column. */
  public Schema withEventTime(String column) {
    return new Schema(columns, column, procTime, updating);
  }

  /** This schema with the given processing-time column. */
  public Schema withProcTime(String column) {
    return new Schema(columns, eventTime, column, updating);
  }

  /** This schema marked as a changelog or as append-only. */
  public Schema withUpdating(boolean value) {
    return new Schema(columns, eventTime, procTime, value);
  }
}
