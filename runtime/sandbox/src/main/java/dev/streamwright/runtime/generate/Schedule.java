package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps scenario time to wall-clock time: an event emitted at scenario offset {@code t} goes out at
 * {@code wallStart + t / speed}; a 10-minute scenario at speed 10 takes one minute. Speed {@code
 * +Infinity} means as fast as possible.
 */
public final class Schedule {

  private Schedule() {}

  public static void checkSpeed(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, got " + speed);
    }
  }

  /** The wall-clock time that corresponds to {@code scenarioOffset} at the given speed. */
  public static Duration wallClockOffset(Duration scenarioOffset, double speed) {
    checkSpeed(speed);
    if (Double.isInfinite(speed)) {
      return Duration.ZERO;
    }
    if (speed == 1) {
      return scenarioOffset;
    }
    return Duration.ofNanos(Math.round(scenarioOffset.toNanos() / speed));
  }

  /** The wall-clock instant at which an event with the given scenario offset is due. */
  public static Instant wallClockAt(Instant wallStart, Duration scenarioOffset, double speed) {
    return wallStart.plus(wallClockOffset(scenarioOffset, speed));
  }

  public static Instant wallClockAt(Instant wallStart, Event event, double speed) {
    return wallClockAt(wallStart, event.offset(), speed);
  }
}
