package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns a JSON sink writes, with times as ISO-8601 text of a fixed width.
 *
 * <p>Flink's JSON format writes timestamps with as few fractional digits as the value needs ({@code
 * 07:40:36.19}, {@code 10:05:00}), whichever {@code json.timestamp-format.standard} is chosen, so
 * readers that expect one width break. A sink therefore declares its TIMESTAMP, TIMESTAMP_LTZ and
 * TIME columns as STRING and writes them rendered in the query: {@code 2026-11-23T07:40:36.190}
 * with as many digits as the column's precision, TIMESTAMP_LTZ in UTC with a trailing {@code Z}
 * whatever the session's time zone. Times nested in ROW, ARRAY or MAP columns, and columns a caller
 * keeps typed, are left to the format, told to write ISO-8601 ({@link #formatOptions}).
 */
final class SinkColumns {

  private SinkColumns() {}

  /** The sink table's column definitions: rendered time columns become STRING. */
  static List<String> definitions(Schema input, Set<String> keepTyped) {
    List<String> lines = new ArrayList<>();
    for (Column c : input.columns()) {
      lines.add(
          rendered(c, keepTyped) ? Sql.identifier(c.name()) + " STRING" : Columns.definition(c));
    }
    return lines;
  }

  /** The query feeding the sink: {@code SELECT *} when no column is rendered. */
  static String select(Schema input, String relation, Set<String> keepTyped) {
    List<String> items = new ArrayList<>();
    boolean any = false;
    for (Column c : input.columns()) {
      String column = Sql.identifier(c.name());
      if (rendered(c, keepTyped)) {
        items.add(text(c) + " AS " + column);
        any = true;
      } else {
        items.add(column);
      }
    }
    return any
        ? "SELECT\n  " + String.join(",\n  ", items) + "\nFROM " + relation
        : "SELECT *\nFROM " + relation;
  }

  /**
   * The JSON format options for the given option prefixes (e.g. {@code ""}, {@code "key."}):
   * ISO-8601 for the times the format still writes itself; none when it writes no time.
   */
  static Map<String, String> formatOptions(
      Schema input, Set<String> keepTyped, String... prefixes) {
    Map<String, String> options = new TreeMap<>();
    boolean typedTime =
        input.columns().stream()
            .anyMatch(
                c -> !rendered(c, keepTyped) && c.type().toUpperCase(Locale.ROOT).contains("TIME"));
    if (typedTime) {
      for (String prefix : prefixes) {
        options.put(prefix + "json.timestamp-format.standard", "ISO-8601");
      }
    }
    return options;
  }

  private static boolean rendered(Column c, Set<String> keepTyped) {
    if (keepTyped.contains(c.name())) {
      return false;
    }
    String base = SqlTypes.base(c.type());
    return base.equals("TIMESTAMP") || base.equals("TIMESTAMP_LTZ") || base.equals("TIME");
  }

  /** The column as fixed-width ISO-8601 text; Flink's CAST pads the fraction to the precision. */
  private static String text(Column c) {
    String column = Sql.identifier(c.name());
    return switch (SqlTypes.base(c.type())) {
      case "TIMESTAMP" -> "REPLACE(CAST(" + column + " AS STRING), ' ', 'T')";
      case "TIMESTAMP_LTZ" ->
          // The UTC minute, counted from the epoch, then the seconds and fraction of the local
          // text (time zones differ from UTC by whole minutes).
          "SUBSTRING(REPLACE(CAST(TIMESTAMPADD(MINUTE, TIMESTAMPDIFF(MINUTE, TO_TIMESTAMP_LTZ(0, 3),"
              + " FLOOR("
              + column
              + " TO MINUTE)), TIMESTAMP '1970-01-01 00:00:00') AS STRING), ' ', 'T') FROM 1 FOR"
              + " 16) || SUBSTRING(CAST("
              + column
              + " AS STRING) FROM 17) || 'Z'";
      default -> "CAST(" + column + " AS STRING)";
    };
  }
}
