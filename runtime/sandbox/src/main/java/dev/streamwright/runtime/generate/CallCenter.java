package dev.streamwright.runtime.generate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The call-center sample's generator (SAMPLES.md): finished calls of 500 customers handled by 40
 * agents on topic {@code call-center-events}, key {@code {"agent_id":"agent-07"}} (JSON, so a
 * kafka-source with key column {@code agent_id} reads it), value
 *
 * <pre>{@code
 * {"call_id":"…","customer_id":"cust-0042","agent_id":"agent-07","queue":"billing",
 *  "duration_sec":251,"sentiment_score":0.215,"resolved":true,"event_time":"2026-01-01 00:03:12.250"}
 * }</pre>
 *
 * <p>Each agent works one queue (billing 35%, technical 30%, sales 20%, cancellations 15% of the
 * agents) and is a little faster or slower than its colleagues (×0.8 to ×1.25). Calls pick a
 * customer uniformly. Durations are log-normal around the queue's median (billing 240 s, technical
 * 420 s, sales 180 s, cancellations 300 s; σ 0.5), between 10 s and 2 h. Sentiment is the
 * customer's mood (normal around 0.1, σ 0.2, fixed per customer from the seed) plus per-call noise
 * (σ 0.3), minus 0.15 per e-fold the call ran over its queue's median, minus 0.2 on the
 * cancellations queue, clipped to [-1, 1]: about 15% of calls are NEGATIVE (below -0.3). A call is
 * resolved with probability 0.8 + 0.2 × sentiment (0.05 to 0.98).
 *
 * <p>Shiftable (and rampable) columns: {@code duration_sec}, {@code sentiment_score}; a shift of
 * the duration also lowers the sentiment through the overrun term, and a shift of the sentiment
 * lowers the resolution rate, as in a real outage. Burst records are ordinary calls, more of them
 * for the burst's agents. Malformed records cycle through invalid JSON (a truncated record), {@code
 * duration_sec} as a string, and a record without {@code agent_id} (and without a key).
 */
public final class CallCenter extends ScheduledGenerator {

  public static final String NAME = "call-center";
  public static final String TOPIC = "call-center-events";
  public static final int AGENTS = 40;
  public static final int CUSTOMERS = 500;
  public static final List<String> QUEUES =
      List.of("billing", "technical", "sales", "cancellations");
  private static final double[] QUEUE_SHARES = {0.35, 0.30, 0.20, 0.15};
  private static final double[] QUEUE_MEDIAN_SEC = {240, 420, 180, 300};

  /**
   * The sample's default scenario (SAMPLES.md): at minute 4 a queue outage (a failing telephony
   * backend) doubles every call's duration and drops sentiment by 0.5, the prediction drift the
   * churn-risk score reacts to.
   */
  public static final String DEFAULT_SCENARIO =
      """
      {"steps":[
        {"at":"4min","kind":"shift","column":"duration_sec","factor":2},
        {"at":"4min","kind":"shift","column":"sentiment_score","offset":-0.5}
      ]}
      """;

  private static final double DURATION_SIGMA = 0.5;
  private static final int MIN_DURATION = 10;
  private static final int MAX_DURATION = 7200;

  private final String[] agentIds = new String[AGENTS];
  private final int[] agentQueue = new int[AGENTS];
  private final double[] agentPace = new double[AGENTS];
  private final String[] customerIds = new String[CUSTOMERS];
  private final double[] customerMood = new double[CUSTOMERS];

  public CallCenter(GeneratorConfig config) {
    super(config);
    SplittableRandom traits = new SplittableRandom(config.seed() ^ 0x6A09E667F3BCC909L);
    for (int i = 0; i < AGENTS; i++) {
      agentIds[i] = String.format(Locale.ROOT, "agent-%02d", i + 1);
      agentQueue[i] = queueOfAgent(i);
      agentPace[i] = 0.8 + 0.45 * traits.nextDouble();
    }
    for (int i = 0; i < CUSTOMERS; i++) {
      customerIds[i] = String.format(Locale.ROOT, "cust-%04d", i + 1);
      customerMood[i] = 0.1 + 0.2 * Gaussian.next(traits);
    }
    init();
  }

