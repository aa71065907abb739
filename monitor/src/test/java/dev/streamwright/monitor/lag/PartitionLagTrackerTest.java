package dev.streamwright.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Offset lag, time lag (interpolated and direct) and time to close on hand-computed cases. Times
 * are seconds after T0; the interpolation formula is {@code t = r.t - (r.o - o) * (r.t - l.t) /
 * (r.o - l.o)} and the lag is {@code now - t}.
 */
class PartitionLagTrackerTest {

  static final long T0_MS = 1_700_000_000_000L;

  static Instant at(double seconds) {
    return Instant.ofEpochMilli(T0_MS + Math.round(seconds * 1000));
  }

  static PartitionLag poll(PartitionLagTracker tracker, double seconds, long end, long committed) {
    return tracker.update(at(seconds), end, OptionalLong.of(committed), OptionalLong.empty());
  }

  @Test
  void interpolatesBetweenTheAdjacentPointsThatBracketTheCommittedOffset() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 50);
    poll(tracker, 10, 200, 100);
    PartitionLag lag = poll(tracker, 20, 300, 150);

    // Table (100@0, 200@10, 300@20); 150 lies between 100@0 and 200@10:
    // t = 10 - (200 - 150) * (10 - 0) / (200 - 100) = 5 s, lag = 20 - 5 = 15 s.
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(15));
    assertThat(lag.offsetLag()).hasValue(150); // 300 - 150
    assertThat(lag.topic()).isEqualTo("tx");
    assertThat(lag.endOffset()).isEqualTo(300);
  }

  @Test
  void extrapolatesFromTheFirstAndLastPointWhenNothingBracketsTheOffset() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 50);
    poll(tracker, 10, 200, 50);
    PartitionLag lag = poll(tracker, 20, 300, 50);

    // 50 < 100, the oldest point: extrapolate along 100@0 .. 300@20:
    // t = 20 - (300 - 50) * (20 - 0) / (300 - 100) = 20 - 25 = -5 s, lag = 20 - (-5) = 25 s.
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(25));
  }

  @Test
  void compressesFlatLinesIntoTwoPointsAndInterpolatesFromTheFlatLinesEnd() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 100);
    poll(tracker, 10, 100, 100);
    poll(tracker, 20, 100, 100);
    // The third 100 equals the last two points: the last point moves to t=20, nothing is appended.
    assertThat(tracker.tablePoints())
        .isDeepEqualTo(new long[][] {{100, T0_MS}, {100, T0_MS + 20_000}});

    PartitionLag lag = poll(tracker, 30, 200, 100);
    assertThat(tracker.tablePoints()).hasDimensions(3, 2);
    // Newest bracketing pair is 100@20 .. 200@30 (not the flat 100@0 .. 100@20):
    // t = 30 - (200 - 100) * (30 - 20) / (200 - 100) = 20 s, lag = 30 - 20 = 10 s.
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(10));
  }

  @Test
  void aFlatTableCannotBeExtrapolatedSoTheTimeLagIsUnknown() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 40);
    PartitionLag lag = poll(tracker, 10, 100, 40);

    // Two points, both at offset 100: no production rate to extrapolate 40 with.
    assertThat(lag.timeLagInterpolated()).isEmpty();
    assertThat(lag.offsetLag()).hasValue(60);
  }

  @Test
  void committedEqualToTheNewestOffsetIsZeroLagEvenWithOnePoint() {
    var tracker = new PartitionLagTracker("tx", 0);
    PartitionLag lag = poll(tracker, 0, 100, 100);

    assertThat(lag.timeLagInterpolated()).contains(Duration.ZERO);
    assertThat(lag.timeLagDirect()).contains(Duration.ZERO);
    assertThat(lag.offsetLag()).hasValue(0);
    assertThat(lag.timeToClose()).contains(Duration.ZERO);
    assertThat(lag.status()).isEqualTo(LagStatus.OK);
  }

  @Test
  void fewerThanTwoPointsIsUnknown() {
    var tracker = new PartitionLagTracker("tx", 0);
    PartitionLag lag = poll(tracker, 0, 100, 50);

    assertThat(lag.timeLagInterpolated()).isEmpty();
    assertThat(lag.offsetLag()).hasValue(50);
    assertThat(lag.timeToClose()).isEmpty(); // no time has passed to measure a rate over
  }

  @Test
  void skipsSamplesWhoseOffsetWentDownOrWhoseTimeIsNotNewer() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 100);
    poll(tracker, 10, 200, 150);
    poll(tracker, 10, 250, 150); // same time: skipped
    PartitionLag lag = poll(tracker, 20, 150, 120); // end offset went down: skipped

    assertThat(tracker.tablePoints())
        .isDeepEqualTo(new long[][] {{100, T0_MS}, {200, T0_MS + 10_000}});
    // t = 10 - (200 - 120) * (10 - 0) / (200 - 100) = 2 s, lag = 20 - 2 = 18 s.
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(18));
  }

  @Test
  void keepsAtMostMaxPointsAndExtrapolatesFromWhatIsLeft() {
    var tracker = new PartitionLagTracker("tx", 0, 3, 10);
    poll(tracker, 0, 100, 150);
    poll(tracker, 10, 200, 150);
    poll(tracker, 20, 300, 150);
    PartitionLag lag = poll(tracker, 30, 400, 150);

    // 100@0 slid out; 150 < 200, extrapolate along 200@10 .. 400@30:
    // t = 30 - (400 - 150) * (30 - 10) / (400 - 200) = 30 - 25 = 5 s, lag = 30 - 5 = 25 s.
    assertThat(tracker.tablePoints()).hasDimensions(3, 2);
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(25));
  }

  @Test
  void aRewoundCommitIsExtrapolatedAndFlagged() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 90);
    poll(tracker, 10, 200, 190);
    PartitionLag lag = poll(tracker, 20, 300, 20);

    // 20 < 100: extrapolate along 100@0 .. 300@20: t = 20 - (300 - 20) * 20 / 200 = -8 s,
    // lag = 20 - (-8) = 28 s.
    assertThat(lag.timeLagInterpolated()).contains(Duration.ofSeconds(28));
    assertThat(lag.offsetLag()).hasValue(280);
    assertThat(lag.status()).isEqualTo(LagStatus.REWIND);
    // Rates are measured since the rewind, which is this very poll: unknown yet.
    assertThat(lag.timeToClose()).isEmpty();
  }

  @Test
  void noCommitIsNotZeroLag() {
    var tracker = new PartitionLagTracker("tx", 3);
    tracker.update(at(0), 100, OptionalLong.empty(), OptionalLong.empty());
    PartitionLag lag = tracker.update(at(10), 200, OptionalLong.empty(), OptionalLong.of(T0_MS));

    assertThat(lag.partition()).isEqualTo(3);
    assertThat(lag.committed()).isEmpty();
    assertThat(lag.offsetLag()).isEmpty();
    assertThat(lag.timeLagInterpolated()).isEmpty();
    assertThat(lag.timeLagDirect()).isEmpty();
    assertThat(lag.timeToClose()).isEmpty();
    assertThat(lag.status()).isEqualTo(LagStatus.OK);
  }

  @Test
  void directTimeLagIsNowMinusTheCommittedRecordsTimestamp() {
    var tracker = new PartitionLagTracker("tx", 0);
    PartitionLag lag =
        tracker.update(at(100), 500, OptionalLong.of(400), OptionalLong.of(T0_MS + 58_000));
    // 100 s - 58 s = 42 s, whatever interpolation says (one point: unknown).
    assertThat(lag.timeLagDirect()).contains(Duration.ofSeconds(42));
    assertThat(lag.timeLagInterpolated()).isEmpty();

    // A record stamped after now (clock skew) is no lag, not a negative one.
    PartitionLag skewed =
        tracker.update(at(110), 500, OptionalLong.of(400), OptionalLong.of(T0_MS + 115_000));
    assertThat(skewed.timeLagDirect()).contains(Duration.ZERO);

    PartitionLag notFetched =
        tracker.update(at(120), 500, OptionalLong.of(400), OptionalLong.empty());
    assertThat(notFetched.timeLagDirect()).isEmpty();
  }

  @Test
  void timeToCloseIsTheLagOverTheClosingRate() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 0);
    PartitionLag lag = poll(tracker, 10, 1100, 300);

    // consume 300 / 10 s = 30/s, produce 100 / 10 s = 10/s, closing 20/s; lag 1100 - 300 = 800:
    // 800 / 20 = 40 s.
    assertThat(lag.timeToClose()).contains(Duration.ofSeconds(40));
  }

  @Test
  void timeToCloseIsNeverWhenTheGapIsNotClosing() {
    var falling = new PartitionLagTracker("tx", 0);
    poll(falling, 0, 1000, 0);
    // consume 100 / 10 s = 10/s < produce 300 / 10 s = 30/s.
    assertThat(poll(falling, 10, 1300, 100).timeToClose()).contains(PartitionLag.NEVER);

    var idle = new PartitionLagTracker("tx", 1);
    poll(idle, 0, 1000, 0);
    // Neither moves: closing rate 0.
    assertThat(poll(idle, 10, 1000, 0).timeToClose()).contains(PartitionLag.NEVER);
  }

  @Test
  void timeToCloseMeasuresRatesSinceTheLastRewind() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 500);
    poll(tracker, 10, 1000, 600);
    poll(tracker, 20, 1000, 100); // rewound
    PartitionLag lag = poll(tracker, 30, 1000, 400);

    // Since the rewind (100@20, end 1000): consume 300 / 10 s = 30/s, produce 0; lag 600:
    // 600 / 30 = 20 s. (From the first commit it would be -100 / 30 s: never.)
    assertThat(lag.timeToClose()).contains(Duration.ofSeconds(20));
  }

  @Test
  void rejectsBoundsThatCannotWork() {
    assertThatThrownBy(() -> new PartitionLagTracker("tx", 0, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoints");
    assertThatThrownBy(() -> new PartitionLagTracker("tx", 0, 60, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commitWindow");
    assertThatThrownBy(() -> new PartitionLagTracker("tx", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition");
  }

  @Test
  void noTimeLagIsEverNegative() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 100);
    poll(tracker, 10, 200, 200);
    // Committed ahead of the end offset read a moment earlier (it happens between two reads).
    PartitionLag lag = poll(tracker, 20, 300, 310);
    assertThat(lag.offsetLag()).hasValue(0);
    assertThat(lag.timeLagInterpolated()).contains(Duration.ZERO);
    assertThat(lag.timeLagDirect()).isEqualTo(Optional.of(Duration.ZERO));
  }
}
