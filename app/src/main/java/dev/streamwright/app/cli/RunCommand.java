package dev.streamwright.app.cli;

import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.run.KafkaChecks;
import dev.streamwright.app.run.PreviewPoller;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.RunListener;
import dev.streamwright.app.run.RunOptions;
import dev.streamwright.app.run.Runner;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.connectors.SinkTally;
import dev.streamwright.runtime.nodes.KafkaSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright run}: checks a pipeline, runs it on the embedded Flink and streams the rows
 * of its preview sinks to stdout until the job ends, the duration passes, enough rows were printed,
 * or the user presses Ctrl-C. Progress goes to stderr, so stdout holds rows only.
 *
 * <p>The run goes through the run owner ({@link Run}): before the job starts, every Kafka node's
 * brokers and topics are checked; while it runs, its brokers are watched; at the end, the summary
 * says what each Kafka and file sink wrote ({@link SinkTally}).
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

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help = new HelpOption();

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
    err.println("Checking " + file + " ...");
    err.flush();
    PipelineCheck read = PipelineChecker.read(file);
    if (read.fileError() != null) {
      ProblemReport.printText(read, err);
      err.flush();
      return ExitCodes.INVALID_PIPELINE;
    }
    try (Runner runner = context.runner(PipelineChecker.environment(file))) {
      RunOptions options =
          RunOptions.plain()
              .withSettings(
                  bounded
                      ? Map.of(KafkaSource.ENVIRONMENT_STOP_AT, KafkaSource.LATEST_OFFSET)
                      : Map.of())
              .tallied()
              .limitedTo(duration);
      Run run = runner.prepare(read.pipeline(), options);
      Progress progress = new Progress(runner, run, err);
      try {
        Optional<Run.Started> started;
        try {
          started = run.start(progress);
        } catch (KafkaChecks.NotReady e) {
          err.println("The job was not started: fix the Kafka problems above and run again.");
          err.flush();
          return ExitCodes.RUNTIME_FAILURE;
        }
        if (started.isEmpty()) {
          return ExitCodes.INVALID_PIPELINE;
        }
        return follow(run, started.get().deployment(), progress, out, err);
      } finally {
        progress.withdraw();
        run.close();
      }
    }
  }

  /**
   * Prints what the run does on stderr as it does it, and registers the Ctrl-C action that closes
   * the runtime before the deploy (Ctrl-C while the cluster starts must close it too).
   */
  private final class Progress implements RunListener {
    private final Runner runner;
    private final Run run;
    private final PrintWriter err;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private ExitActions.Registration onCtrlC;
    private String runtime = "";

    Progress(Runner runner, Run run, PrintWriter err) {
      this.runner = runner;
      this.run = run;
      this.err = err;
    }

    @Override
    public void checked(RunCheck.Result result) {
      PipelineCheck check =
          new PipelineCheck(file, null, run.pipeline(), result.problems(), result.compiled());
      if (!check.isValid()) {
        ProblemReport.printText(check, err);
        err.flush();
        return;
      }
      for (Problem warning : check.problems()) {
        err.println(warning);
      }
      if (bounded
          && run.pipeline().nodes().stream().noneMatch(n -> n.type().equals(KafkaSource.ID))) {
        err.println("warning: --bounded bounds Kafka sources only, and this pipeline reads none");
      }
    }

    @Override
    public void kafkaChecking(ConnectorTables connectors) {
      err.println("Checking the Kafka brokers and topics of " + nodes(connectors) + " ...");
      err.flush();
    }

    @Override
    public void kafkaChecked(List<Problem> found) {
      found.forEach(err::println);
      err.flush();
    }

    @Override
    public void deploying(String describe) {
      runtime = describe;
      err.println("Submitting the job to " + describe + " ...");
      err.flush();
      onCtrlC =
          context
              .exitActions()
              .add(
                  "stop the job and close " + describe,
                  () -> {
                    interrupted.set(true);
                    err.println("Interrupted: stopping the job ...");
                    err.flush();
                    runner.close();
                  });
    }

    @Override
    public void deployed(Deployment deployment, Duration took) {
      err.println(
          "Job "
              + deployment.jobId()
              + " is running on "
              + runtime
              + " ("
              + took.toMillis()
              + " ms); "
              + (bounded ? "it finishes at the end of the input" : "")
              + (duration == null
                  ? (bounded ? ", or Ctrl-C stops it." : "Ctrl-C stops it.")
                  : (bounded ? ", or " : "") + "it stops after " + human(duration) + "."));
      err.flush();
    }

    void withdraw() {
      if (onCtrlC != null) {
        onCtrlC.close();
      }
    }
  }

  private int follow(
      Run run, Deployment deployment, Progress progress, PrintWriter out, PrintWriter err)
      throws RuntimeFailure, InterruptedException {
    Outcome outcome;
    run.watchKafka(problems -> {});
    try {
      outcome = follow(run, out);
    } finally {
      run.stopWatching();
    }
    if (!outcome.kafka().isEmpty()) {
      run.stopJob();
      outcome.kafka().forEach(err::println);
      err.println("The job was stopped: its Kafka brokers stopped answering.");
      err.flush();
      return ExitCodes.RUNTIME_FAILURE;
    }
    if (outcome.status().phase() == Phase.FAILED) {
      throw new JobFailed(outcome.status().message());
    }
    if (!outcome.status().phase().isTerminal()) {
      run.stopJob();
    }
    if (!progress.interrupted.get()) {
      summary(outcome, deployment, run.sinkCounts(), err);
    }
    return ExitCodes.OK;
  }

  private static String nodes(ConnectorTables connectors) {
    List<String> ids =
        connectors.kafka().stream().map(t -> "'" + t.nodeId() + "'").distinct().toList();
    return (ids.size() == 1 ? "node " : "nodes ") + String.join(", ", ids);
  }

  /** How the run ended, the rows printed, and one line per Kafka or file sink on what it wrote. */
  private static void summary(
      Outcome outcome, Deployment deployment, List<SinkTally.Written> written, PrintWriter err) {
    int previews = deployment.previewSinks().size();
    StringBuilder line = new StringBuilder(outcome.reason());
    if (previews > 0 || written.isEmpty()) {
      line.append("; ")
          .append(outcome.rows())
          .append(outcome.rows() == 1 ? " row" : " rows")
          .append(" from ")
          .append(previews)
          .append(previews == 1 ? " preview sink" : " preview sinks");
    }
    err.println(line.append('.'));
    for (SinkTally.Written w : written) {
      err.println("  " + w);
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

  /** Prints the preview rows as they arrive, up to --max-rows, until following ends. */
  private Outcome follow(Run run, PrintWriter out) throws InterruptedException {
    RowPrinter printer = output.to(out);
    long[] printed = {0};
    PreviewPoller.Ending ending =
        run.follow(
            (sink, arrived) -> {
              List<ResultRow> batch = arrived;
              if (maxRows != null && printed[0] >= maxRows) {
                return;
              }
              if (maxRows != null && printed[0] + batch.size() > maxRows) {
                batch = new ArrayList<>(batch.subList(0, (int) (maxRows - printed[0])));
              }
              printer.print(batch);
              printed[0] += batch.size();
              if (maxRows != null && printed[0] >= maxRows) {
                run.stopFollowing();
              }
            });
    long rows = printed[0];
    DeploymentStatus status = run.lastStatus();
    return switch (ending) {
      case STOPPED -> new Outcome(status, rows, "Stopped after " + rows + " rows");
      case TIME_LIMIT -> new Outcome(status, rows, "Stopped after " + human(duration));
      case FAILED -> new Outcome(status, rows, "The job failed");
      case KAFKA_LOST ->
          new Outcome(status, rows, "Kafka stopped answering", run.kafkaLoss().orElseThrow());
      case ENDED -> new Outcome(status, rows, "The job " + status.phase().name().toLowerCase());
    };
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
