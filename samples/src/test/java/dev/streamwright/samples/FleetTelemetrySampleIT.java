package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FleetTelemetry;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.Scenario;
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
 * The fleet-telemetry sample end to end: the generator's default scenario (late readings, one
 * vehicle's vibration ramping from minute 2) into a real broker, the sample's pipeline file on the
 * embedded Flink, and both output topics compared with what the test computes from the generated
 * readings itself: the exact threshold alerts, and every 5-minute window's features and failure
 * probability for the maintenance orders.
 */
class FleetTelemetrySampleIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** 12 minutes at 10 readings/s: 7,200 readings, about 60 per vehicle and 5-minute window. */
  private static final GeneratorConfig CONFIG =
      GeneratorConfig.of(42, 10, Duration.ofMinutes(12), FleetTelemetry.defaultScenario());

  /** The features of one vehicle's 5-minute window, as the pipeline computes them. */
  private static final class Window {
    long readings;
    double speed;
    double fuel;
    double maxTemp = Double.NEGATIVE_INFINITY;
    double vibration;
    double vibrationSquares;

    void add(JsonNode r) {
      readings++;
      speed += r.get("speed").asInt();
      fuel += r.get("fuel_level").asInt();
      maxTemp = Math.max(maxTemp, r.get("engine_temp").asDouble());
      double v = r.get("vibration").asDouble();
      vibration += v;
      vibrationSquares += v * v;
    }

    double avgSpeed() {
      return speed / readings;
    }

    double avgFuel() {
      return fuel / readings;
    }

    double vibrationStddev() {
      double mean = vibration / readings;
      return Math.sqrt(Math.max(0, vibrationSquares / readings - mean * mean));
    }

    /**
     * The maintenance-risk model (samples/models/maintenance-risk/card.json), on float32 features.
     */
    double failureProbability() {
      double z =
          -7.5
              + 25 * (float) vibrationStddev()
              + 0.08 * ((float) maxTemp - 220)
              + 0.01 * ((float) avgSpeed() - 60);
      return 1 / (1 + Math.exp(-z));
    }
  }

  @Test
  void alertsAndMaintenanceOrdersMatchTheReadings() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    String bootstrap = broker.bootstrapServers();
    SampleRun.createTopics(
        broker, Map.of(FleetTelemetry.TOPIC, 3, "fleet-alerts", 1, "maintenance-orders", 1));
    FleetTelemetry generator = new FleetTelemetry(CONFIG);
    String rampingVehicle =
        generator.rampKeys((Scenario.Ramp) CONFIG.scenario().steps().get(1)).get(0);
    List<Event> events = SampleRun.produce(generator, bootstrap);
    assertThat(events.stream().filter(Event::late).count()).isPositive();

    Map<String, JsonNode> expectedAlerts = new TreeMap<>();
    Map<String, Window> windows = new TreeMap<>();
    for (Event e : events) {
      JsonNode r = JSON.readTree(e.value());
      String vehicle = r.get("vehicle_id").asText();
      String time = r.get("event_time").asText();
      if (r.get("engine_temp").asDouble() > 230 || r.get("fuel_level").asInt() < 10) {
        assertThat(expectedAlerts.put(vehicle + " " + time, r)).isNull();
      }
      LocalDateTime t = LocalDateTime.parse(time.replace(' ', 'T'));
      LocalDateTime start = t.withMinute(t.getMinute() / 5 * 5).withSecond(0).withNano(0);
      windows.computeIfAbsent(vehicle + " " + start, k -> new Window()).add(r);
    }
    Map<String, Window> expectedOrders = new TreeMap<>();
    windows.forEach(
        (k, w) -> {
          // A window scored right at the threshold could fall either way in floating point.
          assertThat(Math.abs(w.failureProbability() - 0.7)).as(k).isGreaterThan(1e-6);
          if (w.failureProbability() > 0.7) {
            expectedOrders.put(k, w);
          }
        });
    assertThat(expectedAlerts).hasSizeBetween(100, 1500);
    assertThat(expectedOrders.keySet())
        .as("the ramping vehicle needs the workshop, others hardly ever")
        .contains(rampingVehicle + " 2026-01-01T00:00", rampingVehicle + " 2026-01-01T00:05")
        .hasSizeLessThanOrEqualTo(5);

    SampleRun.runToEnd(FLINK.runtime(), SampleRun.boundedPipeline("fleet-telemetry"), bootstrap);

    Map<String, JsonNode> alerts = new TreeMap<>();
    for (ConsumerRecord<String, String> record :
        SampleRun.readAll(bootstrap, "fleet-alerts", expectedAlerts.size())) {
      JsonNode row = JSON.readTree(record.value());
      String vehicle = row.get("vehicle_id").asText();
      assertThat(JSON.readTree(record.key()).get("vehicle_id").asText()).isEqualTo(vehicle);
      String time =
          LocalDateTime.parse(row.get("event_time").asText().replace(' ', 'T')).toString();
      assertThat(alerts.put(vehicle + " " + time, row)).as("duplicate alert").isNull();
    }
    Map<String, JsonNode> expectedByIsoTime = new TreeMap<>();
    expectedAlerts.forEach(
        (k, r) ->
            expectedByIsoTime.put(
                r.get("vehicle_id").asText()
                    + " "
                    + LocalDateTime.parse(r.get("event_time").asText().replace(' ', 'T')),
                r));
    assertThat(alerts.keySet()).containsExactlyElementsOf(expectedByIsoTime.keySet());
    expectedByIsoTime.forEach(
        (k, r) -> {
          JsonNode row = alerts.get(k);
          for (String field :
              List.of("lat", "lon", "speed", "fuel_level", "engine_temp", "vibration")) {
            assertThat(row.get(field).asDouble())
                .as(k + " " + field)
                .isEqualTo(r.get(field).asDouble());
          }
        });

    Map<String, JsonNode> orders = new TreeMap<>();
    for (ConsumerRecord<String, String> record :
        SampleRun.readAll(bootstrap, "maintenance-orders", expectedOrders.size())) {
      JsonNode row = JSON.readTree(record.value());
      LocalDateTime start = LocalDateTime.parse(row.get("window_start").asText().replace(' ', 'T'));
      LocalDateTime end = LocalDateTime.parse(row.get("window_end").asText().replace(' ', 'T'));
      assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(5));
      assertThat(orders.put(row.get("vehicle_id").asText() + " " + start, row)).isNull();
    }
    assertThat(orders.keySet()).containsExactlyElementsOf(expectedOrders.keySet());
    expectedOrders.forEach(
        (k, w) -> {
          JsonNode row = orders.get(k);
          assertThat(row.get("readings").asLong()).as(k).isEqualTo(w.readings);
          assertThat(row.get("avg_speed").asDouble()).as(k).isCloseTo(w.avgSpeed(), within(1e-9));
          assertThat(row.get("avg_fuel_level").asDouble())
              .as(k)
              .isCloseTo(w.avgFuel(), within(1e-9));
          assertThat(row.get("max_engine_temp").asDouble()).as(k).isEqualTo(w.maxTemp);
          assertThat(row.get("vibration_stddev").asDouble())
              .as(k)
              .isCloseTo(w.vibrationStddev(), within(1e-6));
          assertThat(row.get("failure_probability").asDouble())
              .as(k)
              .isCloseTo(w.failureProbability(), within(1e-6));
        });
  }
}
