package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.alerts.AlertEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final SeriesKey LAG = new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud", "g1");
  private static final Rule LAG_RULE =
      Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000").withFor(Duration.ofMinutes(5));

  /** The time {@code seconds} after T0. */
  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static Map<SeriesKey, Double> lag(double value) {
    return Map.of(LAG, value);
  }

  private static List<Kind> kinds(List<AlertEvent> events) {
    return events.stream().map(AlertEvent::kind).toList();
  }

  @Test
  void firesOnlyOnceTheConditionHeldForTheForDuration() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    for (long s = 0; s < 300; s += 5) {
      assertThat(engine.evaluate(at(s), lag(1500))).as("at %d s", s).isEmpty();
    }
    assertThat(engine.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(Alert.State.PENDING);
              assertThat(a.since()).isEqualTo(T0);
            });

    List<AlertEvent> fired = engine.evaluate(at(300), lag(1600));

    assertThat(fired)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.FIRED);
              assertThat(e.at()).isEqualTo(at(300));
              assertThat(e.value()).isEqualTo(1600);
              assertThat(e.notifies()).isTrue();
              assertThat(e.series()).isEqualTo(LAG);
            });
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.firedAt()).contains(at(300)));
    assertThat(engine.evaluate(at(305), lag(1700))).as("no second firing while it fires").isEmpty();
  }

  @Test
  void aFalseEvaluationInBetweenResetsTheForDuration() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    engine.evaluate(at(200), lag(1500));
    engine.evaluate(at(250), lag(1000)); // not > 1000: resets
    assertThat(engine.alerts()).isEmpty();
    engine.evaluate(at(260), lag(1500)); // pending again from 260
    assertThat(engine.evaluate(at(300), lag(1500))).isEmpty();
    assertThat(engine.evaluate(at(559), lag(1500))).isEmpty();
    assertThat(kinds(engine.evaluate(at(560), lag(1500)))).containsExactly(Kind.FIRED);
  }

  @Test
  void aGapInTheDataResetsTheForDuration() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    engine.evaluate(at(200), Map.of()); // disconnected: no value
    assertThat(engine.alerts()).isEmpty();
    assertThat(engine.evaluate(at(300), lag(1500))).as("pending again from 300").isEmpty();
    assertThat(kinds(engine.evaluate(at(600), lag(1500)))).containsExactly(Kind.FIRED);
  }

  @Test
  void forZeroFiresAtTheFirstPollThatHolds() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("cp", Metric.CHECKPOINT_FAILURES, "> 0")));
    SeriesKey cp = SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "fraud");
    assertThat(engine.evaluate(at(0), Map.of(cp, 0.0))).isEmpty();
    assertThat(kinds(engine.evaluate(at(5), Map.of(cp, 1.0)))).containsExactly(Kind.FIRED);
  }

  @Test
  void resolvesWhenTheConditionStopsHolding() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    engine.evaluate(at(300), lag(1500));

    List<AlertEvent> resolved = engine.evaluate(at(310), lag(200));

    assertThat(resolved)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RESOLVED);
              assertThat(e.value()).isEqualTo(200);
              assertThat(e.notifies()).isFalse();
            });
    assertThat(engine.alerts()).isEmpty();
    assertThat(kinds(engine.history())).containsExactly(Kind.FIRED, Kind.RESOLVED);
  }

  @Test
  void missingDataNeitherFiresNorResolves() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    engine.evaluate(at(300), lag(1500));
    Map<SeriesKey, Double> nullValue = new HashMap<>();
    nullValue.put(LAG, null);

    assertThat(engine.evaluate(at(305), Map.of())).isEmpty();
    assertThat(engine.evaluate(at(310), nullValue)).isEmpty();
    assertThat(engine.evaluate(at(315), lag(Double.NaN))).isEmpty();
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.value()).isEqualTo(1500));
    // back with a value: it still fires (no second FIRED) and resolves only on a real value
    assertThat(engine.evaluate(at(320), lag(1800))).isEmpty();
    assertThat(kinds(engine.evaluate(at(325), lag(10)))).containsExactly(Kind.RESOLVED);

    // and a series never seen with a value raises nothing
    RuleEngine other =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    for (long s = 0; s < 3600; s += 5) {
      assertThat(other.evaluate(at(s), Map.of())).isEmpty();
    }
    assertThat(other.alerts()).isEmpty();
  }

  @Test
  void deduplicatesAFiringWithinTheWindowAfterTheLastNotification() {
    Rule rule = Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000"); // for 0, window 1 h
    RuleEngine engine = new RuleEngine(RuleSet.of(rule));
    AlertEvent first = engine.evaluate(at(0), lag(1500)).get(0);
    engine.evaluate(at(60), lag(10));

    AlertEvent inside = engine.evaluate(at(3599), lag(1500)).get(0);
    engine.evaluate(at(3600), lag(10));
    AlertEvent outside = engine.evaluate(at(3605), lag(1500)).get(0);

    assertThat(first.kind()).isEqualTo(Kind.FIRED);
    assertThat(first.notifies()).isTrue();
    assertThat(inside.kind()).isEqualTo(Kind.FIRED);
    assertThat(inside.notifies()).as("fired again 59m59s after the last notification").isFalse();
    assertThat(outside.kind()).isEqualTo(Kind.FIRED);
    assertThat(outside.notifies()).as("fired again 1h0m5s after the last notification").isTrue();
  }

  @Test
  void theWindowIsMeasuredFromTheLastNotificationExactly() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    engine.evaluate(at(0), lag(1500));
    engine.evaluate(at(5), lag(0));
    assertThat(engine.evaluate(at(3600), lag(1500)).get(0).notifies())
        .as("exactly 1 h later")
        .isTrue();
  }

  @Test
  void aZeroWindowNotifiesEveryFiringAndNeverReminds() {
    Rule rule =
        Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000").withDedupWindow(Duration.ZERO);
    RuleEngine engine = new RuleEngine(RuleSet.of(rule));
    int notified = 0;
    for (int i = 0; i < 20; i++) {
      for (AlertEvent e : engine.evaluate(at(i * 5L), lag(i % 2 == 0 ? 1500 : 0))) {
        notified += e.notifies() ? 1 : 0;
      }
    }
    assertThat(notified).isEqualTo(10);
    RuleEngine steady = new RuleEngine(RuleSet.of(rule));
    for (long s = 0; s < 10_000; s += 5) {
      steady.evaluate(at(s), lag(1500));
    }
    assertThat(kinds(steady.history())).containsExactly(Kind.FIRED);
  }

  @Test
  void aFiringAlertRemindsOncePerWindowUntilAcknowledged() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    List<AlertEvent> events = new ArrayList<>();
    for (long s = 0; s <= 2 * 3600 + 30; s += 5) {
      events.addAll(engine.evaluate(at(s), lag(1500)));
    }
    assertThat(events)
        .extracting(AlertEvent::kind, AlertEvent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.FIRED, at(0)),
            org.assertj.core.groups.Tuple.tuple(Kind.REMINDED, at(3600)),
            org.assertj.core.groups.Tuple.tuple(Kind.REMINDED, at(7200)));
    assertThat(events).allMatch(AlertEvent::notifies);
  }

  @Test
  void acknowledgingKeepsItFiringSilentlyAndResolvingClearsTheAcknowledgement() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    engine.evaluate(at(0), lag(1500));
    AlertKey key = new AlertKey("lag", LAG);

    AlertEvent ack = engine.acknowledge(key, at(10)).orElseThrow();

    assertThat(ack.kind()).isEqualTo(Kind.ACKNOWLEDGED);
    assertThat(ack.notifies()).isFalse();
    assertThat(engine.acknowledge(key, at(11))).as("already acknowledged").isEmpty();
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.acknowledged()).isTrue());
    for (long s = 15; s <= 3 * 3600; s += 5) {
      assertThat(engine.evaluate(at(s), lag(1500))).as("no reminder at %d s", s).isEmpty();
    }

    assertThat(kinds(engine.evaluate(at(3 * 3600 + 5), lag(0)))).containsExactly(Kind.RESOLVED);
    assertThat(engine.acknowledge(key, at(3 * 3600 + 6)))
        .as("resolved: nothing to acknowledge")
        .isEmpty();
    AlertEvent again = engine.evaluate(at(3 * 3600 + 10), lag(1500)).get(0);
    assertThat(again.kind()).isEqualTo(Kind.FIRED);
    assertThat(again.notifies()).as("last notified 3 h before").isTrue();
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.acknowledged()).isFalse());
    assertThat(kinds(engine.history()))
        .containsExactly(Kind.FIRED, Kind.ACKNOWLEDGED, Kind.RESOLVED, Kind.FIRED);
  }

  @Test
  void aPendingAlertCannotBeAcknowledged() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    assertThat(engine.acknowledge(new AlertKey("lag", LAG), at(1))).isEmpty();
    assertThat(engine.acknowledge(new AlertKey("nope", LAG), at(1))).isEmpty();
  }

  @Test
  void aFlappingSignalNotifiesAtMostOncePerWindow() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    List<AlertEvent> notified = new ArrayList<>();
    int fired = 0;
    // 6 h of 5 s polls, alternating above and below the threshold every poll
    for (long s = 0; s < 6 * 3600; s += 5) {
      for (AlertEvent e : engine.evaluate(at(s), lag((s / 5) % 2 == 0 ? 1500 : 900))) {
        fired += e.kind() == Kind.FIRED ? 1 : 0;
        if (e.notifies()) {
          notified.add(e);
        }
      }
    }
    assertThat(fired).isEqualTo(6 * 3600 / 10);
    assertThat(notified)
        .extracting(AlertEvent::at)
        .containsExactly(at(0), at(3600), at(7200), at(10800), at(14400), at(18000));
    assertThat(engine.history()).hasSize(RuleEngine.DEFAULT_HISTORY);
  }

  @Test
  void aFlappingSignalWithAForDurationNeverFires() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    for (long s = 0; s < 6 * 3600; s += 5) {
      assertThat(engine.evaluate(at(s), lag((s / 60) % 2 == 0 ? 1500 : 900))).isEmpty();
    }
  }

  @Test
  void aScopeMatchesEveryInstanceAndAnInstanceScopeOnlyItsOwn() {
    Rule every = Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000");
    Rule one =
        Rule.of("lag-g2", Metric.CONSUMER_LAG_RECORDS, "> 1000")
            .withScope(Scope.only(ScopeKind.GROUP, "g2").inDeployment("fraud"));
    RuleEngine engine = new RuleEngine(RuleSet.of(every, one));
    Map<SeriesKey, Double> values = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      values.put(
          new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud", "g" + i), i % 2 == 0 ? 2000.0 : 10.0);
      values.put(new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "iot", "g" + i), 2000.0);
    }
    values.put(new SeriesKey(Metric.CONSUMER_LAG_SECONDS, "fraud", "g3"), 5000.0); // other metric

    List<AlertEvent> events = engine.evaluate(at(0), values);

    assertThat(events.stream().filter(e -> e.rule().id().equals("lag"))).hasSize(25 + 50);
    assertThat(events.stream().filter(e -> e.rule().id().equals("lag-g2")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.series())
                    .isEqualTo(new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud", "g2")));
    assertThat(events).allMatch(e -> e.series().metric() == Metric.CONSUMER_LAG_RECORDS);
    assertThat(engine.firing()).hasSize(76);
  }

  @Test
  void aDisabledRuleIsNotEvaluated() {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000").withEnabled(false)));
    assertThat(engine.evaluate(at(0), lag(5000))).isEmpty();
    assertThat(engine.alerts()).isEmpty();
  }

  @Test
  void replacingRulesKeepsAlertsOfUnchangedRulesAndResolvesTheOthers() {
    Rule lag = Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000");
    Rule lag2 = Rule.of("lag2", Metric.CONSUMER_LAG_RECORDS, "> 100");
    RuleEngine engine = new RuleEngine(RuleSet.of(lag, lag2));
    engine.evaluate(at(0), lag(1500));
    assertThat(engine.firing()).hasSize(2);

    List<AlertEvent> events =
        engine.replaceRules(RuleSet.of(lag.withSeverity(Severity.CRITICAL)), at(10));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RESOLVED);
              assertThat(e.rule().id()).isEqualTo("lag2");
            });
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.rule().severity()).isEqualTo(Severity.CRITICAL));
    assertThat(engine.evaluate(at(15), lag(1500))).as("still the same firing alert").isEmpty();
  }

  @Test
  void forgettingADeploymentResolvesItsAlerts() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    SeriesKey iot = new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "iot", "g1");
    engine.evaluate(at(0), Map.of(LAG, 1500.0, iot, 1500.0));

    assertThat(engine.forgetDeployment("fraud", at(5)))
        .singleElement()
        .satisfies(e -> assertThat(e.series()).isEqualTo(LAG));
    assertThat(engine.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.series()).isEqualTo(iot));
    assertThat(engine.evaluate(at(10), lag(1500)).get(0).notifies())
        .as("nothing remembered")
        .isTrue();
  }

  @Test
  void aFailingListenerNeverStopsTheEngine() {
    RuleEngine engine =
        new RuleEngine(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    List<AlertEvent> received = new ArrayList<>();
    engine.addListener(
        e -> {
          throw new IllegalStateException("channel down");
        });
    engine.addListener(received::add);

    List<AlertEvent> events = engine.evaluate(at(0), lag(1500));

    assertThat(received).isEqualTo(events).hasSize(1);
  }

  @Test
  void historyIsBoundedOldestFirst() {
    RuleEngine engine =
        new RuleEngine(
            RuleSet.of(
                Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")
                    .withDedupWindow(Duration.ZERO)),
            3);
    for (int i = 0; i < 10; i++) {
      engine.evaluate(at(i), lag(i % 2 == 0 ? 1500 : 0));
    }
    assertThat(engine.history()).extracting(AlertEvent::at).containsExactly(at(7), at(8), at(9));
  }

  @Test
  void pollTimesMustNotGoBack() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(10), lag(1));
    assertThatThrownBy(() -> engine.evaluate(at(9), lag(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the previous poll");
  }

  @Test
  void anEventSaysWhatHappenedInWords() {
    RuleEngine engine = new RuleEngine(RuleSet.of(LAG_RULE));
    engine.evaluate(at(0), lag(1500));
    AlertEvent e = engine.evaluate(at(300), lag(1500)).get(0);
    assertThat(e.describe())
        .isEqualTo(
            "[warning] lag fired: consumer_lag_records of group 'g1' in deployment 'fraud'"
                + " is 1500 records (> 1000 for 5m)");
  }
}