  /** The sample's default scenario parsed. */
  public static Scenario defaultScenario() {
    return Scenario.parse(DEFAULT_SCENARIO);
  }

  /** The queue an agent works: agents are split over the queues by their shares, in order. */
  private static int queueOfAgent(int agent) {
    double position = (agent + 0.5) / AGENTS;
    double cumulative = 0;
    for (int q = 0; q < QUEUE_SHARES.length; q++) {
      cumulative += QUEUE_SHARES[q];
      if (position < cumulative) {
        return q;
      }
    }
    return QUEUE_SHARES.length - 1;
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
    return AGENTS;
  }

  @Override
  protected String keyOf(int index) {
    return agentIds[index];
  }

  @Override
  protected Set<String> shiftableColumns() {
    return Set.of("duration_sec", "sentiment_score");
  }

  @Override
  protected Record normal(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    return new Record(key(key), json(call(rng, key, eventTime, shifts)));
  }

  @Override
  protected Record burst(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    return normal(rng, key, eventTime, shifts);
  }

  @Override
  protected Record malformed(SplittableRandom rng, String key, Instant eventTime, long ordinal) {
    Call c = call(rng, key, eventTime, NO_SHIFTS);
    String valid = json(c);
    return switch ((int) (ordinal % 3)) {
      // Invalid JSON: the record cut off in the middle.
      case 0 -> new Record(key(key), valid.substring(0, valid.indexOf(",\"queue\"") + 1));
      // duration_sec as text, as a legacy telephony export writes it.
      case 1 ->
          new Record(
              key(key),
              valid.replace(
                  "\"duration_sec\":" + c.durationSec(),
                  "\"duration_sec\":\"" + c.durationSec() / 60 + " min\""));
      // agent_id missing (and no key).
      default -> new Record(null, valid.replace("\"agent_id\":\"" + key + "\",", ""));
    };
  }

  /** The Kafka key of an agent's records, as a kafka-sink with key column agent_id writes it. */
  public static String key(String agentId) {
    return "{\"agent_id\":\"" + agentId + "\"}";
  }

  private record Call(
      UUID callId,
      String customerId,
      String agentId,
      String queue,
      int durationSec,
      double sentimentScore,
      boolean resolved,
      Instant time) {}

  private Call call(SplittableRandom rng, String key, Instant eventTime, Shifts shifts) {
    int agent = Integer.parseInt(key, 6, key.length(), 10) - 1;
    int queue = agentQueue[agent];
    long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    int customer = rng.nextInt(CUSTOMERS);
    double median = QUEUE_MEDIAN_SEC[queue];
    double duration = median * agentPace[agent] * Math.exp(DURATION_SIGMA * Gaussian.next(rng));
    duration = shifts.apply("duration_sec", duration);
    int durationSec = (int) Math.round(Math.max(MIN_DURATION, Math.min(MAX_DURATION, duration)));
    double sentiment =
        customerMood[customer]
            + 0.3 * Gaussian.next(rng)
            - 0.15 * Math.max(0, Math.log(durationSec / median))
            - (QUEUES.get(queue).equals("cancellations") ? 0.2 : 0);
    sentiment = shifts.apply("sentiment_score", sentiment);
    sentiment = FleetTelemetry.round(Math.max(-1, Math.min(1, sentiment)), 3);
    double resolveProbability = Math.max(0.05, Math.min(0.98, 0.8 + 0.2 * sentiment));
    boolean resolved = rng.nextDouble() < resolveProbability;
    return new Call(
        new UUID(hi, lo),
        customerIds[customer],
        key,
        QUEUES.get(queue),
        durationSec,
        sentiment,
        resolved,
        eventTime);
  }

  private static String json(Call c) {
    return "{\"call_id\":\""
        + c.callId()
        + "\",\"customer_id\":\""
        + c.customerId()
        + "\",\"agent_id\":\""
        + c.agentId()
        + "\",\"queue\":\""
        + c.queue()
        + "\",\"duration_sec\":"
        + c.durationSec()
        + ",\"sentiment_score\":"
        + c.sentimentScore()
        + ",\"resolved\":"
        + c.resolved()
        + ",\"event_time\":\""
        + FraudTransactions.TIME_FORMAT.format(c.time())
        + "\"}";
  }
}
