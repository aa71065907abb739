package dev.streamwright.app.run;

import dev.streamwright.runtime.api.DeployOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one run goes, chosen by its front door.
 *
 * @param settings environment settings on top of the runner's own (e.g. a bounded Kafka read)
 * @param onSandbox whether the run uses the Kafka sandbox: its brokers become the pipeline's {@code
 *     kafka.bootstrap.servers}, its topics are created first
 * @param generator how the sandbox's generator starts; empty: not by the run
 * @param followTopics whether the Kafka sinks' topics are followed into rows ({@link TopicPoller})
 * @param tallySinks whether what each Kafka and file sink wrote is counted ({@link Run#sinkCounts})
 * @param limit how long the job may run before following ends; null for as long as it runs
 * @param deploy how the job is deployed, e.g. restored from a savepoint
 */
public record RunOptions(
    Map<String, String> settings,
    boolean onSandbox,
    Optional<GeneratorPlan> generator,
    boolean followTopics,
    boolean tallySinks,
    Duration limit,
    DeployOptions deploy) {

  public RunOptions {
    settings = Map.copyOf(settings);
    deploy = deploy == null ? DeployOptions.defaults() : deploy;
  }

  /** A plain run: no sandbox, no topic following, no tally, no time limit. */
  public static RunOptions plain() {
    return new RunOptions(Map.of(), false, Optional.empty(), false, false, null, null);
  }

  /** These options with more environment settings. */
  public RunOptions withSettings(Map<String, String> more) {
    return new RunOptions(more, onSandbox, generator, followTopics, tallySinks, limit, deploy);
  }

  /** These options on the Kafka sandbox, starting its generator as planned (if given). */
  public RunOptions onSandbox(Optional<GeneratorPlan> plan, boolean follow) {
    return new RunOptions(settings, true, plan, follow, tallySinks, limit, deploy);
  }

  /** These options counting what the sinks wrote. */
  public RunOptions tallied() {
    return new RunOptions(settings, onSandbox, generator, followTopics, true, limit, deploy);
  }

  /** These options with a time limit (null: none). */
  public RunOptions limitedTo(Duration duration) {
    return new RunOptions(
        settings, onSandbox, generator, followTopics, tallySinks, duration, deploy);
  }

  /** These options deploying the job with {@code options} (e.g. from a savepoint). */
  public RunOptions deployingWith(DeployOptions options) {
    return new RunOptions(settings, onSandbox, generator, followTopics, tallySinks, limit, options);
  }
}
