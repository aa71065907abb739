package dev.streamwright.app.run;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Run#start} reports while it checks, prepares and deploys a pipeline, in this order;
 * every method is optional. Called on the thread that runs {@link Run#start}: the CLI prints from
 * it, the studio's view model hands each call to the FX thread.
 */
public interface RunListener {

  /** Nothing to report: for callers that only need the result. */
  RunListener NONE = new RunListener() {};

  /** The Kafka sandbox is about to start (only for runs on the sandbox). */
  default void sandboxStarting() {}

  /** The Kafka sandbox runs, with the pipeline's topics created. */
  default void sandboxReady(Sandbox sandbox) {}

  /** The checks (compiler, then Flink's planner) are about to run. */
  default void checking() {}

  /** What the checks found; when it did not pass, the run ends here. */
  default void checked(RunCheck.Result result) {}

  /** The pipeline's Kafka nodes are about to be checked (only when it has any). */
  default void kafkaChecking(ConnectorTables connectors) {}

  /** What the Kafka check found; with an error among them the run ends here. */
  default void kafkaChecked(List<Problem> found) {}

  /**
   * The sandbox's data generator started producing (here when it starts before the deploy, else
   * right after {@link #deployed}).
   */
  default void generatorStarted(Generators.Entry entry, GeneratorRun run) {}

  /**
   * The job is about to be submitted.
   *
   * @param runtime the runtime's description, e.g. {@code embedded Flink on 127.0.0.1:8081}
   */
  default void deploying(String runtime) {}

  /**
   * The runtime accepted the job.
   *
   * @param took how long the deploy took
   */
  default void deployed(Deployment deployment, Duration took) {}
}
