package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Durations;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.time.Duration;
import java.util.List;

/**
 * Checks and SQL for the time attributes sources declare: event time with a watermark, and
 * processing time.
 */
final class TimeAttributes {

  /** The type of {@code PROCTIME()} columns and of Kafka record timestamps. */
  static final String LOCAL_TIMESTAMP_TYPE = "TIMESTAMP_LTZ(3)";

  /** The property that sets how far the watermark trails the largest event time seen. */
  static final String WATERMARK_DELAY = "watermarkDelay";

  /** Five seconds: enough for the jitter of a local sandbox, short enough for quick results. */
  static final String DEFAULT_WATERMARK_DELAY = "5s";

  /** The spec of {@link #WATERMARK_DELAY}, shared by every source with an event-time column. */
  static final PropertySpec WATERMARK_DELAY_SPEC =
      PropertySpec.of(WATERMARK_DELAY, PropertyKind.DURATION)
          .label("Watermark delay")
          .defaultValue(DEFAULT_WATERMARK_DELAY)
          .description("How late events may arrive before event-time windows close")
          .build();

  private TimeAttributes() {}

  /** The watermark delay, its default when unset; an unparseable value is reported. */
  static Duration watermarkDelay(Derivation d) {
    Duration delay = d.duration(WATERMARK_DELAY);
    return delay == null ? Durations.parse(DEFAULT_WATERMARK_DELAY) : delay;
  }

  /** Whether Flink accepts a column of the type as a rowtime attribute. */
  static boolean isRowtimeType(String type) {
    String t = SqlTypes.normalize(type);
    return t.equals("TIMESTAMP(3)") || t.equals("TIMESTAMP_LTZ(3)");
  }

  /**
   * The column an event-time property names among the declared columns, or null after reporting why
   * it cannot carry a watermark.
   */
  static Column eventTime(Derivation d, String property, List<Column> columns, String name) {
    Column c = Schema.of(columns).column(name.trim()).orElse(null);
    if (c == null) {
      d.error(
          property,
          "event time '"
              + name
              + "' is not one of the declared columns; pick one of: "
              + Columns.describe(columns));
      return null;
    }
    if (!isRowtimeType(c.type())) {
      d.error(
          property,
          "event time '"
              + c.name()
              + "' is "
              + c.type()
              + ", but Flink needs a TIMESTAMP(3) or TIMESTAMP_LTZ(3) column for a watermark;"
              + " change its type or derive one, e.g. TO_TIMESTAMP_LTZ(millis, 3)");
      return null;
    }
    return c;
  }

  /**
   * Checks a processing-time column name against the declared columns.
   *
   * @return whether the name is free
   */
  static boolean procTimeIsFree(Derivation d, String property, List<Column> columns, String name) {
    if (Columns.contains(columns, name)) {
      d.error(
          property,
          "processing time '"
              + name
              + "' clashes with a declared column of that name; choose another name, e.g."
              + " proc_time");
      return false;
    }
    return true;
  }

  /** {@code WATERMARK FOR `col` AS `col` - INTERVAL ...}. */
  static String watermark(String column, Duration delay) {
    String c = Sql.identifier(column);
    return "WATERMARK FOR " + c + " AS " + c + " - " + Intervals.sql(delay);
  }

  /** {@code `name` AS PROCTIME()}. */
  static String procTime(String name) {
    return Sql.identifier(name) + " AS PROCTIME()";
  }
}
