package dev.streamwright.samples.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.generate.CallCenter;
import dev.streamwright.runtime.generate.Durations;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FleetTelemetry;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.Generator;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The model inputs a sample pipeline computes from its generator's normal traffic (seed 42, no
 * scenario steps), the way the pipeline computes them: the training distribution each sample
 * model's reference profile describes, so that the drift panel flags the scenarios' shifts against
 * it.
 *
 * @param generator the generator's name, e.g. {@code fraud-transactions}
 * @param seed the generator's seed
 * @param rate events per second of scenario time
 * @param duration scenario time generated
 * @param events how many events the generator produced
 * @param features how the pipeline turns events into model inputs
 * @param rows one row of model inputs per scored record, in the model's feature order
 */
public record ReferenceTraffic(
    String generator,
    long seed,
    double rate,
    Duration duration,
    long events,
    String features,
    List<double[]> rows) {

  /** The seed the samples' READMEs and the sandbox use by default. */
  public static final long SEED = 42;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** fraud-detection's OVER window: the minute up to and including the current transaction. */
  private static final long WINDOW_MILLIS = 60_000;

  public ReferenceTraffic {
    rows = List.copyOf(rows);
  }

  /** The scenario time as the samples' scripts write it, e.g. {@code 400s} or {@code 2h}. */
  public String durationText() {
    return Durations.format(duration);
  }

  /**
   * fraud-detection: 460 s at 50 transactions/s (the README's sandbox rate), one row per
   * transaction: its amount, and AVG and COUNT of the user's amounts over {@code RANGE BETWEEN
   * INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW} on event time (rows at the same time included),
   * and {@code amount / avg_1min_spend}. The first minute is warm-up and left out: its windows are
   * not full yet, and a running pipeline compared against them would look drifted. That leaves the
   * 20,000 rows of the last 400 s.
   */
  public static ReferenceTraffic fraud() {
    GeneratorConfig config = config(50, Duration.ofSeconds(460));
    long warmedUp = config.startTime().toEpochMilli() + WINDOW_MILLIS;
    List<Event> events = drain(new FraudTransactions(config));
    Map<String, List<Long>> timesByUser = new TreeMap<>();
    Map<String, List<Double>> amountsByUser = new TreeMap<>();
    List<String> users = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (Event e : events) {
      JsonNode json = parse(e);
      String user = json.get("user_id").asText();
      List<Long> times = timesByUser.computeIfAbsent(user, u -> new ArrayList<>());
      positions.add(times.size());
      users.add(user);
      times.add(millis(e));
      amountsByUser
          .computeIfAbsent(user, u -> new ArrayList<>())
          .add(json.get("amount").asDouble());
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      List<Long> times = timesByUser.get(users.get(i));
      List<Double> amounts = amountsByUser.get(users.get(i));
      int p = positions.get(i);
      long t = times.get(p);
      if (t < warmedUp) {
        continue;
      }
      double sum = 0;
      long count = 0;
      for (int q = 0; q < times.size(); q++) {
        long u = times.get(q);
        if (u <= t && u >= t - WINDOW_MILLIS) {
          sum += amounts.get(q);
          count++;
        }
      }
      double amount = amounts.get(p);
      double avg = sum / count;
      rows.add(new double[] {amount, avg, count, amount / avg});
    }
    return new ReferenceTraffic(
        FraudTransactions.NAME,
        SEED,
        config.rate(),
        config.duration(),
        events.size(),
        "one row per transaction after the first minute (warm-up: windows not full yet): amount;"
            + " AVG(amount) and COUNT(amount) OVER (PARTITION BY user_id ORDER BY transaction_time"
            + " RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW); amount /"
            + " avg_1min_spend",
        rows);
  }

  /**
   * fleet-telemetry: two hours at 50 readings/s (the README's sandbox rate, one reading a second
   * per vehicle), one row per vehicle and 5-minute tumbling window: STDDEV_POP(vibration),
   * MAX(engine_temp), AVG(speed).
   */
  public static ReferenceTraffic fleet() {
    GeneratorConfig config = config(50, Duration.ofHours(2));
    List<Event> events = drain(new FleetTelemetry(config));
    Map<String, double[]> windows =
        windows(
            events,
            Duration.ofMinutes(5),
            json -> json.get("vehicle_id").asText(),
            // readings, sum and sum of squares of vibration, max engine_temp, sum of speed
            () -> new double[] {0, 0, 0, Double.NEGATIVE_INFINITY, 0},
            (w, json) -> {
              double v = json.get("vibration").asDouble();
              w[0]++;
              w[1] += v;
              w[2] += v * v;
              w[3] = Math.max(w[3], json.get("engine_temp").asDouble());
              w[4] += json.get("speed").asInt();
            });
    List<double[]> rows = new ArrayList<>();
    for (double[] w : windows.values()) {
      double n = w[0];
      double mean = w[1] / n;
      double stddev = Math.sqrt(Math.max(0, w[2] / n - mean * mean));
      rows.add(new double[] {stddev, w[3], w[4] / n});
    }
    return new ReferenceTraffic(
        FleetTelemetry.NAME,
        SEED,
        config.rate(),
        config.duration(),
        events.size(),
        "one row per vehicle and 5-minute tumbling event-time window: STDDEV_POP(vibration),"
            + " MAX(engine_temp), AVG(CAST(speed AS DOUBLE))",
        rows);
  }

  /**
   * call-center: four hours at 5 calls/s (the README's sandbox rate, about six calls per customer
   * and window), one row per customer and 10-minute tumbling window: AVG(duration_sec) and the
   * share of calls with {@code sentiment_score < -0.3}.
   */
  public static ReferenceTraffic callCenter() {
    GeneratorConfig config = config(5, Duration.ofHours(4));
    List<Event> events = drain(new CallCenter(config));
    Map<String, double[]> windows =
        windows(
            events,
            Duration.ofMinutes(10),
            json -> json.get("customer_id").asText(),
            // calls, sum of duration_sec, negative calls
            () -> new double[3],
            (w, json) -> {
              w[0]++;
              w[1] += json.get("duration_sec").asInt();
              w[2] += json.get("sentiment_score").asDouble() < -0.3 ? 1 : 0;
            });
    List<double[]> rows = new ArrayList<>();
    for (double[] w : windows.values()) {
      rows.add(new double[] {w[1] / w[0], w[2] / w[0]});
    }
    return new ReferenceTraffic(
        CallCenter.NAME,
        SEED,
        config.rate(),
        config.duration(),
        events.size(),
        "one row per customer and 10-minute tumbling event-time window: AVG(CAST(duration_sec AS"
            + " DOUBLE)); SUM(negative_call) / COUNT(*) where negative_call = sentiment_score < -0.3",
        rows);
  }

  private static GeneratorConfig config(double rate, Duration duration) {
    return GeneratorConfig.of(SEED, rate, duration, Scenario.EMPTY);
  }

  private static List<Event> drain(Generator generator) {
    List<Event> events = new ArrayList<>();
    Iterator<Event> it = generator.events();
    while (it.hasNext()) {
      Event e = it.next();
      if (e.malformed() || e.late()) {
        throw new IllegalStateException("normal traffic without a scenario sent " + e);
      }
      events.add(e);
    }
    return events;
  }

  /** Event time at the pipeline's precision, TIMESTAMP(3). */
  private static long millis(Event e) {
    return e.eventTime().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }

  /** Tumbling windows keyed by window start, then key, so rows come in a fixed order. */
  private static Map<String, double[]> windows(
      List<Event> events,
      Duration size,
      Function<JsonNode, String> key,
      Supplier<double[]> empty,
      BiConsumer<double[], JsonNode> add) {
    long width = size.toMillis();
    Map<String, double[]> windows = new TreeMap<>();
    for (Event e : events) {
      JsonNode json = parse(e);
      long start = Math.floorDiv(millis(e), width) * width;
      String id = String.format(Locale.ROOT, "%015d %s", start, key.apply(json));
      add.accept(windows.computeIfAbsent(id, k -> empty.get()), json);
    }
    return windows;
  }

  private static JsonNode parse(Event e) {
    try {
      return JSON.readTree(e.value());
    } catch (IOException ex) {
      throw new UncheckedIOException("generated record is not JSON: " + e.value(), ex);
    }
  }
}
