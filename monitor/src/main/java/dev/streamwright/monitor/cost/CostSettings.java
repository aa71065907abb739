package dev.streamwright.monitor.cost;

import java.util.Objects;

/**
 * How a monitor prices the deployment it watches: the shape of one task slot and the JobManager in
 * the deployment's environment, the price profile of that environment, and the parallelism to
 * assume until the job's plan says how many slots it holds.
 *
 * @param environment cores and memory per slot and of the JobManager
 * @param prices the rates (checked: a profile with problems is refused)
 * @param fallbackParallelism the job's slots while its plan is not known yet, at least 1
 */
public record CostSettings(
    EnvironmentProfile environment, PriceProfile prices, int fallbackParallelism) {

  /** The default slot shape, priced with the local machine's profile, parallelism 1. */
  public static final CostSettings DEFAULT =
      new CostSettings(EnvironmentProfile.DEFAULT, PricePresets.LOCAL_MACHINE, 1);

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming every field of the environment or price profile that is
   *     wrong
   */
  public CostSettings {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(prices, "prices").check();
    if (!environment.problems().isEmpty()) {
      throw new IllegalArgumentException(
          "the environment's resources: " + String.join("; ", environment.problems()));
    }
    if (fallbackParallelism < 1) {
      throw new IllegalArgumentException(
          "the parallelism must be at least 1, not " + fallbackParallelism);
    }
  }
}
