package dev.streamwright.monitor.kafka;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** The text's event time in epoch ms; empty when it is not a time. */
  static OptionalLong parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    if (t.chars().allMatch(Character::isDigit) && t.length() <= 18) {
      return OptionalLong.of(Long.parseLong(t));
    }
    try {
      if (t.endsWith("Z") || t.endsWith("z")) {
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
}
