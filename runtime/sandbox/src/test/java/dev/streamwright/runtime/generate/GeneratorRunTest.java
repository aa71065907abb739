package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorRunTest {

  /** A clock that only moves when the fake sleeper sleeps. */
  static final class FakeClock extends Clock {
    Instant now = Instant.parse("2030-01-01T12:00:00Z");
    long sleeps;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void sleep(Duration d) {
      assertThat(d).isPositive();
      sleeps++;
      now = now.plus(d);
    }
  }

  record Sent(Event event, Instant at) {}

  static final class RecordingSink implements EventSink {
    final FakeClock clock;
    final List<Sent> sent = new ArrayList<>();
    int flushes;

    RecordingSink(FakeClock clock) {
      this.clock = clock;
    }

    @Override
    public void send(Event event) {
      sent.add(new Sent(event, clock.instant()));
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private static FraudTransactions generator(double rate, Duration d, Scenario s) {
    return new FraudTransactions(GeneratorConfig.of(1, rate, d, s));
  }

  @Test
  void pacesEventsAtScenarioTimeOverSpeed() {
    FakeClock clock = new FakeClock();
    RecordingSink sink = new RecordingSink(clock);
    Instant start = clock.instant();
    FraudTransactions g = generator(5, Duration.ofMinutes(10), FraudTransactions.defaultScenario());
    GeneratorRun run = new GeneratorRun(g, sink, 10, clock, clock::sleep);
    run.run();

    assertThat(run.state()).isEqualTo(GeneratorRun.State.FINISHED);
    List<Event> expected = new ArrayList<>();
    g.events().forEachRemaining(expected::add);
    assertThat(sink.sent).extracting(Sent::event).isEqualTo(expected);
    for (Sent s : sink.sent) {
      // Never early, and (the fake sleeper being exact) never late either.
      assertThat(s.at()).isEqualTo(Schedule.wallClockAt(start, s.event(), 10));
    }
    // Ten minutes of scenario in about one minute of wall clock.
    Duration wall = Duration.between(start, clock.instant());
    assertThat(wall).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(63));
    assertThat(sink.flushes).isEqualTo(1);
    GeneratorRun.Counters c = run.counters();
    assertThat(c.produced()).isEqualTo(expected.size());
    assertThat(c.malformed()).isEqualTo(5);
    assertThat(c.late()).isEqualTo(expected.stream().filter(Event::late).count()).isPositive();
  }

  @Test
  void sleepsInShortSlicesAndStops() {
    FakeClock clock = new FakeClock();
    RecordingSink sink = new RecordingSink(clock);
    GeneratorRun[] holder = new GeneratorRun[1];
    EventSink stopping =
        new EventSink() {
          @Override
          public void send(Event event) {
            sink.send(event);
            if (sink.sent.size() == 100) {
              holder[0].stop();
            }
          }

          @Override
          public void flush() {
            sink.flush();
          }
        };
    GeneratorRun run =
        new GeneratorRun(
            generator(1, Duration.ofHours(1), Scenario.EMPTY), stopping, 1, clock, clock::sleep);
    holder[0] = run;
    run.run();
    assertThat(run.state()).isEqualTo(GeneratorRun.State.STOPPED);
    assertThat(run.counters().produced()).isEqualTo(100);
    assertThat(sink.flushes).isEqualTo(1);
    // 1 event/s, 100 events: 99 s of wall clock in slices of at most 100 ms.
    assertThat(clock.sleeps).isGreaterThanOrEqualTo(990);
  }

  @Test
  void stopsARunOnItsOwnThread() throws Exception {
    FakeClock unused = new FakeClock();
    RecordingSink sink = new RecordingSink(unused);
    GeneratorRun run = new GeneratorRun(generator(1, Duration.ofHours(1), Scenario.EMPTY), sink, 1);
    run.start();
    // The first event is due at once; the second a second later.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (run.counters().produced() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    run.stop();
    assertThat(run.await(Duration.ofSeconds(5))).isTrue();
    assertThat(run.state()).isEqualTo(GeneratorRun.State.STOPPED);
    assertThat(run.counters().produced()).isBetween(1L, 2L);
  }

  @Test
  void infiniteSpeedNeverSleeps() {
    FakeClock clock = new FakeClock();
    RecordingSink sink = new RecordingSink(clock);
    GeneratorRun run =
        new GeneratorRun(
            generator(100, Duration.ofMinutes(1), Scenario.EMPTY),
            sink,
            Double.POSITIVE_INFINITY,
            clock,
            clock::sleep);
    run.run();
    assertThat(sink.sent).hasSize(6000);
    assertThat(clock.sleeps).isZero();
  }
}
