package dev.streamwright.app.run;

import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one owner of running pipelines behind every front door ({@code streamwright run}, {@code
 * streamwright sandbox} and the studio's Run): it holds the runtime (made on first use), the Kafka
 * sandbox (started on first need), the checks before a run and the environment every run compiles
 * in, and makes a {@link Run} per run. Headless and thread-safe; closing it closes the runtime
 * (stopping its jobs) and the sandbox.
 */
public final class Runner implements AutoCloseable {

  private final RuntimeHolder runtime;
  private final SandboxHolder sandbox;
  private final RunCheck check;
  private final Map<String, String> environment;
  private final KafkaChecks kafkaChecks = new KafkaChecks();

  /**
   * @param runtime the runtime runs deploy to
   * @param sandbox the Kafka sandbox runs on it use
   * @param check the checks before a run
   * @param environment what every run compiles in besides its own settings, e.g. {@code models.dir}
   */
  public Runner(
      RuntimeHolder runtime,
      SandboxHolder sandbox,
      RunCheck check,
      Map<String, String> environment) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.check = Objects.requireNonNull(check, "check");
    this.environment = Map.copyOf(environment);
  }

  /** What status lines call the runtime, e.g. {@code embedded Flink}. */
  public String runtimeName() {
    return runtime.name();
  }

  /** The runtime, made now if this is the first use. */
  public PipelineRuntime runtime() {
    return runtime.get();
  }

  /** The Kafka sandbox if it runs. */
  public Optional<Sandbox> sandbox() {
    return Optional.ofNullable(sandbox.current());
  }

  /** Stops the sandbox's data generator, if one runs; the job keeps running. */
  public void stopGenerator() {
    sandbox.stopGenerator();
  }

  /** The Kafka checks of runs; tests shorten the watchdog's timing through it. */
  public KafkaChecks kafkaChecks() {
    return kafkaChecks;
  }

  /**
   * Starts the runtime ahead of a deploy, so its start overlaps the checks; blocks for that start
   * (about a second for the embedded Flink), so call it on a background thread. A failure is only
   * logged: the deploy reports it.
   */
  public void warmUp() {
    runtime.warmUp();
  }

  /** A run of the pipeline with these options; nothing happens until {@link Run#start}. */
  public Run prepare(Pipeline pipeline, RunOptions options) {
    return new Run(this, pipeline, options);
  }

  RuntimeHolder runtimeHolder() {
    return runtime;
  }

  SandboxHolder sandboxHolder() {
    return sandbox;
  }

  RunCheck check() {
    return check;
  }

  Map<String, String> environment() {
    return environment;
  }

  /** Closes the runtime (stopping its jobs) and the sandbox; blocks for a few seconds. */
  @Override
  public void close() {
    sandbox.stopGenerator();
    runtime.close();
    sandbox.close();
  }
}
