package dev.streamwright.app.run;

import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.Generators;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a run on the Kafka sandbox starts the data generator of its source topic.
 *
 * @param config the generator's configuration, made when it starts (so event times can start then)
 * @param speed how many times faster than the wall clock scenario time passes
 * @param beforeDeploy whether it starts before the deploy (the job then finds events waiting) or
 *     once the job runs
 */
public record GeneratorPlan(
    Function<Generators.Entry, GeneratorConfig> config, double speed, boolean beforeDeploy) {

  public GeneratorPlan {
    Objects.requireNonNull(config, "config");
  }
}
