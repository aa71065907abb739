package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fleet-telemetry sample's generator (SAMPLES.md): position and engine readings of 50 delivery
 * vehicles on topic {@code vehicle-telemetry}, key {@code {"vehicle_id":"veh-007"}} (JSON, so a
 * kafka-source with key column {@code vehicle_id} reads it), value
 *
 * <pre>{@code
 * {"vehicle_id":"veh-007","lat":48.152031,"lon":11.602114,"speed":57,"fuel_level":63,
 *  "engine_temp":196.4,"vibration":1.137,"event_time":"2026-01-01 00:03:12.250"}
 * }</pre>
 *
 * <p>Each vehicle gets, from the seed, a depot around Munich and a circular delivery loop of 2 to
 * 12 km radius that it drives round at its own cruising speed (35 to 85 km/h, varying ±15% with
 * traffic over a 17-minute cycle, plus noise), so consecutive positions of a vehicle trace a
 * plausible route. Fuel (percent) starts between 8 and 100 and burns 0.3 to 0.8 points a minute; a
 * vehicle refuels to 100 when it reaches 5, so about 5 to 8% of readings are below 10. Engine
 * temperature (°F) is 188 to 196 plus 0.12 per km/h plus noise (σ 3), about 200 to 210 in normal
 * driving; 0.4% of readings are a hot engine (232 to 252). Vibration (mm/s RMS) is 0.8 to 1.4 per
 * vehicle plus 0.004 per km/h plus noise (σ 0.1). So the sample's threshold alerts ({@code
 * engine_temp > 230 OR fuel_level < 10}) fire on roughly 6 to 8% of the readings.
 *
 * <p>Shiftable (and rampable) columns: {@code speed}, {@code fuel_level}, {@code engine_temp},
 * {@code vibration}. Burst records are ordinary readings, sent more often (a vehicle in a
 * diagnostic mode). Malformed records cycle through invalid JSON (a truncated record), {@code
 * speed} as a string, and a record without {@code vehicle_id} (and without a key).
 */
public final class FleetTelemetry extends ScheduledGenerator {

  public static final String NAME = "fleet-telemetry";
  public static final String TOPIC = "vehicle-telemetry";
  public static final int VEHICLES = 50;

  /**
   * The sample's default scenario (SAMPLES.md): from minute 1, 3% of readings arrive up to 20 s
   * late (poor coverage; the pipeline's 30 s watermark still counts them), and from minute 2 one
   * vehicle's vibration climbs by 0.4 mm/s a minute, which the maintenance-risk score flags.
   */
  public static final String DEFAULT_SCENARIO =
      """
      {"steps":[
        {"at":"1min","kind":"late","fraction":0.03,"maxDelay":"20s"},
        {"at":"2min","kind":"ramp","column":"vibration","keys":1,"perMinute":0.4}
      ]}
      """;

  /** Above this engine temperature (°F) the sample raises an alert. */
  public static final double HOT_ENGINE = 230;

  /** Below this fuel level (percent) the sample raises an alert. */
  public static final int LOW_FUEL = 10;

  private static final double DEPOT_LAT = 48.137;
  private static final double DEPOT_LON = 11.575;
  private static final double KM_PER_DEGREE_LAT = 111.2;
  private static final double REFUEL_AT = 5;
  private static final double TANK = 100;

  /** Rare enough that the alert topic stays readable, common enough to see it in minutes. */
  private static final double HOT_PROBABILITY = 0.004;

  private static final double TRAFFIC_CYCLE_MINUTES = 17;

  private final String[] vehicleIds = new String[VEHICLES];
  private final Vehicle[] vehicles = new Vehicle[VEHICLES];

  /** A vehicle's fixed traits, drawn from the seed. */
  private record Vehicle(
      double centerLat,
      double centerLon,
      double radiusKm,
      double direction,
      double phase,
      double cruiseKmh,
      double initialFuel,
      double burnPerMinute,
      double baseTemp,
      double baseVibration) {}

