package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL of the Kafka source's dead-letter mode: how each column is read from the record's text,
 * and why a record is malformed. Plain SQL only (decision 0009); Flink parses the text again for
 * every {@code JSON_VALUE} it evaluates, so the reason is written to parse a well-formed record as
 * few times as it can ({@link #reason}).
 *
 * <p>What a column accepts, by type: a string column any scalar (numbers and booleans as their
 * text); a number, boolean, date or time column a scalar Flink's {@code CAST} converts to it
 * (numbers may come as strings, e.g. {@code "12.5"}); a whole-number column no fraction and nothing
 * outside its range; a timestamp column {@code 2026-11-23 07:40:36.190} or the ISO-8601 form {@code
 * 2026-11-23T07:40:36.190} (with a trailing {@code Z}: UTC). An object or an array fits no column.
 * A missing field or a JSON null is NULL, left to the validate node's rules, except in the
 * event-time column, which every record needs.
 */
final class DeadLetterSql {

  /** The event time a malformed record gets so the watermark never sees NULL (it never leaves). */
  static final String NO_TIME = "TIMESTAMP '1970-01-01 00:00:00.000'";

  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A whole number, also written with a zero fraction (5.0); group 1 is the number. */
  private static final String WHOLE_NUMBER = "^\\s*([-+]?[0-9]+)(\\.0*)?\\s*$";

  /** Longest value text a reason quotes (the original record is next to it anyway). */
  private static final int SHOWN = 60;

  private DeadLetterSql() {}

  /** The computed column's expression: the field converted to the column's type, or NULL. */
  static String value(Column c, String raw) {
    String text = text(c, raw);
    String base = SqlTypes.base(c.type());
    if (SqlTypes.isString(c.type())) {
      return text;
    }
    if (SqlTypes.isIntegral(c.type())) {
      return "TRY_CAST(REGEXP_EXTRACT("
          + text
          + ", "
          + Sql.literal(WHOLE_NUMBER)
          + ", 1) AS "
          + c.type()
          + ")";
    }
    if (base.equals("TIMESTAMP")) {
      return "TRY_CAST(REPLACE(REPLACE(" + text + ", 'T', ' '), 'Z', '') AS " + c.type() + ")";
    }
    if (base.equals("TIMESTAMP_LTZ")) {
      // A trailing Z is UTC (what Streamwright's sinks write); else the session's time zone.
      return "CAST(CASE WHEN "
          + text
          + " LIKE '%Z' THEN TO_TIMESTAMP_LTZ(REPLACE(REPLACE("
          + text
          + ", 'T', ' '), 'Z', ''), 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') ELSE TRY_CAST(REPLACE("
          + text
          + ", 'T', ' ') AS "
          + c.type()
          + ") END AS "
          + c.type()
          + ")";
    }
    return "TRY_CAST(" + text + " AS " + c.type() + ")";
  }

  /** The event-time column's expression: its value, or {@link #NO_TIME} when it has none. */
  static String eventTime(Column c, String raw) {
    return "COALESCE(" + value(c, raw) + ", " + NO_TIME + ")";
  }

  /**
   * Why a record is malformed, as a CASE expression that is NULL for a well-formed record: no value
   * or not a JSON object; a field holding a value its column cannot take (named with what it held
   * and what the column expects); no event time.
   *
   * <p>Flink inlines the computed columns wherever they are used, so every mention of a column in a
   * check parses the text again. A check therefore mentions its column once on the path a
   * well-formed record takes (one parse per non-string column, as the conversion itself needs), and
   * the checks for objects and arrays in string columns run only when the text holds a {@code [} or
   * a second {@code {} at all.
   *
   * @param declared the declared columns, read from the record text
   * @param eventTime the event-time column's name, or null
   * @param raw the quoted name of the column holding the record text
   */
  static String reason(List<Column> declared, String eventTime, String raw) {
    StringBuilder sql = new StringBuilder("(CASE");
    sql.append("\n    WHEN ").append(raw).append(" IS NULL THEN 'the record has no value'");
    sql.append("\n    WHEN NOT ").append(raw).append(" IS JSON OBJECT THEN 'not a JSON object'");
    List<String> nestedInStrings = new ArrayList<>();
    StringBuilder nestedMessage = new StringBuilder("CASE");
    for (Column c : declared) {
      String column = Sql.identifier(c.name());
      String scalar = text(c, raw);
      String nested = nested(c, raw);
      String expected = Sql.literal(", expected " + expected(c.type()));
      if (c.name().equals(eventTime)) {
        sql.append("\n    WHEN ")
            .append(column)
            .append(" = ")
            .append(NO_TIME)
            .append(" THEN CASE WHEN ")
            .append(scalar)
            .append(" IS NOT NULL THEN ")
            .append(holdsScalar(c, raw))
            .append(" || ")
            .append(expected)
            .append(" WHEN ")
            .append(nested)
            .append(" IS NOT NULL THEN ")
            .append(holdsNested(c, raw))
            .append(" || ")
            .append(expected)
            .append(" ELSE ")
            .append(
                Sql.literal(
                    "field '"
                        + c.name()
                        + "' is missing or null; it is the event time, which every record needs"))
            .append(" END");
      } else if (SqlTypes.isString(c.type())) {
        nestedInStrings.add(nested + " IS NOT NULL");
        nestedMessage
            .append(" WHEN ")
            .append(nested)
            .append(" IS NOT NULL THEN ")
            .append(holdsNested(c, raw))
            .append(" || ")
            .append(expected);
      } else {
        sql.append("\n    WHEN ")
            .append(column)
            .append(" IS NULL AND (")
            .append(scalar)
            .append(" IS NOT NULL OR ")
            .append(nested)
            .append(" IS NOT NULL) THEN CASE WHEN ")
            .append(scalar)
            .append(" IS NOT NULL THEN ")
            .append(holdsScalar(c, raw))
            .append(" ELSE ")
            .append(holdsNested(c, raw))
            .append(" END || ")
            .append(expected);
      }
    }
    if (!nestedInStrings.isEmpty()) {
      // Only a text with a '[' or a second '{' can hold an object or array: look only then.
      sql.append("\n    WHEN (LOCATE('[', ")
          .append(raw)
          .append(") > 0 OR LOCATE('{', ")
          .append(raw)
          .append(", 2) > 0) AND (")
          .append(String.join(" OR ", nestedInStrings))
          .append(") THEN ")
          .append(nestedMessage)
          .append(" END");
    }
    return sql.append("\n  END)").toString();
  }

  /** {@code JSON_QUERY(raw, '$.name')}: the field's object or array as JSON text, else NULL. */
  private static String nested(Column c, String raw) {
    return "JSON_QUERY(" + raw + ", " + Sql.literal(path(c)) + ")";
  }

  /** "field 'name' holds " and the field's scalar as JSON text (strings quoted). */
  private static String holdsScalar(Column c, String raw) {
    String wrapped = "JSON_QUERY(" + raw + ", " + Sql.literal(path(c)) + " WITH ARRAY WRAPPER)";
    return Sql.literal("field '" + c.name() + "' holds ")
        + " || SUBSTRING(REGEXP_EXTRACT("
        + wrapped
        + ", '^\\[(.*)\\]$', 1) FROM 1 FOR "
        + SHOWN
        + ")";
  }

  /** "field 'name' holds an object" (or an array). */
  private static String holdsNested(Column c, String raw) {
    return Sql.literal("field '" + c.name() + "' holds ")
        + " || CASE WHEN "
        + nested(c, raw)
        + " LIKE '[%' THEN 'an array' ELSE 'an object' END";
  }

  /** {@code JSON_VALUE(raw, '$.name')}: the field's scalar text, NULL for anything else. */
  private static String text(Column c, String raw) {
    return "JSON_VALUE(" + raw + ", " + Sql.literal(path(c)) + ")";
  }

  private static String path(Column c) {
    return SIMPLE_NAME.matcher(c.name()).matches()
        ? "$." + c.name()
        : "$['" + c.name().replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** What a column of the type takes, for a reason's "expected ...". */
  static String expected(String type) {
    return switch (SqlTypes.base(type)) {
      case "STRING", "VARCHAR", "CHAR" -> "a string, number or boolean";
      case "BOOLEAN" -> "true or false";
      case "TINYINT" -> "a whole number from -128 to 127";
      case "SMALLINT" -> "a whole number from -32768 to 32767";
      case "INT" -> "a whole number from -2147483648 to 2147483647";
      case "BIGINT" -> "a whole number from -9223372036854775808 to 9223372036854775807";
      case "DECIMAL" -> "a number that fits " + type;
      case "DATE" -> "a date like 2026-11-23";
      case "TIME" -> "a time like 07:40:36";
      case "TIMESTAMP" -> "a timestamp like 2026-11-23 07:40:36.190";
      case "TIMESTAMP_LTZ" ->
          "a timestamp like 2026-11-23 07:40:36.190 or 2026-11-23T07:40:36.190Z";
      default -> "a number";
    };
  }
}
