package dev.streamwright.app.cli;

import dev.streamwright.app.ExitActions;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.connectors.KafkaPreflight;
import dev.streamwright.runtime.connectors.KafkaWatchdog;
import dev.streamwright.runtime.connectors.SinkTally;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.nodes.KafkaSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright run}: checks a pipeline, runs it on the embedded Flink and streams the rows
 * of its preview sinks to stdout until the job ends, the duration passes, enough rows were printed,
 * or the user presses Ctrl-C. Progress goes to stderr, so stdout holds rows only.
 *
 * <p>Before the job starts, every Kafka node's brokers and topics are checked ({@link
 * KafkaPreflight}); while it runs, its brokers are watched ({@link KafkaWatchdog}); at the end, the
 * summary says what each Kafka and file sink wrote ({@link SinkTally}).
 */
@Command(
    name = "run",
    sortOptions = false,
    description = {
      "Run a pipeline on the embedded Flink and print the rows of its preview sinks as they"
          + " arrive.",
      "Status lines go to stderr; stdout holds rows only."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the job ran and was stopped or finished",
      "1:the pipeline is invalid or its file cannot be read",
      "2:usage error",
      "3:the job failed or could not start (e.g. a Kafka node's brokers or topic are not there)"
    })
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  /** Short enough that a second sink's rows and a finished job are noticed promptly. */
  private static final Duration POLL = Duration.ofMillis(100);

  /** Rows taken from a sink at a time: keeps a burst from starving the other sinks. */
  private static final int BATCH = 500;

  /** Asking the cluster for the job status on every poll would be wasted round trips. */
  private static final long STATUS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Parameters(paramLabel = "<pipeline.json>", description = "The pipeline file.")
  private Path file;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description =
          "Stop the job after this long, e.g. 30s, 5min, 1h. Default: until the job finishes or"
              + " Ctrl-C.")
  private Duration duration;

  @Option(
      names = "--bounded",
      description =
          "Read every Kafka source only up to the end offsets present when the job starts, then"
              + " finish: a fixed topic gives a finished, repeatable result, with the last"
              + " event-time windows closed at the end of the input.")
  private boolean bounded;

  @Option(
      names = "--output",
      paramLabel = "<format>",
      defaultValue = "table",
      description = "Row format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private RowPrinter.Format output;

  @Option(
      names = "--max-rows",
      paramLabel = "<n>",
      description = "Stop the job after printing this many rows (all sinks together).")
  private Long maxRows;

  private final CliContext context;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxRows != null && maxRows < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-rows must be at least 1, was " + maxRows);
    }
    try (PipelineRuntime runtime = context.runtimes().get()) {
      // The cluster start (~1 s) overlaps the planner check (~2-3 s cold) instead of following it.
      CompletableFuture<Void> warmUp = CompletableFuture.runAsync(() -> startEarly(runtime));
      err.println("Checking " + file + " ...");
      err.flush();
      PipelineCheck check =
          new PipelineChecker()
              .full(
                  file,
                  bounded
                      ? Map.of(KafkaSource.ENVIRONMENT_STOP_AT, KafkaSource.LATEST_OFFSET)
                      : Map.of());
      if (!check.isValid()) {
        ProblemReport.printText(check, err);
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
      for (Problem warning : check.problems()) {
        err.println(warning);
      }
      if (bounded
          && check.pipeline().nodes().stream().noneMatch(n -> n.type().equals(KafkaSource.ID))) {
        err.println("warning: --bounded bounds Kafka sources only, and this pipeline reads none");
      }
      warmUp.join();
      return run(runtime, check.compiled(), out, err);
    }
  }

  /** Starts an embedded cluster ahead of the deploy; a failure resurfaces, readable, at deploy. */
  static void startEarly(PipelineRuntime runtime) {
    if (runtime instanceof EmbeddedRuntime embedded) {
      try {
        embedded.start();
      } catch (RuntimeFailure e) {
        // deploy() tries again and reports the same failure to the user
      }
    }
  }

  private int run(
      PipelineRuntime runtime, CompiledPipeline compiled, PrintWriter out, PrintWriter err)
      throws RuntimeFailure, InterruptedException {
    ConnectorTables connectors = ConnectorTables.of(compiled);
    if (!kafkaReady(connectors, err)) {
      return ExitCodes.RUNTIME_FAILURE;
    }
    SinkTally tally = SinkTally.start(connectors);
    err.println("Submitting the job to " + runtime.describe() + " ...");
    err.flush();
    AtomicBoolean interrupted = new AtomicBoolean();
    // Registered before deploying: Ctrl-C while the cluster starts must close it too.
    ExitActions.Registration onCtrlC =
        context
            .exitActions()
            .add(
                "stop the job and close " + runtime.describe(),
                () -> {
                  interrupted.set(true);
                  err.println("Interrupted: stopping the job ...");
                  err.flush();
                  runtime.close();
                });
    try {
      long started = System.nanoTime();
      Deployment deployment = runtime.deploy(compiled, DeployOptions.defaults());
      err.println(
          "Job "
              + deployment.jobId()
              + " is running on "
              + runtime.describe()
              + " ("
              + (System.nanoTime() - started) / 1_000_000
              + " ms); "
              + (bounded ? "it finishes at the end of the input" : "")
              + (duration == null
                  ? (bounded ? ", or Ctrl-C stops it." : "Ctrl-C stops it.")
                  : (bounded ? ", or " : "") + "it stops after " + human(duration) + "."));
      err.flush();
      Outcome outcome;
      try (KafkaWatchdog watchdog = KafkaWatchdog.start(connectors, problems -> {})) {
        outcome = follow(runtime, deployment, out, watchdog);
      }
      if (!outcome.kafka().isEmpty()) {
        runtime.stop(deployment, false);
        outcome.kafka().forEach(err::println);
        err.println("The job was stopped: its Kafka brokers stopped answering.");
        err.flush();
        return ExitCodes.RUNTIME_FAILURE;
      }
      if (outcome.status().phase() == Phase.FAILED) {
        throw new JobFailed(outcome.status().message());
      }
      if (!outcome.status().phase().isTerminal()) {
        runtime.stop(deployment, false);
      }
      if (!interrupted.get()) {
        summary(outcome, deployment, tally, err);
      }
      return ExitCodes.OK;
    } finally {
      onCtrlC.close();
    }
  }

  /**
   * Checks the pipeline's Kafka nodes before the job starts and prints what it found; false when a
   * node cannot work (unreachable brokers, a missing topic), so the job is not started at all.
   */
  private static boolean kafkaReady(ConnectorTables connectors, PrintWriter err) {
    if (connectors.kafka().isEmpty()) {
      return true;
    }
    err.println("Checking the Kafka brokers and topics of " + nodes(connectors) + " ...");
    err.flush();
    List<Problem> problems = new KafkaPreflight().check(connectors);
    problems.forEach(err::println);
    boolean ready = problems.stream().noneMatch(Problem::isError);
    if (!ready) {
      err.println("The job was not started: fix the Kafka problems above and run again.");
    }
    err.flush();
    return ready;
  }

  private static String nodes(ConnectorTables connectors) {
    List<String> ids =
        connectors.kafka().stream().map(t -> "'" + t.nodeId() + "'").distinct().toList();
    return (ids.size() == 1 ? "node " : "nodes ") + String.join(", ", ids);
  }

  /** How the run ended, the rows printed, and one line per Kafka or file sink on what it wrote. */
  private static void summary(
      Outcome outcome, Deployment deployment, SinkTally tally, PrintWriter err) {
    int previews = deployment.previewSinks().size();
    StringBuilder line = new StringBuilder(outcome.reason());
    if (previews > 0 || tally.isEmpty()) {
      line.append("; ")
          .append(outcome.rows())
          .append(outcome.rows() == 1 ? " row" : " rows")
          .append(" from ")
          .append(previews)
          .append(previews == 1 ? " preview sink" : " preview sinks");
    }
    err.println(line.append('.'));
    for (SinkTally.Written written : tally.finish()) {
      err.println("  " + written);
    }
    err.flush();
  }

  /**
   * How following the job ended.
   *
   * @param kafka the errors of the Kafka nodes whose brokers stopped answering; empty if none did
   */
  private record Outcome(DeploymentStatus status, long rows, String reason, List<Problem> kafka) {

    Outcome(DeploymentStatus status, long rows, String reason) {
      this(status, rows, reason, List.of());
    }
  }

  private Outcome follow(
      PipelineRuntime runtime, Deployment deployment, PrintWriter out, KafkaWatchdog watchdog)
      throws InterruptedException {
    RowPrinter printer = output.to(out);
    Map<String, ResultStream> streams = new LinkedHashMap<>();
    for (String sink : deployment.previewSinks()) {
      streams.put(sink, runtime.results(deployment, sink));
    }
    long deadline = duration == null ? 0 : System.nanoTime() + duration.toNanos();
    long nextStatus = 0;
    long rows = 0;
    DeploymentStatus status = DeploymentStatus.of(Phase.STARTING);
    try {
      while (true) {
        for (ResultStream stream : streams.values()) {
          List<ResultRow> batch = stream.poll(POLL, BATCH);
          if (maxRows != null && rows + batch.size() > maxRows) {
            batch = new ArrayList<>(batch.subList(0, (int) (maxRows - rows)));
          }
          printer.print(batch);
          rows += batch.size();
          if (maxRows != null && rows >= maxRows) {
            return new Outcome(runtime.status(deployment), rows, "Stopped after " + rows + " rows");
          }
        }
        if (streams.isEmpty()) {
          Thread.sleep(POLL.toMillis());
        }
        long now = System.nanoTime();
        if (duration != null && now - deadline >= 0) {
          return new Outcome(runtime.status(deployment), rows, "Stopped after " + human(duration));
        }
        if (now - nextStatus >= 0) {
          nextStatus = now + STATUS_EVERY_NANOS;
          status = runtime.status(deployment);
          LOG.debug("Job {} is {}", deployment.jobId(), status.phase());
        }
        if (status.phase() == Phase.FAILED) {
          return new Outcome(status, rows, "The job failed");
        }
        if (watchdog.failure().isPresent()) {
          return new Outcome(status, rows, "Kafka stopped answering", watchdog.failure().get());
        }
        if (status.phase().isTerminal()
            && streams.values().stream().allMatch(ResultStream::isEnded)) {
          return new Outcome(status, rows, "The job " + status.phase().name().toLowerCase());
        }
      }
    } finally {
      streams.values().forEach(ResultStream::close);
    }
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase();
  }

  /** The job failed while running; the message is the readable root cause. */
  static final class JobFailed extends RuntimeFailure {
    private static final long serialVersionUID = 1L;

    JobFailed(String rootCause) {
      super(
          rootCause.isBlank() || rootCause.startsWith("The job failed")
              ? "The job failed."
              : "The job failed: " + rootCause);
    }
  }
}
