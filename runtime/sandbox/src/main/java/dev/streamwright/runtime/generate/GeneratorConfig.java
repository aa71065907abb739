package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a generator produces: a seed, a base rate in events per second of scenario time, a duration
 * of scenario time, the event time of the scenario start, and a scenario script.
 */
public record GeneratorConfig(
    long seed, double rate, Duration duration, Instant startTime, Scenario scenario) {

  /** A fixed start so that runs are reproducible by default: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  public GeneratorConfig {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(scenario, "scenario");
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be a positive number of events/s, got " + rate);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
  }

  public static GeneratorConfig of(long seed, double rate, Duration duration, Scenario scenario) {
    return new GeneratorConfig(seed, rate, duration, DEFAULT_START, scenario);
  }

  public GeneratorConfig withStartTime(Instant start) {
    return new GeneratorConfig(seed, rate, duration, start, scenario);
  }
}
