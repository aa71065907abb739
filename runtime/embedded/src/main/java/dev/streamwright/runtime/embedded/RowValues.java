package dev.streamwright.runtime.embedded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimeType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.types.Row;

/**
 * Converts Flink's row field objects into the plain Java values {@link
 * dev.streamwright.runtime.api.ResultRow} promises, so no Flink type leaks to the studio or into
 * saved previews.
 */
final class RowValues {

  private RowValues() {}

  /** The fields of a row as plain values, in position order; times with milliseconds. */
  static List<Object> of(Row row) {
    return of(row, List.of());
  }

  /**
   * The fields of a row as plain values, in position order.
   *
   * @param fractionDigits per field, the fractional second digits its times are written with (the
   *     column's precision, as a sink writes them); a missing or negative entry means milliseconds
   */
  static List<Object> of(Row row, List<Integer> fractionDigits) {
    List<Object> values = new ArrayList<>(row.getArity());
    for (int i = 0; i < row.getArity(); i++) {
      int digits = i < fractionDigits.size() ? fractionDigits.get(i) : -1;
      values.add(plain(row.getField(i), digits < 0 || digits > 9 ? 3 : digits));
    }
    return values;
  }

  /**
   * The fractional second digits of each column's times: its precision for TIMESTAMP, TIMESTAMP_LTZ
   * and TIME columns, -1 for the others.
   */
  static List<Integer> fractionDigits(List<DataType> types) {
    List<Integer> digits = new ArrayList<>(types.size());
    for (DataType type : types) {
      LogicalType t = type.getLogicalType();
      if (t instanceof TimestampType ts) {
        digits.add(ts.getPrecision());
      } else if (t instanceof LocalZonedTimestampType ltz) {
        digits.add(ltz.getPrecision());
      } else if (t instanceof TimeType time) {
        digits.add(time.getPrecision());
      } else {
        digits.add(-1);
      }
    }
    return digits;
  }

  /**
   * Times always with seconds and a fixed number of fractional digits (the column's precision, as
   * Streamwright's sinks write them): {@code toString()} drops zero seconds, so "13:27" would sit
   * next to "13:27:10.250" in one preview column, sort wrongly as text and break readers that
   * expect one width. Index: the number of digits, 0 to 9.
   */
  private static final DateTimeFormatter[] LOCAL_TIME = new DateTimeFormatter[10];

  private static final DateTimeFormatter[] LOCAL_DATE_TIME = new DateTimeFormatter[10];

  /** Instants in UTC with a trailing Z. */
  private static final DateTimeFormatter[] INSTANT = new DateTimeFormatter[10];

  static {
    for (int digits = 0; digits <= 9; digits++) {
      DateTimeFormatterBuilder time = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss");
      if (digits > 0) {
        time.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
      }
      LOCAL_TIME[digits] = time.toFormatter(Locale.ROOT);
      LOCAL_DATE_TIME[digits] =
          new DateTimeFormatterBuilder()
              .appendPattern("uuuu-MM-dd'T'")
              .append(LOCAL_TIME[digits])
              .toFormatter(Locale.ROOT);
      INSTANT[digits] =
          new DateTimeFormatterBuilder()
              .append(LOCAL_DATE_TIME[digits])
              .appendLiteral('Z')
              .toFormatter(Locale.ROOT)
              .withZone(ZoneOffset.UTC);
    }
  }

  /**
   * One value as String, Long, Double, Boolean, BigDecimal, List or Map. Times (LocalDateTime,
   * Instant, LocalDate, LocalTime) become ISO-8601 strings with milliseconds, bytes become Base64,
   * nested rows become maps by field name when named, else lists.
   */
  static Object plain(Object v) {
    return plain(v, 3);
  }

  /** {@link #plain(Object)} with times written with {@code digits} fractional digits. */
  private static Object plain(Object v, int digits) {
    if (v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean
        || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      // Through the decimal text so 0.1f shows as 0.1, not 0.10000000149011612.
      return Double.valueOf(f.toString());
    }
    if (v instanceof LocalDateTime t) {
      return LOCAL_DATE_TIME[digits].format(t);
    }
    if (v instanceof Instant t) {
      return INSTANT[digits].format(t);
    }
    if (v instanceof LocalTime t) {
      return LOCAL_TIME[digits].format(t);
    }
    if (v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (v instanceof Object[] array) {
      List<Object> out = new ArrayList<>(array.length);
      for (Object o : array) {
        out.add(plain(o));
      }
      return out;
    }
    if (v instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(o -> out.add(plain(o)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(String.valueOf(plain(k)), plain(val)));
      return out;
    }
    if (v instanceof Row nested) {
      var names = nested.getFieldNames(false);
      if (names == null) {
        return of(nested);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (String name : names) {
        out.put(name, plain(nested.getField(name)));
      }
      return out;
    }
    return v.toString();
  }
}
