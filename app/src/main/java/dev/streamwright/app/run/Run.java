package dev.streamwright.app.run;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.connectors.KafkaWatchdog;
import dev.streamwright.runtime.connectors.SinkTally;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.health.ModelNodes;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.Sandbox;
import dev.streamwright.runtime.sandbox.SandboxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one pipeline, made by {@link Runner#prepare}: {@link #start} checks it (compiler and
 * Flink's planner), prepares its environment (the Kafka sandbox, its topics and generator), checks
 * its Kafka nodes and deploys it; then the front door follows it ({@link #follow}, {@link
 * #previews}, {@link #status}, {@link #nodeHealth}, {@link #watchKafka}, {@link #sinkCounts}) and
 * ends it ({@link #stopJob}, {@link #close}). Headless: every method but the cheap getters blocks,
 * so the studio calls them on background threads.
 */
public final class Run implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  /**
   * What {@link #start} started.
   *
   * @param deployment the running job
   * @param kafkaWarnings what the Kafka check found that does not stop the run
   */
  public record Started(Deployment deployment, List<Problem> kafkaWarnings) {}

  private final Runner runner;
  private final Pipeline pipeline;
  private final RunOptions options;
  private volatile boolean cancelled;
  private volatile Sandbox sandbox;
  private volatile CompiledPipeline compiled;
  private volatile Compilation compilation;
  private volatile ConnectorTables connectors = ConnectorTables.NONE;
  private volatile ModelNodes models = ModelNodes.of(Map.of());
  private volatile Deployment deployment;
  private volatile PipelineRuntime runtime;
  private volatile TopicPoller topics;
  private volatile KafkaWatchdog watchdog;
  private volatile SinkTally tally;
  private volatile PreviewPoller poller;

  Run(Runner runner, Pipeline pipeline, RunOptions options) {
    this.runner = runner;
    this.pipeline = pipeline;
    this.options = options;
  }

  /** The pipeline this run runs. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** Whether this run uses the Kafka sandbox. */
  public boolean onSandbox() {
    return options.onSandbox();
  }

  /** The sandbox generator that writes one of the pipeline's source topics, on the sandbox only. */
  public Optional<Generators.Entry> generatorEntry() {
    return onSandbox()
        ? Generators.forAnyOf(Sandbox.Topics.of(pipeline).sources())
        : Optional.empty();
  }

  /** The compiled pipeline once the checks passed, else null. */
  public CompiledPipeline compiled() {
    return compiled;
  }

  /**
   * What the compiler made of the pipeline (schemas per node) once the checks passed, else null.
   */
  public Compilation compilation() {
    return compiled == null ? null : compilation;
  }

  /** The runtime the job was deployed to, once it was; null before. */
  public PipelineRuntime runtime() {
    return runtime;
  }

  /** The pipeline's connector tables once the checks passed (none before). */
  public ConnectorTables connectors() {
    return connectors;
  }

  /** The deployment once the job was accepted, else null. */
  public Deployment deployment() {
    return deployment;
  }

  /**
   * Asks the run not to deploy: {@link #start} returns empty at its next step. A job already
   * deployed keeps running until {@link #stopJob}.
   */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Checks, prepares and deploys, reporting each step to the listener. The runtime starts at once
   * on another thread, overlapping the checks.
   *
   * @return what started; empty when the checks refused the pipeline or the run was cancelled
   * @throws SandboxException when the Kafka sandbox cannot start
   * @throws KafkaChecks.NotReady when a Kafka node's brokers do not answer or its topic is missing
   * @throws RuntimeFailure when the runtime cannot start or refuses the job
   */
  public Optional<Started> start(RunListener listener) throws KafkaChecks.NotReady, RuntimeFailure {
    CompletableFuture<Void> warm = CompletableFuture.runAsync(runner::warmUp);
    Map<String, String> environment = environment(listener);
    listener.checking();
    RunCheck.Result result = runner.check().check(pipeline, environment);
    listener.checked(result);
    if (!result.passed() || cancelled) {
      return Optional.empty();
    }
    compiled = result.compiled();
    compilation = result.compilation();
    connectors = ConnectorTables.of(compiled);
    models = ModelNodes.of(compiled);
    // Brokers that do not answer and missing topics fail here, in seconds, on their node, before
    // anything is written to them.
    List<Problem> kafka = List.of();
    if (!connectors.kafka().isEmpty()) {
      listener.kafkaChecking(connectors);
      try {
        kafka = runner.kafkaChecks().beforeDeploy(connectors);
      } catch (KafkaChecks.NotReady e) {
        listener.kafkaChecked(e.problems());
        throw e;
      }
      listener.kafkaChecked(kafka);
    }
    Optional<Generators.Entry> entry = generatorEntry();
    Optional<GeneratorPlan> plan = options.generator();
    if (entry.isPresent() && plan.isPresent() && plan.get().beforeDeploy()) {
      startGenerator(entry.get(), plan.get(), listener);
    }
    warm.join();
    if (options.tallySinks()) {
      tally = SinkTally.start(connectors);
    }
    String bootstrap = environment.get(Sandbox.BOOTSTRAP_KEY);
    if (options.followTopics() && bootstrap != null) {
      List<TopicPoller.Sink> sinks = kafkaSinks();
      // The sink topics are followed from their current ends: this run's records only.
      topics = sinks.isEmpty() ? null : new TopicPoller(bootstrap, sinks);
    }
    PipelineRuntime target = runner.runtime();
    listener.deploying(target.describe());
    long started = System.nanoTime();
    try {
      runtime = target;
      deployment = target.deploy(compiled, options.deploy());
    } catch (RuntimeFailure | RuntimeException e) {
      stopTopics();
      throw e;
    }
    listener.deployed(deployment, Duration.ofNanos(System.nanoTime() - started));
    if (entry.isPresent() && plan.isPresent() && !plan.get().beforeDeploy()) {
      startGenerator(entry.get(), plan.get(), listener);
    }
    return Optional.of(new Started(deployment, kafka));
  }

  /** The environment the pipeline compiles in; starts the sandbox first for a run on it. */
  private Map<String, String> environment(RunListener listener) {
    Map<String, String> env = new TreeMap<>(runner.environment());
    env.putAll(options.settings());
    if (onSandbox()) {
      listener.sandboxStarting();
      sandbox = runner.sandboxHolder().start(Sandbox.Topics.of(pipeline));
      env.put(Sandbox.BOOTSTRAP_KEY, sandbox.bootstrapServers());
      listener.sandboxReady(sandbox);
    }
    return env;
  }

  private void startGenerator(Generators.Entry entry, GeneratorPlan plan, RunListener listener) {
    GeneratorRun run =
        sandbox.startGenerator(entry.create(plan.config().apply(entry)), plan.speed());
    listener.generatorStarted(entry, run);
  }

  /** The pipeline's Kafka sinks with the columns of their rows. */
  private List<TopicPoller.Sink> kafkaSinks() {
    List<TopicPoller.Sink> sinks = new ArrayList<>();
    for (Node n : pipeline.nodes()) {
      if (n.type().endsWith("kafka-sink") && n.properties().get("topic") instanceof String t) {
        List<String> columns = PreviewColumns.of(pipeline, compiled, n.id());
        if (!t.isBlank() && !columns.isEmpty()) {
          sinks.add(new TopicPoller.Sink(n.id(), t.trim(), List.copyOf(columns)));
        }
      }
    }
    return sinks;
  }

  /** The Kafka sinks whose topics this run follows ({@link #topicFollower}); empty if none. */
  public List<String> followedTopicSinks() {
    return topics == null
        ? List.of()
        : kafkaSinks().stream().map(TopicPoller.Sink::sinkId).toList();
  }

  /**
   * The follower of the Kafka sinks' topics, to run on a background thread ({@link
   * TopicPoller#run}); empty when the run follows none.
   */
  public Optional<TopicPoller> topicFollower() {
    return Optional.ofNullable(topics);
  }

  /**
   * Follows the preview sinks on the calling thread until the job ends, the options' time limit
   * passes, the watched Kafka brokers are lost ({@link #watchKafka}) or {@link #stopFollowing}.
   */
  public PreviewPoller.Ending follow(PreviewPoller.Rows rows) throws InterruptedException {
    PreviewPoller p = poller(rows, true);
    return p.follow();
  }

  /**
   * A follower of the preview sinks to run on a background thread ({@link PreviewPoller#run}); it
   * ends when the job ends or on {@link #stopFollowing}, not on a Kafka loss, which the studio
   * handles through {@link #watchKafka}'s callback.
   */
  public PreviewPoller previews(PreviewPoller.Rows rows) {
    return poller(rows, false);
  }

  private PreviewPoller poller(PreviewPoller.Rows rows, boolean endOnKafkaLoss) {
    Deployment d = requireDeployed();
    PreviewPoller p =
        new PreviewPoller(
            runtime, d, rows, options.limit(), () -> endOnKafkaLoss && kafkaLoss().isPresent());
    poller = p;
    return p;
  }

  /** The latest job status the preview follower saw, or null before it saw one. */
  public DeploymentStatus lastStatus() {
    PreviewPoller p = poller;
    return p == null ? null : p.latestStatus();
  }

  /** Ends following the previews after the current poll. */
  public void stopFollowing() {
    PreviewPoller p = poller;
    if (p != null) {
      p.stop();
    }
  }

  /**
   * Starts watching the Kafka nodes' brokers while the job runs; returns at once. {@code onLost} is
   * called on the watchdog's thread with the errors on the nodes concerned.
   */
  public void watchKafka(Consumer<List<Problem>> onLost) {
    watchdog = runner.kafkaChecks().watch(connectors, onLost);
  }

  /** The errors of the Kafka nodes whose brokers stopped answering, when the watchdog found so. */
  public Optional<List<Problem>> kafkaLoss() {
    KafkaWatchdog w = watchdog;
    return w == null ? Optional.empty() : w.failure();
  }

  /** Stops watching the Kafka brokers; waits for a check in flight, so not on the FX thread. */
  public void stopWatching() {
    KafkaWatchdog w = watchdog;
    watchdog = null;
    if (w != null) {
      w.close();
    }
  }

  /** The job's status now. */
  public DeploymentStatus status() {
    Deployment d = requireDeployed();
    return runtime.status(d);
  }

  /** How the job's nodes are doing now ({@link NodeHealthProblems} turns it into problems). */
  public Map<String, NodeHealth> nodeHealth() {
    Deployment d = requireDeployed();
    return runtime.nodeHealth(d);
  }

  /** Whether the pipeline has nodes that report health (Model score nodes). */
  public boolean reportsHealth() {
    return !models.isEmpty();
  }

  /**
   * The node a job failure's message blames, with the error to show there: a model's node when it
   * names the model, a Kafka node's topic or brokers; empty when it names none.
   */
  public Optional<Problem> blame(String failure) {
    Optional<String> model = models.nodeNamedIn(failure);
    if (model.isPresent()) {
      return Optional.of(Problem.error(model.get(), null, "The run failed: " + failure));
    }
    return KafkaChecks.jobFailure(connectors, failure);
  }

  /** What each Kafka and file sink wrote since the deploy; empty unless the options tally. */
  public List<SinkTally.Written> sinkCounts() {
    SinkTally t = tally;
    return t == null ? List.of() : t.finish();
  }

  /** Records in each of the pipeline's Kafka sink topics on the sandbox; -1 when unknown. */
  public Map<String, Long> sinkTopicCounts() {
    return sandbox == null ? Map.of() : sandbox.recordCounts(Sandbox.Topics.of(pipeline).sinks());
  }

  /** The sandbox's generator, if this run's sandbox runs one. */
  public Optional<GeneratorRun> generator() {
    return sandbox == null ? Optional.empty() : sandbox.generator();
  }

  /**
   * Stops the job (cancels it, without a savepoint).
   *
   * @throws RuntimeFailure when the runtime cannot stop it
   */
  public void stopJob() throws RuntimeFailure {
    stopJob(false);
  }

  /**
   * Stops the job; with {@code savepoint} Flink takes a savepoint first.
   *
   * @return the savepoint's path, when one was taken
   * @throws RuntimeFailure when the runtime cannot stop it
   */
  public Optional<String> stopJob(boolean savepoint) throws RuntimeFailure {
    Deployment d = requireDeployed();
    return runtime.stop(d, savepoint);
  }

  private Deployment requireDeployed() {
    Deployment d = deployment;
    if (d == null) {
      throw new IllegalStateException("the run has not deployed its job");
    }
    return d;
  }

  private void stopTopics() {
    TopicPoller t = topics;
    topics = null;
    if (t != null) {
      t.stop();
      if (!t.hasStarted()) {
        LOG.debug("Closing the unused topic follower of {}", pipeline.id());
        t.run(); // closes its consumer at once
      }
    }
  }

  /**
   * Ends following: the previews, the sink topics, the Kafka watchdog and the sandbox's generator.
   * The job itself is left to {@link #stopJob}; the runtime and sandbox stay for the next run.
   */
  @Override
  public void close() {
    stopFollowing();
    stopTopics();
    stopWatching();
    if (sandbox != null) {
      sandbox.stopGenerator();
    }
  }
}
