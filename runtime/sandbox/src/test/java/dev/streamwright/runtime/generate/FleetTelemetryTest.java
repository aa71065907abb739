package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetTelemetryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = GeneratorConfig.DEFAULT_START;

  private static FleetTelemetry fleet(long seed, double rate, Duration d, Scenario s) {
    return new FleetTelemetry(GeneratorConfig.of(seed, rate, d, s));
  }

  private static List<Event> all(Generator g) {
    List<Event> out = new ArrayList<>();
    g.events().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode json(Event e) {
    try {
      return JSON.readTree(e.value());
    } catch (Exception ex) {
      throw new AssertionError("not JSON: " + e.value(), ex);
    }
  }

  private static double minutes(Event e) {
    return Duration.between(T0, e.eventTime()).toMillis() / 60_000.0;
  }

  @Test
  void sameSeedSameEventsDifferentSeedDifferentEvents() {
    Scenario s = FleetTelemetry.defaultScenario();
    List<Event> a = all(fleet(42, 20, Duration.ofMinutes(6), s));
    List<Event> b = all(fleet(42, 20, Duration.ofMinutes(6), s));
    assertThat(a).hasSize(7200).isEqualTo(b);
    assertThat(a.stream().anyMatch(Event::late)).isTrue();
    FleetTelemetry g = fleet(42, 20, Duration.ofMinutes(6), s);
    assertThat(all(g)).isEqualTo(all(g));

    List<Event> c = all(fleet(43, 20, Duration.ofMinutes(6), s));
    long different = 0;
    for (int i = 0; i < Math.min(a.size(), c.size()); i++) {
      if (!a.get(i).value().equals(c.get(i).value())) {
        different++;
      }
    }
    assertThat(different).isGreaterThan(7000);
  }

  @Test
  void valuesHaveExactlyTheSampleColumnsAndTypes() throws Exception {
    Set<String> vehicles = new HashSet<>();
    for (Event e : all(fleet(7, 50, Duration.ofMinutes(2), Scenario.EMPTY))) {
      JsonNode n = json(e);
      List<String> fields = new ArrayList<>();
      n.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "vehicle_id",
              "lat",
              "lon",
              "speed",
              "fuel_level",
              "engine_temp",
              "vibration",
              "event_time");
      String vehicle = n.get("vehicle_id").asText();
      assertThat(vehicle).matches("veh-\\d{3}");
      assertThat(e.key()).isEqualTo("{\"vehicle_id\":\"" + vehicle + "\"}");
      assertThat(JSON.readTree(e.key()).get("vehicle_id").asText()).isEqualTo(vehicle);
      assertThat(n.get("lat").isDouble()).isTrue();
      assertThat(n.get("lon").isDouble()).isTrue();
      assertThat(n.get("lat").asDouble()).isBetween(47.5, 48.8);
      assertThat(n.get("lon").asDouble()).isBetween(10.8, 12.4);
      assertThat(n.get("speed").isInt()).isTrue();
      assertThat(n.get("speed").asInt()).isBetween(0, 130);
      assertThat(n.get("fuel_level").isInt()).isTrue();
      assertThat(n.get("fuel_level").asInt()).isBetween(0, 100);
      assertThat(n.get("engine_temp").isNumber()).isTrue();
      assertThat(n.get("vibration").isNumber()).isTrue();
      assertThat(n.get("vibration").asDouble()).isGreaterThanOrEqualTo(0);
      String time = n.get("event_time").asText();
      assertThat(time).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
      assertThat(LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.UTC))
          .isEqualTo(e.eventTime());
      vehicles.add(vehicle);
    }
    assertThat(vehicles).hasSize(FleetTelemetry.VEHICLES);
  }

  @Test
  void vehiclesDriveAlongTheirRouteAndBurnFuelUntilTheyRefuel() {
    Map<String, JsonNode> previous = new HashMap<>();
    long refuels = 0;
    long readings = 0;
    for (Event e : all(fleet(3, 25, Duration.ofMinutes(30), Scenario.EMPTY))) {
      JsonNode n = json(e);
      JsonNode p = previous.put(n.get("vehicle_id").asText(), n);
      if (p == null) {
        continue;
      }
      readings++;
      double hours = Duration.between(time(p), time(n)).toMillis() / 3_600_000.0;
      double km = km(p, n);
      // Loop positions plus a few metres of GPS noise: never faster than a vehicle can drive.
      assertThat(km).isLessThanOrEqualTo(0.05 + 110 * hours);
      int fuelBefore = p.get("fuel_level").asInt();
      int fuelAfter = n.get("fuel_level").asInt();
      if (fuelAfter > fuelBefore) {
        refuels++;
        assertThat(fuelBefore).as("refuels only when nearly empty").isLessThanOrEqualTo(6);
        assertThat(fuelAfter).isGreaterThanOrEqualTo(90);
      }
    }
    assertThat(readings).isGreaterThan(40_000);
    assertThat(refuels).isBetween(1L, 50L);
  }

  @Test
  void thresholdAlertsFireAtAModestRate() {
    long hot = 0;
    long lowFuel = 0;
    long total = 0;
    double tempSum = 0;
    for (Event e : all(fleet(42, 50, Duration.ofMinutes(20), Scenario.EMPTY))) {
      JsonNode n = json(e);
      total++;
      double temp = n.get("engine_temp").asDouble();
      tempSum += temp;
      if (temp > FleetTelemetry.HOT_ENGINE) {
        hot++;
      }
      if (n.get("fuel_level").asInt() < FleetTelemetry.LOW_FUEL) {
        lowFuel++;
      }
    }
    assertThat(tempSum / total).isBetween(195.0, 215.0);
    assertThat((double) hot / total).isBetween(0.002, 0.008);
    assertThat((double) lowFuel / total).isBetween(0.01, 0.15);
  }

  @Test
  void rampMakesTheChosenVehiclesVibrationClimbFromItsStart() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\","
                + "\"keys\":1,\"perMinute\":0.4}]}");
    FleetTelemetry g = fleet(42, 50, Duration.ofMinutes(10), s);
    List<String> ramped = g.rampKeys((Scenario.Ramp) s.steps().get(0));
    assertThat(ramped).hasSize(1);
    assertThat(fleet(42, 50, Duration.ofMinutes(10), s).rampKeys((Scenario.Ramp) s.steps().get(0)))
        .isEqualTo(ramped);
    List<Event> plain = all(fleet(42, 50, Duration.ofMinutes(10), Scenario.EMPTY));
    List<Event> withRamp = all(g);
    assertThat(withRamp).hasSameSizeAs(plain);
    for (int i = 0; i < plain.size(); i++) {
      JsonNode before = json(plain.get(i));
      JsonNode after = json(withRamp.get(i));
      String vehicle = after.get("vehicle_id").asText();
      assertThat(before.get("vehicle_id").asText()).isEqualTo(vehicle);
      double added = after.get("vibration").asDouble() - before.get("vibration").asDouble();
      double m = minutes(withRamp.get(i));
      double expected = ramped.contains(vehicle) && m >= 2 ? 0.4 * (m - 2) : 0;
      assertThat(added)
          .as("vibration added at %.3f min to %s", m, vehicle)
          .isCloseTo(expected, within(0.0011));
      assertThat(after.get("speed")).isEqualTo(before.get("speed"));
      assertThat(after.get("engine_temp")).isEqualTo(before.get("engine_temp"));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void defaultScenarioSendsSomeReadingsUpTo20SecondsLate() {
    Scenario s = FleetTelemetry.defaultScenario();
    assertThat(s.steps()).extracting(Scenario.Step::kind).containsExactly("late", "ramp");
    List<Event> events = all(fleet(42, 50, Duration.ofMinutes(10), s));
    List<Event> late = events.stream().filter(Event::late).toList();
    // 3% of the 27,000 readings after minute 1.
    assertThat(late).hasSizeBetween(650, 970);
    for (Event e : late) {
      assertThat(e.delay()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
      assertThat(e.eventTime()).isAfterOrEqualTo(T0.plusSeconds(60));
    }
    assertThat(events.stream().filter(Event::malformed)).isEmpty();
  }

  @Test
  void malformedRecordsCoverTheThreeKinds() {
    Scenario s =
        Scenario.parse("{\"steps\":[{\"at\":\"10s\",\"kind\":\"malformed\",\"count\":6}]}");
    List<Event> bad =
        all(fleet(1, 20, Duration.ofMinutes(1), s)).stream().filter(Event::malformed).toList();
    assertThat(bad).hasSize(6);
    int invalid = 0;
    int speedText = 0;
    int noVehicle = 0;
    for (Event e : bad) {
      JsonNode n;
      try {
        n = JSON.readTree(e.value());
      } catch (Exception ex) {
        invalid++;
        continue;
      }
      if (!n.has("vehicle_id")) {
        assertThat(e.key()).isNull();
        noVehicle++;
      } else if (n.get("speed").isTextual()) {
        speedText++;
      }
    }
    assertThat(List.of(invalid, speedText, noVehicle)).containsExactly(2, 2, 2);
  }

  @Test
  void rampOfAColumnTheFleetDoesNotHaveNamesTheStepAndTheColumns() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibrations\","
                + "\"keys\":1,\"perMinute\":0.4}]}");
    assertThatThrownBy(() -> fleet(1, 10, Duration.ofMinutes(1), s))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("step 1 (ramp)")
        .hasMessageContaining("\"vibrations\"")
        .hasMessageContaining("engine_temp, fuel_level, speed, vibration");
    Scenario tooMany =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\","
                + "\"keys\":51,\"perMinute\":0.4}]}");
    assertThatThrownBy(() -> fleet(1, 10, Duration.ofMinutes(1), tooMany))
        .hasMessageContaining("step 1 (ramp): 51 keys asked, but fleet-telemetry has only 50");
  }

  @Test
  void rampOnNamedVehiclesDriftsExactlyThoseAndRejectsUnknownOnes() throws Exception {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"1min\",\"kind\":\"ramp\",\"column\":\"engine_temp\","
                + "\"keyIds\":[\"veh-007\",\"veh-050\"],\"perMinute\":5}]}");
    FleetTelemetry g = fleet(4, 20, Duration.ofMinutes(3), s);
    assertThat(g.rampKeys((Scenario.Ramp) s.steps().get(0))).containsExactly("veh-007", "veh-050");
    List<Event> plain = all(fleet(4, 20, Duration.ofMinutes(3), Scenario.EMPTY));
    List<Event> ramped = all(g);
    for (int i = 0; i < plain.size(); i++) {
      JsonNode before = json(plain.get(i));
      JsonNode after = json(ramped.get(i));
      String vehicle = after.get("vehicle_id").asText();
      double m = minutes(ramped.get(i));
      boolean named = vehicle.equals("veh-007") || vehicle.equals("veh-050");
      double expected = named && m >= 1 ? 5 * (m - 1) : 0;
      assertThat(after.get("engine_temp").asDouble() - before.get("engine_temp").asDouble())
          .as("engine_temp added at %.3f min to %s", m, vehicle)
          .isCloseTo(expected, within(0.11));
    }

    Scenario unknown =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"1min\",\"kind\":\"ramp\",\"column\":\"vibration\","
                + "\"keyIds\":[\"veh-7\"],\"perMinute\":0.4}]}");
    assertThatThrownBy(() -> fleet(1, 10, Duration.ofMinutes(1), unknown))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("step 1 (ramp)")
        .hasMessageContaining("\"veh-7\"")
        .hasMessageContaining("from veh-001 to veh-050");
  }

  @Test
  void theSandboxFindsTheFleetGeneratorByItsTopic() {
    Generators.Entry entry = Generators.forTopic("vehicle-telemetry").orElseThrow();
    assertThat(entry.name()).isEqualTo(FleetTelemetry.NAME);
    assertThat(entry.scenario()).isEqualTo(FleetTelemetry.defaultScenario());
    assertThat(entry.create(GeneratorConfig.of(1, 1, Duration.ofSeconds(1), Scenario.EMPTY)))
        .isInstanceOf(FleetTelemetry.class);
  }

  private static Instant time(JsonNode n) {
    return LocalDateTime.parse(n.get("event_time").asText().replace(' ', 'T'))
        .toInstant(ZoneOffset.UTC);
  }

  /** Great-circle distance in km (haversine). */
  private static double km(JsonNode a, JsonNode b) {
    double lat1 = Math.toRadians(a.get("lat").asDouble());
    double lat2 = Math.toRadians(b.get("lat").asDouble());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.get("lon").asDouble() - a.get("lon").asDouble());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }
}
