package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.generate.CallCenter;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call-center sample end to end: the generator's default scenario (an outage from minute 4 that
 * doubles durations and lowers sentiment) into a real broker, the sample's pipeline file on the
 * embedded Flink, and the retention queue compared with the 10-minute windows per customer the test
 * computes from the generated calls itself.
 */
class CallCenterSampleIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** 25 minutes at 5 calls/s: 7,500 calls, about 6 per customer and 10-minute window. */
  private static final GeneratorConfig CONFIG =
      GeneratorConfig.of(42, 5, Duration.ofMinutes(25), CallCenter.defaultScenario());

  /** One customer's 10-minute window, as the pipeline computes it. */
  private static final class Window {
    long calls;
    double duration;
    long negative;

    void add(JsonNode call) {
      calls++;
      duration += call.get("duration_sec").asInt();
      if (call.get("sentiment_score").asDouble() < -0.3) {
        negative++;
      }
    }

    double avgDuration() {
      return duration / calls;
    }

    /** The churn-risk model (samples/models/churn-risk/card.json), on float32 features. */
    double churnProbability() {
      double z = -8 + 0.007 * (float) avgDuration() + 8.0 * (float) ((double) negative / calls);
      return 1 / (1 + Math.exp(-z));
    }
  }

  @Test
  void retentionQueueHoldsTheWindowsTheChurnFormulaFlags() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    String bootstrap = broker.bootstrapServers();
    SampleRun.createTopics(broker, Map.of(CallCenter.TOPIC, 3, "retention-queue", 1));
    List<Event> events = SampleRun.produce(new CallCenter(CONFIG), bootstrap);

    Map<String, Window> windows = new TreeMap<>();
    for (Event e : events) {
      JsonNode call = JSON.readTree(e.value());
      LocalDateTime t = LocalDateTime.parse(call.get("event_time").asText().replace(' ', 'T'));
      LocalDateTime start = t.withMinute(t.getMinute() / 10 * 10).withSecond(0).withNano(0);
      windows
          .computeIfAbsent(start + " " + call.get("customer_id").asText(), k -> new Window())
          .add(call);
    }
    Map<String, Window> expected = new TreeMap<>();
    windows.forEach(
        (k, w) -> {
          assertThat(Math.abs(w.churnProbability() - 0.5)).as(k).isGreaterThan(1e-6);
          if (w.churnProbability() > 0.5) {
            expected.put(k, w);
          }
        });
    // The outage shows: most customers calling in the all-outage window are flagged.
    long outageWindow =
        windows.keySet().stream().filter(k -> k.startsWith("2026-01-01T00:10")).count();
    long outageFlagged =
        expected.keySet().stream().filter(k -> k.startsWith("2026-01-01T00:10")).count();
    assertThat(outageFlagged).isGreaterThan(outageWindow / 2);

    SampleRun.runToEnd(FLINK.runtime(), SampleRun.boundedPipeline("call-center"), bootstrap);

    Map<String, JsonNode> actual = new TreeMap<>();
    for (ConsumerRecord<String, String> record :
        SampleRun.readAll(bootstrap, "retention-queue", expected.size())) {
      JsonNode row = JSON.readTree(record.value());
      String customer = row.get("customer_id").asText();
      assertThat(JSON.readTree(record.key()).get("customer_id").asText()).isEqualTo(customer);
      LocalDateTime start = LocalDateTime.parse(row.get("window_start").asText().replace(' ', 'T'));
      LocalDateTime end = LocalDateTime.parse(row.get("window_end").asText().replace(' ', 'T'));
      assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(10));
      assertThat(actual.put(start + " " + customer, row)).as("duplicate").isNull();
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (k, w) -> {
          JsonNode row = actual.get(k);
          assertThat(row.get("calls").asLong()).as(k).isEqualTo(w.calls);
          assertThat(row.get("negative_calls").asLong()).as(k).isEqualTo(w.negative);
          assertThat(row.get("avg_call_duration").asDouble())
              .as(k)
              .isCloseTo(w.avgDuration(), within(1e-9));
          assertThat(row.get("churn_probability").asDouble())
              .as(k)
              .isCloseTo(w.churnProbability(), within(1e-6));
        });
  }
}
