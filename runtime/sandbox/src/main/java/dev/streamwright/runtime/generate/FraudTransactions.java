package dev.streamwright.runtime.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The fraud-detection sample's generator (SAMPLES.md): card transactions from 1,000 users on topic
 * {@code transactions}, key {@code user_id}, value
 *
 * <pre>{@code
 * {"transaction_id":"…","user_id":"user-0042","amount":57.31,"currency":"EUR",
 *  "merchant":"Amazon","transaction_time":"2026-01-01 00:03:12.250"}
 * }</pre>
 *
 * <p>Amounts are log-normal (median about 40, each user with a spending level of their own), capped
 * at 20,000. Burst records are high (900 to 4,900). Shiftable column: {@code amount}. Malformed
 * records cycle through three kinds: invalid JSON (a truncated record), {@code amount} as a
 * non-numeric string, and a record without {@code user_id} (and without a key).
 */
public final class FraudTransactions extends ScheduledGenerator {

  public static final String NAME = "fraud-transactions";
  public static final String TOPIC = "transactions";
  public static final int USERS = 1000;
  public static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY");
  private static final double[] CURRENCY_WEIGHTS = {0.45, 0.30, 0.12, 0.08, 0.05};
  public static final List<String> MERCHANTS =
      List.of(
          "Amazon",
          "Zalando",
          "IKEA",
          "Apple Store",
          "Lidl",
          "Carrefour",
          "Shell",
          "Uber",
          "Booking.com",
          "Spotify",
          "Netflix",
          "Decathlon",
          "MediaMarkt",
          "Starbucks",
          "McDonald's",
          "H&M",
          "Airbnb",
          "Steam",
          "Ryanair",
          "Local Grocery");

  /**
   * The sample's default scenario (SAMPLES.md): malformed records at minute 1, 2% of events up to
   * 20 s late from minute 2, a fraud burst from 20 users at minute 3 for a minute, and amounts up
   * 40% for everyone from minute 6.
   */
  public static final String DEFAULT_SCENARIO =
      """
      {"steps":[
        {"at":"1min","kind":"malformed","count":5},
        {"at":"2min","kind":"late","fraction":0.02,"maxDelay":"20s"},
        {"at":"3min","kind":"burst","users":20,"duration":"1min","factor":10},
        {"at":"6min","kind":"shift","column":"amount","factor":1.4}
      ]}
      """;

  /** Flink JSON format's default for TIMESTAMP(3) ({@code timestamp-format.standard = SQL}). */
  public static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final double MEDIAN_AMOUNT = 40;
  private static final double SIGMA = 0.8;
  private static final double MAX_AMOUNT = 20_000;

  private final String[] userIds = new String[USERS];
  private final double[] userLevel = new double[USERS];

  public FraudTransactions(GeneratorConfig config) {
    super(config);
    SplittableRandom users = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
    for (int i = 0; i < USERS; i++) {
      userIds[i] = String.format(Locale.ROOT, "user-%04d", i + 1);
      userLevel[i] = Math.exp(0.4 * Gaussian.next(users));
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
    return USERS;
  }

  @Override
  protected String keyOf(int index) {
    return userIds[index];
  }

  @Override
  protected Set<String> shiftableColumns() {
    return Set.of("amount");
  }

  @Override
  protected Record normal(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    double level = userLevel[userIndex(key)];
    double amount =
        Math.min(MAX_AMOUNT, MEDIAN_AMOUNT * level * Math.exp(SIGMA * Gaussian.next(rng)))
            * shifts.factor("amount");
    return new Record(key, json(rng, key, amount, eventTime));
  }

  @Override
  protected Record burst(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    double amount = (900 + 4000 * rng.nextDouble()) * shifts.factor("amount");
    return new Record(key, json(rng, key, amount, eventTime));
  }

  @Override
  protected Record malformed(SplittableRandom rng, String key, Instant eventTime, long ordinal) {
    double amount = MEDIAN_AMOUNT * Math.exp(SIGMA * Gaussian.next(rng));
    String valid = json(rng, key, amount, eventTime);
    switch ((int) (ordinal % 3)) {
      case 0:
        // Invalid JSON: the record cut off in the middle.
        return new Record(key, valid.substring(0, valid.indexOf(",\"currency\"") + 1));
      case 1:
        // amount as a (non-numeric) string.
        String text = String.format(Locale.ROOT, "\"%.2f EUR\"", amount).replace('.', ',');
        return new Record(
            key,
            valid.replaceFirst(
                "\"amount\":[^,]*",
                "\"amount\":" + java.util.regex.Matcher.quoteReplacement(text)));
      default:
        // user_id missing (and no key).
        return new Record(null, valid.replace("\"user_id\":\"" + key + "\",", ""));
    }
  }

  private int userIndex(String key) {
    // user-0001 .. user-1000
    return Integer.parseInt(key, 5, key.length(), 10) - 1;
  }

  private static String json(SplittableRandom rng, String user, double amount, Instant time) {
    long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    String currency = pickCurrency(rng);
    String merchant = MERCHANTS.get(rng.nextInt(MERCHANTS.size()));
    double rounded = Math.round(Math.min(amount, 99_999.99) * 100) / 100.0;
    return "{\"transaction_id\":\""
        + new UUID(hi, lo)
        + "\",\"user_id\":\""
        + user
        + "\",\"amount\":"
        + rounded
        + ",\"currency\":\""
        + currency
        + "\",\"merchant\":\""
        + merchant.replace("\"", "\\\"")
        + "\",\"transaction_time\":\""
        + TIME_FORMAT.format(time)
        + "\"}";
  }

  private static String pickCurrency(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < CURRENCY_WEIGHTS.length; i++) {
      u -= CURRENCY_WEIGHTS[i];
      if (u < 0) {
        return CURRENCIES.get(i);
      }
    }
    return CURRENCIES.get(CURRENCIES.size() - 1);
  }
}
