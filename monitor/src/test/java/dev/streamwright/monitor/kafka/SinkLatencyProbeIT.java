package dev.streamwright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The latency probe against a real broker: rows written with event times in each form Flink writes
 * and record timestamps the test chose give exactly the latencies the test computes.
 */
class SinkLatencyProbeIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private record Seen(String node, long latencyMs, long appendTimeMs) {}

  @Test
  void latencyIsTheRecordTimestampMinusTheEventTimeOfEachRowWrittenSinceTheLastDrain()
      throws Exception {
    KAFKA.broker().createTopics(Map.of("scored", 2, "alerts", 1));
    long t0 = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
    List<Seen> seen = new ArrayList<>();
    try (SinkLatencyProbe probe =
            new SinkLatencyProbe(
                KAFKA.bootstrapServers(),
                Map.of(),
                List.of(
                    new LatencyTarget("scored_out", "scored", "event_time"),
                    new LatencyTarget("alerts_out", "alerts", "alert_time")));
        KafkaProducer<String, String> out = producer()) {
      // Written before the probe starts: not measured.
      out.send(
              new ProducerRecord<>(
                  "scored", 0, t0 + 9_000, "k", row("event_time", "\"2026-12-07 10:00:00.000\"")))
          .get();
      assertThat(probe.drain((n, l, a) -> seen.add(new Seen(n, l, a)), Duration.ofSeconds(5)))
          .isZero();

      send(out, "scored", 0, t0 + 250, row("event_time", "\"2026-12-07 10:00:00.000\""));
      send(out, "scored", 1, t0 + 2_500, row("event_time", "\"2026-12-07T10:00:01.500\""));
      send(out, "scored", 1, t0 + 2_040, row("event_time", "\"2026-12-07T10:00:02Z\""));
      send(out, "alerts", 0, t0 + 5, row("alert_time", String.valueOf(t0)));
      send(out, "alerts", 0, t0 + 7, row("other", "1"));
      send(out, "alerts", 0, t0 + 8, "not json");
      send(out, "scored", 0, t0 + 3_000, row("event_time", "\"2026-12-07T11:00:02.000+01:00\""));
      // Only a top-level column counts; a column given twice counts with its last value, as a
      // JSON tree reads it; a null, or a row that is not an object, has no event time.
      send(out, "scored", 0, t0 + 4_000, "{\"x\":{\"event_time\":\"2026-12-07 10:00:00\"}}");
      send(
          out,
          "scored",
          1,
          t0 + 5_000,
          "{\"event_time\":\"2026-12-07 10:00:00\",\"a\":[1,{\"b\":2}],"
              + "\"event_time\":\"2026-12-07 10:00:04.5\"}");
      send(out, "alerts", 0, t0 + 9, "[{\"alert_time\":" + t0 + "}]");
      send(out, "alerts", 0, t0 + 10, row("alert_time", "null"));
      send(out, "alerts", 0, t0 + 11, row("alert_time", t0 + ", \"broken\": ]"));
      out.flush();

      int measured = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (measured < 6 && System.nanoTime() < deadline) {
        measured += probe.drain((n, l, a) -> seen.add(new Seen(n, l, a)), Duration.ofSeconds(2));
      }
      assertThat(measured).isEqualTo(6);
      assertThat(seen)
          .containsExactlyInAnyOrder(
              new Seen("scored_out", 250, t0 + 250),
              new Seen("scored_out", 1_000, t0 + 2_500),
              new Seen("scored_out", 40, t0 + 2_040),
              new Seen("alerts_out", 5, t0 + 5),
              new Seen("scored_out", 1_000, t0 + 3_000),
              new Seen("scored_out", 500, t0 + 5_000));
      assertThat(probe.drain((n, l, a) -> seen.add(new Seen(n, l, a)), Duration.ofMillis(500)))
          .as("nothing new")
          .isZero();
    }
  }

  private static String row(String column, String json) {
    return "{\"id\":\"x\",\"" + column + "\":" + json + "}";
  }

  private static void send(
      KafkaProducer<String, String> out, String topic, int partition, long ts, String value) {
    out.send(new ProducerRecord<>(topic, partition, ts, "k", value));
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
