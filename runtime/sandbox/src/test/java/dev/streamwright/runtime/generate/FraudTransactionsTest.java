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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FraudTransactionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = GeneratorConfig.DEFAULT_START;

  private static FraudTransactions fraud(long seed, double rate, Duration d, Scenario s) {
    return new FraudTransactions(GeneratorConfig.of(seed, rate, d, s));
  }

  private static List<Event> all(Generator g) {
    List<Event> out = new ArrayList<>();
    g.events().forEachRemaining(out::add);
    return out;
  }

  private static List<Event> first(Generator g, int n) {
    List<Event> out = new ArrayList<>();
    Iterator<Event> it = g.events();
    while (out.size() < n && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void sameSeedSameEventsDifferentSeedDifferentEvents() {
    Scenario s = FraudTransactions.defaultScenario();
    Duration d = Duration.ofMinutes(10);
    // Rate 20/s: the first 10,000 events span about 8 minutes, covering all default steps.
    List<Event> a = first(fraud(42, 20, d, s), 10_000);
    List<Event> b = first(fraud(42, 20, d, s), 10_000);
    assertThat(a).hasSize(10_000);
    assertThat(a.stream().anyMatch(Event::late)).isTrue();
    assertThat(a.stream().anyMatch(Event::malformed)).isTrue();
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).as("event %d", i).isEqualTo(a.get(i));
    }
    // A fresh iterator of the same generator replays the run too.
    FraudTransactions g = fraud(42, 20, d, s);
    assertThat(first(g, 10_000)).isEqualTo(first(g, 10_000));

    List<Event> c = first(fraud(43, 20, d, s), 10_000);
    long differentValues = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).value().equals(c.get(i).value())) {
        differentValues++;
      }
    }
    assertThat(differentValues).isGreaterThan(9_000);
  }

  @Test
  void recordsMatchTheSampleSchema() throws Exception {
    Set<String> users = new HashSet<>();
    Set<String> currencies = new HashSet<>();
    for (Event e : all(fraud(7, 100, Duration.ofMinutes(2), Scenario.EMPTY))) {
      JsonNode n = JSON.readTree(e.value());
      List<String> fields = new ArrayList<>();
      n.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "transaction_id", "user_id", "amount", "currency", "merchant", "transaction_time");
      assertThat(n.get("user_id").asText()).isEqualTo(e.key()).matches("user-\\d{4}");
      assertThat(n.get("amount").isNumber()).isTrue();
      assertThat(n.get("amount").asDouble()).isBetween(0.0, 100_000.0);
      assertThat(FraudTransactions.CURRENCIES).contains(n.get("currency").asText());
      assertThat(FraudTransactions.MERCHANTS).contains(n.get("merchant").asText());
      String time = n.get("transaction_time").asText();
      assertThat(time).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
      assertThat(LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.UTC))
          .isEqualTo(e.eventTime());
      assertThat(e.eventTime()).isEqualTo(e.emitTime());
      users.add(e.key());
      currencies.add(n.get("currency").asText());
    }
    assertThat(users.size()).isGreaterThan(990);
    assertThat(currencies).containsExactlyInAnyOrderElementsOf(FraudTransactions.CURRENCIES);
  }

  @Test
  void rateTimesDurationGivesTheCount() {
    assertThat(all(fraud(1, 123.4, Duration.ofSeconds(77), Scenario.EMPTY)))
        .hasSizeBetween(9501 - 1, 9501 + 1);
    assertThat(all(fraud(1, 1000, Duration.ofSeconds(30), Scenario.EMPTY)))
        .hasSizeBetween(29_999, 30_001);
    // Event (and emit) times of steady traffic: in order, within the duration.
    List<Event> events = all(fraud(1, 50, Duration.ofSeconds(60), Scenario.EMPTY));
    assertThat(events.get(0).eventTime()).isEqualTo(T0);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).eventTime()).isAfterOrEqualTo(events.get(i - 1).eventTime());
    }
    assertThat(events.get(events.size() - 1).eventTime()).isBefore(T0.plusSeconds(60));
  }

  @Test
  void burstRaisesTheChosenUsersRateWithinItsWindow() throws Exception {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"burst\",\"users\":20,"
                + "\"duration\":\"1min\",\"factor\":10}]}");
    FraudTransactions g = fraud(5, 1000, Duration.ofMinutes(5), s);
    List<String> burstUsers = g.burstKeys((Scenario.Burst) s.steps().get(0));
    assertThat(new HashSet<>(burstUsers)).hasSize(20);
    Instant from = T0.plusSeconds(120);
    Instant to = T0.plusSeconds(180);
    long inWindow = 0;
    long outside = 0;
    double inAmount = 0;
    for (Event e : all(g)) {
      if (!burstUsers.contains(e.key())) {
        continue;
      }
      boolean in = !e.eventTime().isBefore(from) && e.eventTime().isBefore(to);
      if (in) {
        inWindow++;
        inAmount += JSON.readTree(e.value()).get("amount").asDouble();
      } else {
        outside++;
      }
    }
    double rateIn = inWindow / 60.0;
    double rateOut = outside / 240.0;
    // Per user 1 event/s normally, 10/s in the burst: 20/s vs 200/s for the 20 users.
    assertThat(rateOut).isBetween(16.0, 24.0);
    assertThat(rateIn / rateOut).isBetween(8.0, 12.0);
    assertThat(inAmount / inWindow).isGreaterThan(1000);
    // The same seed picks the same users.
    assertThat(
            fraud(5, 1000, Duration.ofMinutes(5), s).burstKeys((Scenario.Burst) s.steps().get(0)))
        .isEqualTo(burstUsers);
  }

  @Test
  void shiftRaisesTheMeanAmountByFortyPercent() throws Exception {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"shift\",\"column\":\"amount\","
                + "\"factor\":1.4}]}");
    double before = 0;
    double after = 0;
    long nBefore = 0;
    long nAfter = 0;
    for (Event e : all(fraud(11, 500, Duration.ofMinutes(4), s))) {
      double amount = JSON.readTree(e.value()).get("amount").asDouble();
      if (e.eventTime().isBefore(T0.plusSeconds(120))) {
        before += amount;
        nBefore++;
      } else {
        after += amount;
        nAfter++;
      }
    }
    double ratio = (after / nAfter) / (before / nBefore);
    assertThat(ratio).isBetween(1.34, 1.46);
    assertThat(before / nBefore).isBetween(30.0, 90.0);
  }

  @Test
  void malformedCountIsExactAndCoversTheThreeKinds() throws Exception {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"30s\",\"kind\":\"malformed\",\"count\":7},"
                + "{\"at\":\"50s\",\"kind\":\"malformed\",\"count\":2,\"duration\":\"1s\"}]}");
    List<Event> events = all(fraud(3, 100, Duration.ofMinutes(1), s));
    List<Event> bad = events.stream().filter(Event::malformed).toList();
    assertThat(bad).hasSize(9);
    assertThat(events).hasSize(6000 + 9);
    int invalidJson = 0;
    int amountString = 0;
    int missingUser = 0;
    for (Event e : bad) {
      assertThat(e.eventTime()).isAfterOrEqualTo(T0.plusSeconds(30));
      JsonNode n;
      try {
        n = JSON.readTree(e.value());
      } catch (Exception ex) {
        invalidJson++;
        continue;
      }
      if (!n.has("user_id")) {
        assertThat(e.key()).isNull();
        missingUser++;
      } else if (n.get("amount").isTextual()) {
        assertThat(n.get("amount").asText()).doesNotContain(".");
        amountString++;
      }
    }
    assertThat(invalidJson).isEqualTo(3);
    assertThat(amountString).isEqualTo(3);
    assertThat(missingUser).isEqualTo(3);
    // Everything else is well formed.
    for (Event e : events) {
      if (!e.malformed()) {
        assertThat(JSON.readTree(e.value()).get("amount").isNumber()).isTrue();
      }
    }
  }

  @Test
  void lateEventsAreEmittedAfterTheirEventTimeWithinMaxDelay() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"1min\",\"kind\":\"late\",\"fraction\":0.1,"
                + "\"maxDelay\":\"20s\"}]}");
    List<Event> events = all(fraud(9, 200, Duration.ofMinutes(3), s));
    assertThat(events).hasSize(36_000);
    long late = 0;
    long outOfOrder = 0;
    Instant maxEventTime = Instant.MIN;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (i > 0) {
        assertThat(e.offset()).isGreaterThanOrEqualTo(events.get(i - 1).offset());
      }
      assertThat(e.emitTime()).isEqualTo(T0.plus(Duration.ofMillis(e.offset().toMillis())));
      if (e.late()) {
        late++;
        assertThat(e.eventTime()).isBefore(e.emitTime());
        assertThat(e.delay()).isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(e.eventTime()).isAfterOrEqualTo(T0.plusSeconds(60));
      } else {
        assertThat(e.eventTime()).isEqualTo(e.emitTime());
      }
      if (e.eventTime().isBefore(maxEventTime)) {
        outOfOrder++;
      } else {
        maxEventTime = e.eventTime();
      }
    }
    // 10% of the 24,000 events after minute 1.
    assertThat(late).isBetween(2_200L, 2_600L);
    assertThat(outOfOrder).isGreaterThan(2_000);
  }

  @Test
  void speedCompressesWallClockInstants() {
    Instant wallStart = Instant.parse("2030-05-05T10:00:00Z");
    assertThat(Schedule.wallClockAt(wallStart, Duration.ofMinutes(10), 10))
        .isEqualTo(wallStart.plusSeconds(60));
    assertThat(Schedule.wallClockAt(wallStart, Duration.ofMinutes(10), 1))
        .isEqualTo(wallStart.plusSeconds(600));
    assertThat(Schedule.wallClockAt(wallStart, Duration.ofSeconds(1), Double.POSITIVE_INFINITY))
        .isEqualTo(wallStart);
    List<Event> events =
        all(fraud(2, 10, Duration.ofMinutes(10), FraudTransactions.defaultScenario()));
    for (Event e : events) {
      Duration at1 = Duration.between(wallStart, Schedule.wallClockAt(wallStart, e, 1));
      Duration at10 = Duration.between(wallStart, Schedule.wallClockAt(wallStart, e, 10));
      assertThat(Math.abs(at1.toNanos() - 10 * at10.toNanos())).isLessThanOrEqualTo(10);
    }
    Event last = events.get(events.size() - 1);
    assertThat(Schedule.wallClockAt(wallStart, last, 10)).isBefore(wallStart.plusSeconds(63));
    assertThatThrownBy(() -> Schedule.wallClockAt(wallStart, Duration.ZERO, 0))
        .hasMessageContaining("speed");
  }

  @Test
  void shiftOfAnUnknownColumnNamesTheStep() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"1min\",\"kind\":\"malformed\",\"count\":1},"
                + "{\"at\":\"2min\",\"kind\":\"shift\",\"column\":\"amout\",\"factor\":2}]}");
    assertThatThrownBy(() -> fraud(1, 10, Duration.ofMinutes(1), s))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("step 2 (shift)")
        .hasMessageContaining("amout")
        .hasMessageContaining("amount");
  }

  @Test
  void defaultScenarioRunsTheSampleStory() {
    Scenario s = FraudTransactions.defaultScenario();
    assertThat(s.steps())
        .extracting(Scenario.Step::kind)
        .containsExactly("malformed", "late", "burst", "shift");
    List<Event> events = all(fraud(42, 100, Duration.ofMinutes(10), s));
    assertThat(events.stream().filter(Event::malformed).count()).isEqualTo(5);
    assertThat(events.stream().filter(Event::late).count()).isBetween(800L, 1200L);
  }
}
