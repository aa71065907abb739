package dev.streamwright.app.cli;

import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.run.GeneratorPlan;
import dev.streamwright.app.run.KafkaChecks;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.RunListener;
import dev.streamwright.app.run.RunOptions;
import dev.streamwright.app.run.Runner;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.Sandbox;
import dev.streamwright.runtime.sandbox.Sandbox.Topics;
import dev.streamwright.runtime.sandbox.SandboxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code streamwright sandbox}: runs a sample end to end in one process: an embedded Kafka broker
 * (or an existing one), the sample's data generator producing to its source topic, and its pipeline
 * on the embedded Flink. Status lines and the summary go to stderr.
 */
@Command(
    name = "sandbox",
    sortOptions = false,
    description = {
      "Run a sample end to end: embedded Kafka, the sample's data generator and its pipeline on"
          + " the embedded Flink.",
      "Prints a status line every 5 s and a summary at the end, on stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the sandbox ran and was stopped",
      "1:the sample is invalid, unreadable or has no data generator",
      "2:usage error",
      "3:Kafka or the job failed or could not start"
    })
final class SandboxCommand implements Callable<Integer> {

  static final String BOOTSTRAP_KEY = Sandbox.BOOTSTRAP_KEY;

  private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help = new HelpOption();

  @Parameters(
      paramLabel = "<sample-dir>",
      description = "The sample folder, holding pipeline.json and optionally scenario.json.")
  private Path sampleDir;

  @Option(
      names = "--duration",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      defaultValue = "5m",
      description = "Stop after this long, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
  private Duration duration;

  @Option(
      names = "--rate",
      paramLabel = "<events/s>",
      defaultValue = "2000",
      description = "Generated events per second of scenario time (default: ${DEFAULT-VALUE}).")
  private double rate;

  @Option(
      names = "--speed",
      paramLabel = "<factor>",
      defaultValue = "10",
      description =
          "Scenario time passes this many times faster than wall-clock time (default:"
              + " ${DEFAULT-VALUE}).")
  private double speed;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      defaultValue = "42",
      description = "The generator's seed: same seed, same events (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--keep", description = "Keep the embedded broker's data folder for inspection.")
  private boolean keep;

  @Option(
      names = "--kafka",
      paramLabel = "<host:port>",
      description = "Use this existing Kafka instead of starting an embedded broker.")
  private String kafka;

  @Option(
      names = "--kafka-port",
      paramLabel = "<port>",
      defaultValue = "0",
      description = "The embedded broker's port on 127.0.0.1 (default: a free one).")
  private int kafkaPort;

  @Option(
      names = "--data-dir",
      paramLabel = "<folder>",
      description = "Where the embedded broker keeps its data (default: the app's temp folder).")
  private Path dataDir;

  private final CliContext context;

  SandboxCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--rate must be a positive number, was " + rate);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--speed must be a positive number, was " + speed);
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--duration must be positive, was " + duration);
    }
    Path file = sampleDir.resolve("pipeline.json");
    Pipeline pipeline;
    try {
      pipeline = new PipelineCodec().read(file);
    } catch (PipelineFileException e) {
      err.println("Cannot read " + file + ": " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_PIPELINE;
    }
    Topics topics = Topics.of(pipeline);
    Optional<Generators.Entry> entry = Generators.forAnyOf(topics.sources());
    if (entry.isEmpty()) {
      err.println(
          "No data generator for this sample: the sandbox has generators for topics "
              + Generators.topics()
              + "; this pipeline reads "
              + (topics.sources().isEmpty() ? "no Kafka topic" : "topics " + topics.sources())
              + ".");
      err.flush();
      return ExitCodes.INVALID_PIPELINE;
    }
    Scenario scenario;
    try {
      scenario = scenario(sampleDir.resolve("scenario.json"));
    } catch (IOException | RuntimeException e) {
      err.println("Cannot read the scenario of " + sampleDir + ": " + e.getMessage());
      err.flush();
      return ExitCodes.INVALID_PIPELINE;
    }
    return new Session(err, pipeline, topics, entry.get(), scenario).run();
  }

  private static Scenario scenario(Path file) throws IOException {
    return Files.exists(file) ? Scenario.parse(Files.readString(file)) : Scenario.EMPTY;
  }

  /** One sandbox run through the run owner, which stops what it started in reverse order. */
  private final class Session implements RunListener {
    private final PrintWriter err;
    private final Pipeline pipeline;
    private final Topics topics;
    private final Generators.Entry entry;
    private final Scenario scenario;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Runner runner;
    private Run run;
    private GeneratorRun generator;
    private Deployment deployment;

    Session(
        PrintWriter err,
        Pipeline pipeline,
        Topics topics,
        Generators.Entry entry,
        Scenario scenario) {
      this.err = err;
      this.pipeline = pipeline;
      this.topics = topics;
      this.entry = entry;
      this.scenario = scenario;
    }

    int run() throws Exception {
      ExitActions.Registration onCtrlC =
          context
              .exitActions()
              .add(
                  "stop the sandbox",
                  () -> {
                    interrupted.set(true);
                    say("Interrupted: stopping the sandbox ...");
                    closeAll();
                  });
      try {
        runner =
            context.runner(
                PipelineChecker.environment(sampleDir.resolve("pipeline.json")), this::settings);
        GeneratorPlan plan =
            new GeneratorPlan(
                e ->
                    GeneratorConfig.of(seed, rate, scaled(duration, speed), scenario)
                        .withStartTime(GeneratorConfig.DEFAULT_START),
                speed,
                true);
        run = runner.prepare(pipeline, RunOptions.plain().onSandbox(Optional.of(plan), false));
        Optional<Run.Started> started;
        try {
          started = run.start(this);
        } catch (SandboxException e) {
          say(e.getMessage());
          return ExitCodes.RUNTIME_FAILURE;
        } catch (KafkaChecks.NotReady e) {
          say("The job was not started: fix the Kafka problems above and run again.");
          return ExitCodes.RUNTIME_FAILURE;
        }
        if (started.isEmpty()) {
          return ExitCodes.INVALID_PIPELINE;
        }
        deployment = started.get().deployment();
        return follow();
      } finally {
        onCtrlC.close();
        closeAll();
      }
    }

    /** Where the broker runs: kept data must outlive this process's temp folder. */
    private Sandbox.Settings settings() {
      Path parent =
          dataDir != null
              ? dataDir
              : keep ? context.folders().data().resolve("sandbox") : context.folders().tmp();
      return new Sandbox.Settings(kafka == null ? null : kafka.trim(), parent, kafkaPort, keep);
    }

    @Override
    public void sandboxReady(Sandbox sandbox) {
      if (kafka != null) {
        say("Using Kafka at " + sandbox.bootstrapServers() + "; topics " + topics.all() + ".");
      } else {
        say(
            "Kafka broker on "
                + sandbox.bootstrapServers()
                + " ("
                + sandbox.startTime().toMillis()
                + " ms), data in "
                + sandbox.broker().orElseThrow().dataDir()
                + "; topics "
                + topics.all()
                + ".");
      }
    }

    @Override
    public void checked(RunCheck.Result result) {
      if (!result.passed()) {
        result.problems().stream().filter(Problem::isError).forEach(err::println);
        say("The pipeline of " + sampleDir + " has errors; run 'streamwright validate' on it.");
      }
    }

    @Override
    public void generatorStarted(Generators.Entry started, GeneratorRun run) {
      generator = run;
      say(
          "Generator "
              + started.name()
              + ": seed "
              + seed
              + ", "
              + fmt(rate)
              + " events/s, speed x"
              + fmt(speed)
              + ", "
              + scenario.steps().size()
              + " scenario steps.");
    }

    @Override
    public void kafkaChecked(List<Problem> found) {
      found.stream().filter(Problem::isError).forEach(err::println);
      err.flush();
    }

    @Override
    public void deploying(String runtime) {
      say("Submitting the pipeline to " + runtime + " ...");
    }

    @Override
    public void deployed(Deployment d, Duration took) {
      say("Job " + d.jobId() + " is running; it stops after " + human(duration) + ".");
    }

    private int follow() throws Exception {
      long started = System.nanoTime();
      long end = started + duration.toNanos();
      long nextStatus = started + STATUS_EVERY.toNanos();
      DeploymentStatus status = run.status();
      String reason = "Stopped after " + human(duration);
      while (!interrupted.get()) {
        status = run.status();
        if (kafkaFault().isPresent()) {
          say("Stopping: " + kafkaFault().get() + ".");
          return ExitCodes.RUNTIME_FAILURE;
        }
        if (generator.state() == GeneratorRun.State.FAILED) {
          say("Stopping: the generator failed: " + generator.failure().getMessage());
          return ExitCodes.RUNTIME_FAILURE;
        }
        if (status.phase().isTerminal()) {
          reason = "The job ended (" + status.phase() + ")";
          break;
        }
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        if (now >= nextStatus) {
          say(statusLine(now - started));
          nextStatus += STATUS_EVERY.toNanos();
        }
        Thread.sleep(Math.max(1, Math.min(200, (Math.min(end, nextStatus) - now) / 1_000_000)));
      }
      if (interrupted.get()) {
        return ExitCodes.OK;
      }
      if (status.phase() == Phase.FAILED) {
        say("The job failed: " + status.message());
        return ExitCodes.RUNTIME_FAILURE;
      }
      runner.stopGenerator();
      String summary = statusLine(System.nanoTime() - started);
      if (!status.phase().isTerminal()) {
        run.stopJob();
      }
      say(reason + ".");
      say("Summary: " + summary);
      if (generator.failure() != null) {
        say("The generator failed: " + generator.failure().getMessage());
        return ExitCodes.RUNTIME_FAILURE;
      }
      return ExitCodes.OK;
    }

    private Optional<String> kafkaFault() {
      return runner.sandbox().flatMap(Sandbox::broker).isPresent()
          ? KafkaBroker.fatalFault()
          : Optional.empty();
    }

    private String statusLine(long elapsedNanos) {
      GeneratorRun.Counters c = generator.counters();
      StringBuilder line = new StringBuilder();
      line.append(String.format(java.util.Locale.ROOT, "[%4ds] ", elapsedNanos / 1_000_000_000L));
      line.append("produced ").append(c.produced());
      line.append(", malformed ").append(c.malformed());
      line.append(", late ").append(c.late());
      Map<String, Long> counts = run.sinkTopicCounts();
      counts.forEach((t, n) -> line.append(" | ").append(t).append(' ').append(n < 0 ? "?" : n));
      return line.toString();
    }

    /** Stops what was started, in reverse order; safe to call twice and from Ctrl-C. */
    private void closeAll() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      if (run != null) {
        run.close();
      }
      if (runner != null) {
        Optional<Sandbox> sandbox = runner.sandbox();
        runner.close();
        if (keep && sandbox.isPresent() && sandbox.get().broker().isPresent()) {
          say("Kept the broker's data in " + sandbox.get().broker().get().dataDir() + ".");
        }
      }
    }

    private void say(String line) {
      err.println(line);
      err.flush();
    }
  }

  private static Duration scaled(Duration d, double factor) {
    return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    if (s >= 60 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s > 0 ? s + "s" : d.toMillis() + "ms";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
