package dev.streamwright.plugin.onnx.tap;

import java.util.Locale;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * How a drift tap profiles a column: numbers (TINYINT to DOUBLE and DECIMAL) by moments and a
 * sample, text and booleans (CHAR, VARCHAR, STRING, BOOLEAN) by category counts. Other types are
 * not profiled.
 */
public enum TapKind {
  /** Counts, moments, extremes and a reservoir sample. */
  NUMERIC,
  /** Exact counts of the first categories, the rest as other. */
  CATEGORICAL;

  /** The kind of a column of this Flink type; empty when the tap cannot profile it. */
  public static Optional<TapKind> of(LogicalType type) {
    return switch (type.getTypeRoot()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> Optional.of(NUMERIC);
      case CHAR, VARCHAR, BOOLEAN -> Optional.of(CATEGORICAL);
      default -> Optional.empty();
    };
  }

  /**
   * The kind of a column of this SQL type as written in a schema (e.g. {@code DOUBLE}, {@code
   * DECIMAL(10, 2)}, {@code STRING NOT NULL}); empty when the tap cannot profile it.
   */
  public static Optional<TapKind> ofSqlType(String sqlType) {
    String t = sqlType.trim().toUpperCase(Locale.ROOT);
    int end = 0;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    return switch (t.substring(0, end)) {
      case "TINYINT",
          "SMALLINT",
          "INT",
          "INTEGER",
          "BIGINT",
          "FLOAT",
          "REAL",
          "DOUBLE",
          "DECIMAL",
          "DEC",
          "NUMERIC" ->
          Optional.of(NUMERIC);
      case "CHAR", "VARCHAR", "STRING", "BOOLEAN" -> Optional.of(CATEGORICAL);
      default -> Optional.empty();
    };
  }
}
