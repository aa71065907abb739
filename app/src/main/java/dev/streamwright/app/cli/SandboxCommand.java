package dev.streamwright.app.cli;

import dev.streamwright.app.ExitActions;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
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

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);

  static final String BOOTSTRAP_KEY = Sandbox.BOOTSTRAP_KEY;

  private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

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

  /** One sandbox run: what it started, in order, so it can stop them in reverse. */
  private final class Session {
    private final PrintWriter err;
    private final Pipeline pipeline;
    private final Topics topics;
    private final Generators.Entry entry;
    private final Scenario scenario;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Sandbox sandbox;
    private GeneratorRun generator;
    private PipelineRuntime runtime;
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
        PipelineRuntime flink = context.runtimes().get();
        runtime = flink;
        // The Flink cluster (~1-2 s) starts while the broker starts and the topics are made.
        CompletableFuture<Void> warmUp =
            CompletableFuture.runAsync(() -> RunCommand.startEarly(flink));
        String bootstrap;
        try {
          bootstrap = kafka();
        } catch (SandboxException e) {
          say(e.getMessage());
          return ExitCodes.RUNTIME_FAILURE;
        }
        Compilation compilation =
            new PipelineCompiler(NodeTypeRegistry.load()).compile(pipeline, environment(bootstrap));
        List<Problem> errors = compilation.problems().stream().filter(Problem::isError).toList();
        if (!errors.isEmpty() || compilation.result().isEmpty()) {
          errors.forEach(p -> err.println(p));
          say("The pipeline of " + sampleDir + " has errors; run 'streamwright validate' on it.");
          return ExitCodes.INVALID_PIPELINE;
        }
        GeneratorConfig config =
            GeneratorConfig.of(seed, rate, scaled(duration, speed), scenario)
                .withStartTime(GeneratorConfig.DEFAULT_START);
        generator = sandbox.startGenerator(entry.create(config), speed);
        say(
            "Generator "
                + entry.name()
                + ": seed "
                + seed
                + ", "
                + fmt(rate)
                + " events/s, speed x"
                + fmt(speed)
                + ", "
                + scenario.steps().size()
                + " scenario steps.");
        warmUp.join();
        say("Submitting the pipeline to " + runtime.describe() + " ...");
        deployment = runtime.deploy(compilation.result().get(), DeployOptions.defaults());
        say("Job " + deployment.jobId() + " is running; it stops after " + human(duration) + ".");
        return follow();
      } finally {
        onCtrlC.close();
        closeAll();
      }
    }

    private Map<String, String> environment(String bootstrap) {
      Map<String, String> env =
          new java.util.TreeMap<>(PipelineChecker.environment(sampleDir.resolve("pipeline.json")));
      env.put(BOOTSTRAP_KEY, bootstrap);
      return env;
    }

    private String kafka() {
      // Kept data must outlive this process's temp folder, which is deleted at exit.
      Path parent =
          dataDir != null
              ? dataDir
              : keep ? context.folders().data().resolve("sandbox") : context.folders().tmp();
      Sandbox.Settings settings =
          new Sandbox.Settings(kafka == null ? null : kafka.trim(), parent, kafkaPort, keep);
      sandbox = Sandbox.start(settings, topics);
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
      return sandbox.bootstrapServers();
    }

    private int follow() throws Exception {
      long started = System.nanoTime();
      long end = started + duration.toNanos();
      long nextStatus = started + STATUS_EVERY.toNanos();
      DeploymentStatus status = runtime.status(deployment);
      String reason = "Stopped after " + human(duration);
      while (!interrupted.get()) {
        status = runtime.status(deployment);
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
      sandbox.stopGenerator();
      String summary = statusLine(System.nanoTime() - started);
      if (!status.phase().isTerminal()) {
        runtime.stop(deployment, false);
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
      return sandbox.broker().isPresent() ? KafkaBroker.fatalFault() : Optional.empty();
    }

    private String statusLine(long elapsedNanos) {
      GeneratorRun.Counters c = generator.counters();
      StringBuilder line = new StringBuilder();
      line.append(String.format(java.util.Locale.ROOT, "[%4ds] ", elapsedNanos / 1_000_000_000L));
      line.append("produced ").append(c.produced());
      line.append(", malformed ").append(c.malformed());
      line.append(", late ").append(c.late());
      Map<String, Long> counts = sandbox.recordCounts(topics.sinks());
      counts.forEach((t, n) -> line.append(" | ").append(t).append(' ').append(n < 0 ? "?" : n));
      return line.toString();
    }

    /** Stops what was started, in reverse order; safe to call twice and from Ctrl-C. */
    private void closeAll() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      if (sandbox != null) {
        sandbox.stopGenerator();
      }
      if (runtime != null) {
        try {
          runtime.close();
        } catch (RuntimeException e) {
          LOG.warn("Closing {} failed", runtime.describe(), e);
        }
      }
      if (sandbox != null) {
        sandbox.close();
        if (keep && sandbox.broker().isPresent()) {
          say("Kept the broker's data in " + sandbox.broker().get().dataDir() + ".");
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
