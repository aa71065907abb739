package dev.streamwright.monitor.lag;

import static dev.streamwright.monitor.lag.PartitionLagTrackerTest.at;
import static dev.streamwright.monitor.lag.PartitionLagTrackerTest.poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Burrow's partition statuses on hand-made commit histories. A commit is a poll whose committed
 * offset differs from the last commit's; its lag is the end offset then minus the offset. Rules in
 * order: OK (lag 0 now or at a commit), REWIND, STOP, STALL, WARN, else OK.
 */
class BurrowStatusTest {

  @Test
  void okWhenThereIsNoLagNow() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 100);
    poll(tracker, 5, 1000, 50); // a rewind...
    assertThat(poll(tracker, 10, 1000, 1000).status()).isEqualTo(LagStatus.OK); // ...but caught up
  }

  @Test
  void okWhenTheLagWasZeroAtACommitInTheWindow() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 100, 100); // lag 0
    poll(tracker, 5, 200, 150); // lag 50
    // Lags 0, 50, 100 never decrease, which alone would be WARN; the 0 makes it OK.
    assertThat(poll(tracker, 10, 300, 200).status()).isEqualTo(LagStatus.OK);
  }

  @Test
  void warnOnceTheZeroLagCommitHasLeftTheWindow() {
    var tracker = new PartitionLagTracker("tx", 0, 60, 3);
    poll(tracker, 0, 100, 100); // lag 0
    poll(tracker, 5, 300, 150); // lag 150
    assertThat(poll(tracker, 10, 500, 200).status()).isEqualTo(LagStatus.OK); // lags 0, 150, 300
    // Window of 3: lags 150, 300, 450, never decreasing, offsets advancing.
    assertThat(poll(tracker, 15, 700, 250).status()).isEqualTo(LagStatus.WARN);
  }

  @Test
  void rewindWhenACommittedOffsetWentDown() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 100);
    poll(tracker, 5, 1000, 200);
    assertThat(poll(tracker, 10, 1000, 150).status()).isEqualTo(LagStatus.REWIND);
  }

  @Test
  void rewindOutranksStop() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 100);
    poll(tracker, 5, 1000, 200);
    poll(tracker, 10, 1000, 150);
    // No commit since t=10: now - last = 30 - 10 = 20 > last - first = 10 - 0: STOP applies too.
    assertThat(poll(tracker, 30, 1000, 150).status()).isEqualTo(LagStatus.REWIND);
  }

  @Test
  void stopWhenNoCommitForLongerThanTheCommitsSpan() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 100); // lag 900
    poll(tracker, 10, 1100, 200); // lag 900
    // At 20: now - last = 10, not > last - first = 10; lags 900, 900 never decrease: WARN.
    assertThat(poll(tracker, 20, 1200, 200).status()).isEqualTo(LagStatus.WARN);
    // At 25: 15 > 10: STOP outranks the warning.
    assertThat(poll(tracker, 25, 1250, 200).status()).isEqualTo(LagStatus.STOP);
  }

  @Test
  void stopWhenTheGroupsCommitsVanish() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 100);
    poll(tracker, 10, 1000, 200);
    PartitionLag lag = tracker.update(at(25), 1000, OptionalLong.empty(), OptionalLong.empty());
    // Lag of the last commit: 1000 - 200 = 800 > 0; now - last = 15 > last - first = 10.
    assertThat(lag.status()).isEqualTo(LagStatus.STOP);
    assertThat(lag.committed()).isEmpty();
  }

  @Test
  void stallWhenTheLastNPollsAllSawTheSameOffsetWithLag() {
    var tracker = new PartitionLagTracker("tx", 0); // window of 10
    for (int i = 0; i < 9; i++) {
      // Polls 1 to 9 at 0, 5, ..., 40 s: fewer than 10 equal observations yet.
      assertThat(poll(tracker, i * 5, 1000 + 100 * i, 100).status())
          .as("poll %d", i + 1)
          .isEqualTo(LagStatus.OK);
    }
    // The 10th poll at 45 s still sees 100 with lag 1900 - 100: all ten commits equal.
    assertThat(poll(tracker, 45, 1900, 100).status()).isEqualTo(LagStatus.STALL);
    // Zero lag is always OK, stalled or not.
    assertThat(poll(tracker, 50, 100, 100).status()).isEqualTo(LagStatus.OK);
  }

  @Test
  void warnWhenOffsetsAdvanceButTheLagNeverDecreases() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 0); // lag 1000
    poll(tracker, 5, 1200, 100); // lag 1100
    // lag 1200; now - last = 0, not a stop.
    assertThat(poll(tracker, 10, 1400, 200).status()).isEqualTo(LagStatus.WARN);
  }

  @Test
  void okWhenTheLagDecreasedSomewhere() {
    var tracker = new PartitionLagTracker("tx", 0);
    poll(tracker, 0, 1000, 0); // lag 1000
    poll(tracker, 5, 1100, 300); // lag 800: decreased
    assertThat(poll(tracker, 10, 1200, 400).status()).isEqualTo(LagStatus.OK); // lag 800
  }

  @Test
  void groupStatusIsTheWorstPartitions() {
    var ok =
        new PartitionLag("tx", 0, 10, OptionalLong.of(10), none(), none(), none(), LagStatus.OK);
    var stall =
        new PartitionLag("tx", 1, 10, OptionalLong.of(5), none(), none(), none(), LagStatus.STALL);
    var warn =
        new PartitionLag("tx", 2, 10, OptionalLong.of(2), none(), none(), none(), LagStatus.WARN);
    var group = new GroupLag("g", "source", List.of(ok, stall, warn));
    assertThat(group.status()).isEqualTo(LagStatus.STALL);
    assertThat(group.totalLag()).isEqualTo(0 + 5 + 8);
    assertThat(group.maxLag()).isEqualTo(8);
  }

  private static <T> Optional<T> none() {
    return Optional.empty();
  }
}
