package dev.streamwright.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row that reached a preview sink. Values are plain Java values (String, Long, Double, Boolean,
 * BigDecimal, and ISO-8601 strings for times) in the sink's column order.
 *
 * @param sink the preview sink node id
 * @param kind how the row changes the sink's table: {@code +I} insert, {@code -U}/{@code +U} update
 *     before/after, {@code -D} delete
 * @param columns column names
 * @param values values in column order
 */
public record ResultRow(String sink, String kind, List<String> columns, List<Object> values) {

  public ResultRow {
    columns = List.copyOf(columns);
    values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  /** The row as an ordered map from column name to value. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i), i < values.size() ? values.get(i) : null);
    }
    return m;
  }

  /** The value of a column, or null. */
  public Object get(String column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : values.get(i);
  }
}
