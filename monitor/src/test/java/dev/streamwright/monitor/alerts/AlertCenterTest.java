package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.alerts.AlertEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlertCenterTest {

  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private static final SeriesKey LAG_A = new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "a", "g");
  private static final SeriesKey LAG_B = new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "b", "g");
  private static final SeriesKey PSI_A = SeriesKey.column(Metric.DRIFT_PSI, "a", "score", "amount");

  private static Rule lagRule(String... channels) {
    return Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")
        .withFor(Duration.ofMinutes(1))
        .withChannels(List.of(channels));
  }

  /** A channel that records what it got. */
  private static final class Recording implements AlertChannel {
    final String name;
    final BlockingQueue<AlertEvent> got = new LinkedBlockingQueue<>();

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void send(AlertEvent event) {
      got.add(event);
    }
  }

  @Test
  void aHangingChannelBlocksNeitherTheCallerNorTheOtherChannels() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    AlertChannel hanging =
        new AlertChannel() {
          @Override
          public String name() {
            return "hangs";
          }

          @Override
          public void send(AlertEvent event) throws InterruptedException {
            entered.countDown();
            release.await();
          }
        };
    Recording ok = new Recording("ok");
    try (AlertCenter center =
        new AlertCenter(
            RuleSet.of(
                lagRule("hangs", "ok").withFor(Duration.ZERO).withDedupWindow(Duration.ZERO)))) {
      center.putChannel(hanging);
      center.putChannel(ok);
      long start = System.nanoTime();
      // Each pair of polls fires and resolves once: 50 notifications queue behind the hanging one.
      for (int i = 0; i < 50; i++) {
        center.accept(T0.plusSeconds(2L * i), Map.of(LAG_A, 5000.0));
        center.accept(T0.plusSeconds(2L * i + 1), Map.of(LAG_A, 0.0));
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 50; i++) {
        assertThat(ok.got.poll(10, TimeUnit.SECONDS)).as("notification %d", i).isNotNull();
      }
      assertThat(tookMs).as("100 polls while a channel hangs, in ms").isLessThan(5000);
      release.countDown();
    }
  }

  @Test
  void aFailingChannelIsReportedAndTheOthersAndTheEngineGoOn() throws Exception {
    AlertChannel failing =
        new AlertChannel() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void send(AlertEvent event) throws ChannelException {
            throw new ChannelException("HTTP 500 from the receiver");
          }
        };
    AlertChannel throwing =
        new AlertChannel() {
          @Override
          public String name() {
            return "buggy";
          }

          @Override
          public void send(AlertEvent event) {
            throw new IllegalStateException("a bug");
          }
        };
    Recording ok = new Recording("ok");
    BlockingQueue<ChannelFailure> failures = new LinkedBlockingQueue<>();
    try (AlertCenter center =
        new AlertCenter(RuleSet.of(lagRule("broken", "buggy", "ok", "missing")))) {
      center.putChannel(failing);
      center.putChannel(throwing);
      center.putChannel(ok);
      center.addFailureListener(failures::add);
      center.accept(T0, Map.of(LAG_A, 5000.0));
      List<AlertEvent> fired = center.accept(T0.plusSeconds(60), Map.of(LAG_A, 5000.0));

      assertThat(fired).extracting(AlertEvent::kind).containsExactly(Kind.FIRED);
      assertThat(ok.got.poll(10, TimeUnit.SECONDS)).isEqualTo(fired.get(0));
      List<ChannelFailure> seen = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        seen.add(failures.poll(10, TimeUnit.SECONDS));
      }
      assertThat(seen)
          .extracting(ChannelFailure::channel)
          .containsExactlyInAnyOrder("broken", "buggy", "missing");
      assertThat(seen)
          .filteredOn(f -> f.channel().equals("broken"))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.message()).isEqualTo("HTTP 500 from the receiver");
                assertThat(f.event()).contains(fired.get(0));
                assertThat(f.describe()).contains("'broken'", "lag", "HTTP 500");
              });
      assertThat(seen)
          .filteredOn(f -> f.channel().equals("missing"))
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("no channel named 'missing'"));

      // The engine goes on: the alert resolves, and a second firing reports the unknown channel
      // no more (once per name), the failing channels again.
      assertThat(center.accept(T0.plusSeconds(65), Map.of(LAG_A, 0.0)))
          .extracting(AlertEvent::kind)
          .containsExactly(Kind.RESOLVED);
      center.replaceRules(
          RuleSet.of(lagRule("broken", "missing").withDedupWindow(Duration.ZERO)),
          T0.plusSeconds(66));
      center.accept(T0.plusSeconds(70), Map.of(LAG_A, 5000.0));
      center.accept(T0.plusSeconds(130), Map.of(LAG_A, 5000.0));
      assertThat(failures.poll(10, TimeUnit.SECONDS).channel()).isEqualTo("broken");
      assertThat(failures.poll(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(center.failures()).hasSize(4);
    }
  }

  @Test
  void aListenerThatHangsFillsTheBoundedQueueAndTheRestIsDroppedAndReported() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<ChannelFailure> failures = new LinkedBlockingQueue<>();
    try (AlertCenter center =
        new AlertCenter(
            RuleSet.of(lagRule().withFor(Duration.ZERO).withDedupWindow(Duration.ZERO)),
            100,
            2,
            AlertCenter.DEFAULT_STALE)) {
      center.addFailureListener(failures::add);
      center.addListener(
          e -> {
            try {
              release.await();
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
            }
          });
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        center.accept(T0.plusSeconds(i), Map.of(LAG_A, i % 2 == 0 ? 5000.0 : 0.0));
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000L);
      ChannelFailure f = failures.poll(10, TimeUnit.SECONDS);
      assertThat(f.channel()).isEqualTo("dispatcher");
      assertThat(f.message()).contains("were dropped", "A listener is too slow");
      release.countDown();
    }
  }

  @Test
  void aBatchListenerGetsEachEvaluationsEventsAtOnce() throws Exception {
    BlockingQueue<List<AlertEvent>> batches = new LinkedBlockingQueue<>();
    try (AlertCenter center = new AlertCenter(RuleSet.of(lagRule().withFor(Duration.ZERO)))) {
      center.addBatchListener(batches::add);
      center.accept(T0, Map.of(LAG_A, 5000.0, LAG_B, 5000.0));
      center.accept(T0.plusSeconds(5), Map.of(LAG_A, 5000.0, LAG_B, 5000.0));
      center.accept(T0.plusSeconds(10), Map.of(LAG_A, 1.0, LAG_B, 5000.0));

      assertThat(batches.poll(10, TimeUnit.SECONDS))
          .extracting(e -> e.kind() + " " + e.series().deployment())
          .containsExactlyInAnyOrder("FIRED a", "FIRED b");
      assertThat(batches.poll(10, TimeUnit.SECONDS))
          .extracting(e -> e.kind() + " " + e.series().deployment())
          .containsExactly("RESOLVED a");
    }
  }

  @Test
  void listenersGetEveryEventInOrderOffTheCallersThread() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (AlertCenter center = new AlertCenter(RuleSet.of(lagRule()))) {
      center.addListener(e -> seen.add(e.kind() + " on " + Thread.currentThread().getName()));
      center.accept(T0, Map.of(LAG_A, 5000.0));
      center.accept(T0.plusSeconds(60), Map.of(LAG_A, 5000.0));
      center.acknowledge(new AlertKey("lag", LAG_A), T0.plusSeconds(61));
      center.accept(T0.plusSeconds(65), Map.of(LAG_A, 10.0));

      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("FIRED on alert-dispatcher");
      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("ACKNOWLEDGED on alert-dispatcher");
      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("RESOLVED on alert-dispatcher");
    }
  }

  @Test
  void oneDeploymentsPollsAreNotMissingDataForAnotherOrForAnotherFeed() {
    Rule psi = Rule.of("psi", Metric.DRIFT_PSI, ">= 0.25").withFor(Duration.ofMinutes(1));
    try (AlertCenter center = new AlertCenter(RuleSet.of(lagRule(), psi))) {
      center.accept(T0, Map.of(LAG_A, 5000.0));
      center.accept(T0, Map.of(PSI_A, 0.4));
      // Deployment b polls every 5 s; deployment a's lag and drift are not in its polls.
      for (int s = 5; s < 60; s += 5) {
        assertThat(center.accept(T0.plusSeconds(s), Map.of(LAG_B, 10.0))).isEmpty();
      }
      List<AlertEvent> fired = center.accept(T0.plusSeconds(60), Map.of(LAG_A, 5000.0));
      fired = new java.util.ArrayList<>(fired);
      fired.addAll(center.accept(T0.plusSeconds(61), Map.of(PSI_A, 0.5)));

      assertThat(fired)
          .extracting(e -> e.rule().id() + " " + e.series().deployment())
          .containsExactly("lag a", "psi a");
    }
  }

  @Test
  void aFeedsOwnMissingValueIsMissingDataAndAnExplicitEmptyFeedClearsIt() {
    try (AlertCenter center = new AlertCenter(RuleSet.of(lagRule()))) {
      center.accept(T0, "a", AlertCenter.Feed.SNAPSHOT, Map.of(LAG_A, 5000.0));
      // Kafka disconnected: the snapshot has no lag; pending is reset.
      center.accept(T0.plusSeconds(30), "a", AlertCenter.Feed.SNAPSHOT, Map.of());
      assertThat(center.alerts()).isEmpty();
      center.accept(T0.plusSeconds(35), "a", AlertCenter.Feed.SNAPSHOT, Map.of(LAG_A, 5000.0));
      assertThat(center.accept(T0.plusSeconds(90), Map.of(LAG_A, 5000.0))).isEmpty();
      assertThat(center.accept(T0.plusSeconds(95), Map.of(LAG_A, 5000.0)))
          .extracting(AlertEvent::kind)
          .containsExactly(Kind.FIRED);
    }
  }

  @Test
  void staleFeedsAreDroppedAndPollsSlightlyOutOfOrderAreTakenInOrder() {
    try (AlertCenter center =
        new AlertCenter(RuleSet.of(lagRule()), 100, 100, Duration.ofMinutes(2))) {
      center.accept(T0, Map.of(LAG_A, 5000.0));
      center.accept(T0.plusSeconds(10), Map.of(LAG_B, 1.0));
      // An earlier time from another monitor's thread does not throw.
      assertThat(center.accept(T0.plusSeconds(9), Map.of(LAG_B, 1.0))).isEmpty();
      // Deployment a's monitor stopped without saying: after 2 minutes its values are gone.
      assertThat(center.accept(T0.plusSeconds(125), Map.of(LAG_B, 1.0))).isEmpty();
      assertThat(center.alerts()).isEmpty();
    }
  }

  @Test
  void forgettingADeploymentResolvesItsAlertsAndDropsItsFeeds() {
    try (AlertCenter center = new AlertCenter(RuleSet.of(lagRule().withFor(Duration.ZERO)))) {
      center.accept(T0, Map.of(LAG_A, 5000.0, LAG_B, 5000.0));
      assertThat(center.forgetDeployment("a", T0.plusSeconds(1)))
          .extracting(e -> e.kind() + " " + e.series().deployment())
          .containsExactly("RESOLVED a");
      center.accept(T0.plusSeconds(5), Map.of(LAG_B, 5000.0));
      assertThat(center.firing()).extracting(a -> a.series().deployment()).containsExactly("b");
    }
  }

  @Test
  void closingStopsTheThreadsAndLaterPollsAreIgnored() throws Exception {
    AlertCenter center = new AlertCenter(RuleSet.of(lagRule("ok")));
    center.putChannel(new Recording("ok"));
    center.close();
    assertThat(center.accept(T0, Map.of(LAG_A, 5000.0))).isEmpty();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.equals("alert-dispatcher") || n.startsWith("alert-channel-")))
        .isEmpty();
  }
}
