package dev.streamwright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-time forms Flink's JSON format and the sinks write. */
class EventTimesTest {

  private static final long T = Instant.parse("2026-12-07T10:15:30.250Z").toEpochMilli();

  @Test
  void readsTimestampsTimestampLtzAndEpochMillis() throws Exception {
    assertThat(EventTimes.parse("2026-12-07 10:15:30.250")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07T10:15:30.250")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07T10:15:30.250Z")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07 10:15:30.250Z")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07T12:15:30.250+02:00")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07T10:15:30.25")).hasValue(T);
    assertThat(EventTimes.parse("2026-12-07 10:15:30")).hasValue(T - 250);
    assertThat(EventTimes.parse(String.valueOf(T))).hasValue(T);
    ObjectMapper json = new ObjectMapper();
    assertThat(EventTimes.parse(json.readTree("{\"t\":" + T + "}").get("t"))).hasValue(T);
  }

  @Test
  void theFormsFlinkWritesReadAsIsoLocalDateTimeInUtcWithAnyFractionLength() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2_000; i++) {
      long ms = random.nextLong(Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
      int nanos = random.nextInt(1_000_000_000);
      java.time.LocalDateTime t =
          java.time.LocalDateTime.ofEpochSecond(ms / 1000, nanos, java.time.ZoneOffset.UTC);
      String iso = t.toString(); // 16 to 29 characters, the fraction cut to 0, 3, 6 or 9 digits
      int digits = random.nextInt(10);
      String text = t.withNano(0).toString();
      text = text.length() == 16 ? text + ":00" : text;
      if (digits > 0) {
        text += "." + String.format("%09d", nanos).substring(0, digits);
      }
      long expected =
          java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
      assertThat(EventTimes.parse(text)).as(text).hasValue(expected);
      assertThat(EventTimes.parse(text.replace('T', ' '))).as(text).hasValue(expected);
      assertThat(EventTimes.parse(text + "Z")).as(text).hasValue(expected);
      assertThat(EventTimes.parse(iso))
          .as(iso)
          .hasValue(
              java.time.LocalDateTime.parse(iso)
                  .toInstant(java.time.ZoneOffset.UTC)
                  .toEpochMilli());
    }
    assertThat(EventTimes.parse("2026-12-07 10:15")).hasValue(T - 30_250);
    // Out of range for a strict reading: read as java.time's default (smart) resolver does.
    assertThat(EventTimes.parse("2026-12-07 24:00"))
        .hasValue(Instant.parse("2026-12-08T00:00:00Z").toEpochMilli());
    assertThat(EventTimes.parse("2026-02-30 10:00:00"))
        .hasValue(Instant.parse("2026-02-28T10:00:00Z").toEpochMilli());
  }

  @Test
  void aStreamingParserReadsTheSameValuesAsATree() throws Exception {
    com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
    ObjectMapper json = new ObjectMapper();
    for (String v :
        List.of(
            String.valueOf(T),
            T + ".9",
            "\"2026-12-07 10:15:30.250\"",
            "\"2026-12-07T12:15:30.250+02:00\"",
            "\"no\"",
            "true",
            "null",
            "{\"a\":1}",
            "[1]",
            "123456789012345678901234567890")) {
      try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(v)) {
        p.nextToken();
        assertThat(EventTimes.parse(p)).as(v).isEqualTo(EventTimes.parse(json.readTree(v)));
      }
    }
  }

  @Test
  void anythingElseHasNoEventTime() throws Exception {
    assertThat(EventTimes.parse("yesterday")).isEmpty();
    assertThat(EventTimes.parse("")).isEmpty();
    assertThat(EventTimes.parse("2026-13-07 10:15:30")).isEmpty();
    ObjectMapper json = new ObjectMapper();
    assertThat(EventTimes.parse(json.readTree("{\"t\":null}").get("t"))).isEmpty();
    assertThat(EventTimes.parse(json.readTree("{}").get("t"))).isEmpty();
    assertThat(EventTimes.parse(json.readTree("{\"t\":true}").get("t"))).isEmpty();
  }
}