  public FleetTelemetry(GeneratorConfig config) {
    super(config);
    SplittableRandom traits = new SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);
    for (int i = 0; i < VEHICLES; i++) {
      vehicleIds[i] = String.format(Locale.ROOT, "veh-%03d", i + 1);
      vehicles[i] =
          new Vehicle(
              DEPOT_LAT + 0.05 * Gaussian.next(traits),
              DEPOT_LON + 0.08 * Gaussian.next(traits),
              2 + 10 * traits.nextDouble(),
              traits.nextBoolean() ? 1 : -1,
              2 * Math.PI * traits.nextDouble(),
              35 + 50 * traits.nextDouble(),
              8 + 92 * traits.nextDouble(),
              0.3 + 0.5 * traits.nextDouble(),
              188 + 8 * traits.nextDouble(),
              0.8 + 0.6 * traits.nextDouble());
    }
    init();
  }

  /** The sample's default scenario parsed. */
  public static Scenario defaultScenario() {
    return Scenario.parse(DEFAULT_SCENARIO);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  protected int keyCount() {
    return VEHICLES;
  }

  @Override
  protected String keyOf(int index) {
    return vehicleIds[index];
  }

  @Override
  protected Set<String> shiftableColumns() {
    return Set.of("speed", "fuel_level", "engine_temp", "vibration");
  }

  @Override
  protected Record normal(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    return new Record(key(key), json(reading(rng, key, eventTime, shifts)));
  }

  @Override
  protected Record burst(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    return normal(rng, key, eventTime, shifts);
  }

  @Override
  protected Record malformed(SplittableRandom rng, String key, Instant eventTime, long ordinal) {
    Reading r = reading(rng, key, eventTime, NO_SHIFTS);
    String valid = json(r);
    return switch ((int) (ordinal % 3)) {
      // Invalid JSON: the record cut off in the middle.
      case 0 -> new Record(key(key), valid.substring(0, valid.indexOf(",\"speed\"") + 1));
      // speed as a string, as a badly configured tracker sends it.
      case 1 -> new Record(key(key), valid.replace("\"speed\":" + r.speed(), "\"speed\":\"n/a\""));
      // vehicle_id missing (and no key).
      default -> new Record(null, valid.replace("\"vehicle_id\":\"" + key + "\",", ""));
    };
  }

  /** The Kafka key of a vehicle's records, as a kafka-sink with key column vehicle_id writes it. */
  public static String key(String vehicleId) {
    return "{\"vehicle_id\":\"" + vehicleId + "\"}";
  }

  private record Reading(
      String vehicleId,
      double lat,
      double lon,
      int speed,
      int fuelLevel,
      double engineTemp,
      double vibration,
      Instant time) {}

  private Reading reading(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    Vehicle v = vehicles[vehicleIndex(key)];
    double minutes = Duration.between(config().startTime(), eventTime).toMillis() / 60_000.0;
    double traffic = 1 + 0.15 * Math.sin(2 * Math.PI * minutes / TRAFFIC_CYCLE_MINUTES + v.phase());
    double speed = v.cruiseKmh() * traffic + 4 * Gaussian.next(rng);
    speed = clamp(shifts.apply("speed", speed), 0, 130);
    // Position along the loop from the distance driven at cruising speed, plus GPS noise.
    double angle = v.phase() + v.direction() * (v.cruiseKmh() * minutes / 60) / v.radiusKm();
    double kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(v.centerLat()));
    double lat =
        v.centerLat()
            + v.radiusKm() / KM_PER_DEGREE_LAT * Math.sin(angle)
            + 0.00005 * Gaussian.next(rng);
    double lon =
        v.centerLon()
            + v.radiusKm() / kmPerDegreeLon * Math.cos(angle)
            + 0.00005 * Gaussian.next(rng);
    // Fuel burns down and the vehicle refuels to a full tank when it reaches REFUEL_AT.
    double span = TANK - REFUEL_AT;
    double fuel =
        REFUEL_AT + floorMod(v.initialFuel() - REFUEL_AT - v.burnPerMinute() * minutes, span);
    fuel = clamp(shifts.apply("fuel_level", fuel), 0, TANK);
    double temp = v.baseTemp() + 0.12 * speed + 3 * Gaussian.next(rng);
    if (rng.nextDouble() < HOT_PROBABILITY) {
      temp = 232 + 20 * rng.nextDouble();
    }
    temp = shifts.apply("engine_temp", temp);
    double vibration = v.baseVibration() + 0.004 * speed + 0.1 * Gaussian.next(rng);
    vibration = Math.max(0, shifts.apply("vibration", vibration));
    return new Reading(
        key,
        round(lat, 6),
        round(lon, 6),
        (int) Math.round(speed),
        (int) Math.floor(fuel),
        round(temp, 1),
        round(vibration, 3),
        eventTime);
  }

  private static String json(Reading r) {
    return "{\"vehicle_id\":\""
        + r.vehicleId()
        + "\",\"lat\":"
        + r.lat()
        + ",\"lon\":"
        + r.lon()
        + ",\"speed\":"
        + r.speed()
        + ",\"fuel_level\":"
        + r.fuelLevel()
        + ",\"engine_temp\":"
        + r.engineTemp()
        + ",\"vibration\":"
        + r.vibration()
        + ",\"event_time\":\""
        + FraudTransactions.TIME_FORMAT.format(r.time())
        + "\"}";
  }

  private int vehicleIndex(String key) {
    // veh-001 .. veh-050
    return Integer.parseInt(key, 4, key.length(), 10) - 1;
  }

  private static double floorMod(double x, double m) {
    double r = x % m;
    return r < 0 ? r + m : r;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  static double round(double x, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(x * scale) / scale;
  }
}
