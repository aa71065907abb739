package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@code CREATE TEMPORARY TABLE} statement: one column, computed column or watermark per
 * line, then the connector options sorted by key.
 */
final class TableDdl {

  private final String table;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, String> options = new TreeMap<>();

  /**
   * Starts the statement.
   *
   * @param table the already quoted table name
   */
  TableDdl(String table) {
    this.table = table;
  }

  /** Adds a column definition or constraint line exactly as given. */
  TableDdl line(String definition) {
    lines.add(definition);
    return this;
  }

  /** Adds the lines in order. */
  TableDdl lines(List<String> definitions) {
    lines.addAll(definitions);
    return this;
  }

  /** Sets a connector option; a later value for the same key wins. */
  TableDdl option(String key, String value) {
    options.put(key, value);
    return this;
  }

  /** Sets the options; later values for the same keys win. */
  TableDdl options(Map<String, String> values) {
    options.putAll(values);
    return this;
  }

  /** The statement without a trailing semicolon. */
  String render() {
    return "CREATE TEMPORARY TABLE "
        + table
        + " (\n  "
        + String.join(",\n  ", lines)
        + "\n) "
        + Sql.withClause(options);
  }
}
