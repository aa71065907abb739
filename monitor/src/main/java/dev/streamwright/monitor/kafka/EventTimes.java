package dev.streamwright.monitor.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.OptionalLong;

/**
 * Event times as Flink's JSON format and Streamwright's sinks write them, as epoch milliseconds: a
 * {@code TIMESTAMP} as {@code yyyy-MM-dd HH:mm:ss.SSS} (or with a {@code T}, as the Kafka sinks
 * write it), read as UTC like Flink's watermarks do; a {@code TIMESTAMP_LTZ} as ISO-8601 with
 * {@code Z} or an offset; and epoch milliseconds as a number or a string of digits.
 */
final class EventTimes {

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .toFormatter();

  private EventTimes() {}

  /** The value's event time in epoch ms; empty when it is missing or not a time. */
  static OptionalLong parse(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return OptionalLong.empty();
    }
    if (value.isNumber()) {
      return OptionalLong.of(value.asLong());
    }
    return value.isTextual() ? parse(value.asText()) : OptionalLong.empty();
  }

  /**
   * The event time of the value at a streaming parser's current token, read as {@link
   * #parse(JsonNode)} reads the same value from a tree; empty when it is not a time.
   */
  static OptionalLong parse(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return OptionalLong.of(
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? p.getBigIntegerValue().longValue()
              : p.getLongValue());
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return OptionalLong.of((long) p.getDoubleValue());
    }
    return t == JsonToken.VALUE_STRING ? parse(p.getText()) : OptionalLong.empty();
  }

  /** The text's event time in epoch ms; empty when it is not a time. */
  static OptionalLong parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    if (t.length() <= 18 && allDigits(t)) {
      return OptionalLong.of(Long.parseLong(t));
    }
    boolean zulu = t.endsWith("Z") || t.endsWith("z");
    // The forms Flink writes, read without the formatter (a sink topic's every row goes through
    // here); anything else, or a field out of range, is left to the formatter below.
    long fast = plainLocal(t, zulu ? t.length() - 1 : t.length());
    if (fast != NO_TIME) {
      return OptionalLong.of(fast);
    }
    try {
      if (zulu) {
        return OptionalLong.of(
            LocalDateTime.parse(t.substring(0, t.length() - 1), LOCAL)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli());
      }
      int tee = Math.max(t.indexOf('T'), t.indexOf(' '));
      if (tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0)) {
        return OptionalLong.of(
            OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli());
      }
      return OptionalLong.of(
          LocalDateTime.parse(t, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli());
    } catch (DateTimeParseException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  private static final long NO_TIME = Long.MIN_VALUE;

  private static boolean allDigits(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (!Character.isDigit(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code yyyy-MM-dd HH:mm[:ss[.f]]} (or with a {@code T}), 1 to 9 fraction digits, ASCII digits
   * only, in {@code t[0, end)}, as epoch ms read as UTC; {@link #NO_TIME} for any other text or a
   * field out of range.
   */
  private static long plainLocal(String t, int end) {
    if (end < 16
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
        || t.charAt(13) != ':') {
      return NO_TIME;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = 0;
    int nanos = 0;
    if (end > 16) {
      if (end < 19 || t.charAt(16) != ':') {
        return NO_TIME;
      }
      second = digits(t, 17, 19);
      if (end > 19) {
        if (t.charAt(19) != '.' || end == 20 || end > 29) {
          return NO_TIME;
        }
        nanos = digits(t, 20, end);
        for (int i = end; i < 29; i++) {
          nanos *= 10;
        }
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
      return NO_TIME;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeException e) {
      return NO_TIME;
    }
  }

  /** The ASCII digits {@code t[from, to)} as a number, or -1 when one is not a digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
