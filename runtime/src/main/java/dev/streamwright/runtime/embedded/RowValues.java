package dev.streamwright.runtime.embedded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.types.Row;

/**
 * Converts Flink's row field objects into the plain Java values {@link
 * dev.streamwright.runtime.api.ResultRow} promises, so no Flink type leaks to the studio or into
 * saved previews.
 */
final class RowValues {

  private RowValues() {}

  /** The fields of a row as plain values, in position order. */
  static List<Object> of(Row row) {
    List<Object> values = new ArrayList<>(row.getArity());
    for (int i = 0; i < row.getArity(); i++) {
      values.add(plain(row.getField(i)));
    }
    return values;
  }

  /**
   * One value as String, Long, Double, Boolean, BigDecimal, List or Map. Times (LocalDateTime,
   * Instant, LocalDate, LocalTime) become ISO-8601 strings, bytes become Base64, nested rows become
   * maps by field name when named, else lists.
   */
  /**
   * Always with seconds and milliseconds: {@code toString()} drops zero seconds, so "13:27" would
   * sit next to "13:27:10.250" in one preview column and sort wrongly as text.
   */
  private static final DateTimeFormatter LOCAL_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT);

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

  static Object plain(Object v) {
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
      return LOCAL_DATE_TIME.format(t);
    }
    if (v instanceof Instant t) {
      return INSTANT.format(t);
    }
    if (v instanceof LocalTime t) {
      return LOCAL_TIME.format(t);
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
