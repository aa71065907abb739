package dev.streamwright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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
