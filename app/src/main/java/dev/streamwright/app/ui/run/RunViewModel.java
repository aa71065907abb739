package dev.streamwright.app.ui.run;

import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.connectors.KafkaWatchdog;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.health.ModelNodes;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.Sandbox;
import dev.streamwright.runtime.sandbox.SandboxException;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the open pipeline and shows what it produces: checks it (compiler, then Flink's planner),
 * starts the runtime and deploys on background threads, then moves preview rows into one {@link
 * PreviewTable} per preview sink a few times a second. A pipeline with Kafka nodes that leave their
 * brokers to the environment runs on the Kafka sandbox: the first such run starts an embedded
 * broker, the run starts the data generator of its source topic, and each Kafka sink's topic gets a
 * preview table too. While the job runs, the health of its model nodes is polled every few seconds
 * and shown as problems on those nodes. Kafka nodes are checked before the job starts and their
 * brokers watched while it runs ({@link KafkaChecks}); what they find fails the run on the node and
 * property concerned. Confined to the FX thread; the runtime and the sandbox are created on first
 * use and closed with the studio.
 */
public final class RunViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

  /**
   * How often arrived rows reach the tables: four updates a second reads as live, and a table
   * refresh per pulse (60 a second) would only burn CPU on a busy preview.
   */
  private static final Duration DRAIN_EVERY = Duration.millis(250);

  /**
   * How often a running job's model nodes are asked how they are doing: the numbers come from
   * Flink's metrics, which the embedded cluster refreshes every 0.5 s, and a problem that shows
   * within seconds is soon enough for counts that only grow.
   */
  private static final java.time.Duration HEALTH_EVERY = java.time.Duration.ofSeconds(2);

  /** Where a run stands. */
  public enum Phase {
    IDLE,
    CHECKING,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    FINISHED,
    FAILED
  }

  private static final Set<Phase> CAN_RUN =
      EnumSet.of(Phase.IDLE, Phase.STOPPED, Phase.FINISHED, Phase.FAILED);
  private static final Set<Phase> CAN_STOP =
      EnumSet.of(Phase.CHECKING, Phase.STARTING, Phase.RUNNING);
  private static final Set<Phase> BUSY = EnumSet.of(Phase.CHECKING, Phase.STARTING, Phase.STOPPING);

  private final TaskExecutor tasks;
  private final RuntimeHolder runtime;
  private final SandboxHolder sandbox;
  private final Map<String, String> environment;
  private final PipelineCheck checker;
  private final GeneratorViewModel generator = new GeneratorViewModel();
  private final ReadOnlyStringWrapper kafka = new ReadOnlyStringWrapper(this, "kafka", "");

  private final ReadOnlyObjectWrapper<Phase> phase =
      new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObservableList<PreviewTable> previews = FXCollections.observableArrayList();
  private final ObservableList<Problem> problemsView =
      FXCollections.unmodifiableObservableList(problems);
  private final ObservableList<PreviewTable> previewsView =
      FXCollections.unmodifiableObservableList(previews);
  private final BooleanBinding canRun;
  private final BooleanBinding canStop;
  private final BooleanBinding busy;

  private final Map<String, PreviewTable> tablesBySink = new LinkedHashMap<>();
  private long runs;
  private boolean stopRequested;
  private volatile Deployment deployment;
  private volatile PreviewPoller poller;
  private volatile TopicPoller topicPoller;
  private Timeline drain;
  private ModelNodes models = ModelNodes.of(Map.of());
  private Map<String, NodeHealth> health = Map.of();
  private List<Problem> healthProblems = List.of();
  private TaskExecutor.Scheduled healthPoll;
  private final KafkaChecks kafkaChecks = new KafkaChecks();
  private ConnectorTables connectors = ConnectorTables.NONE;
  private volatile KafkaWatchdog watchdog;
  private final ReadOnlyStringWrapper savepoint = new ReadOnlyStringWrapper(this, "savepoint", "");
  private String restoreFrom = "";
  private String deployFrom = "";
  private Pipeline lastRun;
  private Pipeline savepointOf;

  /**
   * What the deploy task started.
   *
   * @param kafkaWarnings what the Kafka check found that does not stop the run
   */
  private record Started(Deployment deployment, TopicPoller topics, List<Problem> kafkaWarnings) {}

  /**
   * @param runtime the runtime runs deploy to, created on the first run
   * @param checker the checks before a run
   * @param tasks where checks, deploys and polling run
   */
  public RunViewModel(RuntimeHolder runtime, PipelineCheck checker, TaskExecutor tasks) {
    this(
        runtime,
        new SandboxHolder(
            () -> {
              throw new IllegalStateException("this studio has no Kafka sandbox");
            }),
        checker,
        tasks);
  }

  /**
   * @param runtime the runtime runs deploy to, created on the first run
   * @param sandbox the Kafka sandbox runs of pipelines with Kafka nodes use, started on first use
   * @param checker the checks before a run
   * @param tasks where checks, deploys and polling run
   */
  public RunViewModel(
      RuntimeHolder runtime, SandboxHolder sandbox, PipelineCheck checker, TaskExecutor tasks) {
    this(runtime, sandbox, checker, tasks, Map.of());
  }

  /**
   * @param environment what every run compiles in besides the sandbox's brokers, e.g. {@code
   *     models.dir}
   */
  public RunViewModel(
      RuntimeHolder runtime,
      SandboxHolder sandbox,
      PipelineCheck checker,
      TaskExecutor tasks,
      Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.checker = Objects.requireNonNull(checker, "checker");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    canRun = Bindings.createBooleanBinding(() -> CAN_RUN.contains(phase.get()), phase);
    canStop = Bindings.createBooleanBinding(() -> CAN_STOP.contains(phase.get()), phase);
    busy = Bindings.createBooleanBinding(() -> BUSY.contains(phase.get()), phase);
    enter(Phase.IDLE, "idle");
  }

  // ---- state ----------------------------------------------------------------------------------

  /** Where the run stands. */
  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  /** The status bar text, e.g. {@code embedded Flink: running job 3f2a91c0}. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The sandbox's Kafka for the status bar, e.g. {@code Kafka 127.0.0.1:41234}; empty if none. */
  public ReadOnlyStringProperty kafkaProperty() {
    return kafka.getReadOnlyProperty();
  }

  /** The data generator of the running pipeline, for the toolbar. */
  public GeneratorViewModel generator() {
    return generator;
  }

  /** Why the last run failed, in the user's words; empty unless it failed. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /**
   * What only a run finds, for Problems and the nodes: the planner's objections, the model nodes'
   * skipped and unscored rows while the job runs (refreshed every few seconds), and the job's
   * failure (on the model's node when the model failed it).
   */
  public ObservableList<Problem> problems() {
    return problemsView;
  }

  /** One table per preview sink of the running (or last) job. */
  public ObservableList<PreviewTable> previews() {
    return previewsView;
  }

  /** Whether Run is possible now. */
  public BooleanBinding canRunProperty() {
    return canRun;
  }

  /** Whether Stop is possible now. */
  public BooleanBinding canStopProperty() {
    return canStop;
  }

  /**
   * The savepoint the last stop with savepoint took in this session, for Resume; empty when none.
   */
  public ReadOnlyStringProperty savepointProperty() {
    return savepoint.getReadOnlyProperty();
  }

  /** Whether something is in progress that the user waits for (checks, startup, stopping). */
  public BooleanBinding busyProperty() {
    return busy;
  }

  // ---- actions ----------------------------------------------------------------------------------

  /** Checks the pipeline and, when it passes, runs it; does nothing while a run is active. */
  public void run(Pipeline pipeline) {
    if (!canRun.get()) {
      return;
    }
    long run = ++runs;
    // Resuming the very pipeline that took the savepoint: the preview sinks' state (made anew for
    // each run) is the only state without a place in the new job, and may be left behind.
    deployFrom =
        restoreFrom.isEmpty() || !pipeline.equals(savepointOf) ? restoreFrom : "=" + restoreFrom;
    restoreFrom = "";
    lastRun = pipeline;
    stopRequested = false;
    deployment = null;
    stopHealth();
    models = ModelNodes.of(Map.of());
    health = Map.of();
    healthProblems = List.of();
    connectors = ConnectorTables.NONE;
    stopWatchdog();
    tablesBySink.clear();
    previews.clear();
    problems.clear();
    failure.set("");
    generator.offer(Optional.empty());
    // The cluster start (~1 s) overlaps the planner check (~2 s cold) instead of following it.
    CompletableFuture<Void> warm = tasks.run("start " + runtime.name(), runtime::startQuietly);
    CompletableFuture<Map<String, String>> environment;
    if (Sandbox.needsKafka(pipeline)) {
      enter(Phase.CHECKING, "starting the Kafka sandbox…");
      Sandbox.Topics topics = Sandbox.Topics.of(pipeline);
      environment =
          tasks.supply(
              "start the Kafka sandbox",
              () -> {
                Map<String, String> env = new java.util.TreeMap<>(this.environment);
                env.put(Sandbox.BOOTSTRAP_KEY, sandbox.start(topics).bootstrapServers());
                return env;
              });
      environment.whenCompleteAsync(
          (env, error) -> {
            if (error == null && run == runs) {
              kafka.set("Kafka " + env.get(Sandbox.BOOTSTRAP_KEY));
              enter(Phase.CHECKING, "checking the pipeline…");
            }
          },
          tasks.ui());
    } else {
      enter(Phase.CHECKING, "checking the pipeline…");
      environment = CompletableFuture.completedFuture(this.environment);
    }
    environment
        .thenCompose(
            env ->
                tasks
                    .supply("check pipeline " + pipeline.id(), () -> checker.check(pipeline, env))
                    .thenApply(result -> Map.entry(env, result)))
        .whenCompleteAsync(
            (checked, error) ->
                checked(
                    run,
                    pipeline,
                    checked == null ? null : checked.getKey(),
                    checked == null ? null : checked.getValue(),
                    error,
                    warm),
            tasks.ui());
  }

  /** Starts (or restarts) the running pipeline's data generator with the toolbar's choices. */
  public void startGenerator() {
    Sandbox s = sandbox.current();
    Optional<Generators.Entry> entry = generator.entry();
    if (s == null || entry.isEmpty() || phase.get() != Phase.RUNNING) {
      return;
    }
    GeneratorConfig config = generator.config();
    double speed = generator.speedProperty().get();
    tasks
        .run(
            "start generator " + entry.get().name(),
            () -> s.startGenerator(entry.get().create(config), speed))
        .whenCompleteAsync(
            (v, error) -> {
              if (error != null) {
                LOG.warn("Starting the generator failed", error);
                generator.offer(entry);
              } else {
                generator.refresh(s.generator().orElse(null));
              }
            },
            tasks.ui());
  }

  /** Stops the data generator; the job keeps running. */
  public void stopGenerator() {
    Sandbox s = sandbox.current();
    if (s == null) {
      return;
    }
    tasks
        .run("stop the generator", s::stopGenerator)
        .whenCompleteAsync((v, e) -> generator.refresh(s.generator().orElse(null)), tasks.ui());
  }

  /**
   * Runs the pipeline again from the savepoint the last stop with savepoint took (see {@link
   * #savepointProperty}); does nothing without one or while a run is active.
   */
  public void resume(Pipeline pipeline) {
    if (savepoint.get().isEmpty() || !canRun.get()) {
      return;
    }
    restoreFrom = savepoint.get();
    run(pipeline);
  }

  /** Stops the running job, or the run that is still starting. */
  public void stop() {
    stop(false);
  }

  /**
   * Stops the running job; with {@code withSavepoint} Flink takes a savepoint first, whose path
   * {@link #savepointProperty} then holds for {@link #resume}.
   */
  public void stop(boolean withSavepoint) {
    if (!canStop.get()) {
      return;
    }
    stopRequested = true;
    tasks.run("stop the generator", sandbox::stopGenerator);
    Deployment d = deployment;
    if (d == null) {
      enter(Phase.STOPPING, "stopping…"); // the check or deploy in flight sees the request
      return;
    }
    long run = runs;
    enter(Phase.STOPPING, "stopping job " + shortId(d.jobId()) + "…");
    tasks
        .supply("stop job " + d.jobId(), () -> runtime.get().stop(d, withSavepoint))
        .whenCompleteAsync(
            (taken, error) -> {
              if (run != runs) {
                return;
              }
              if (error != null) {
                fail("the job could not be stopped: " + readable(error), error);
                return;
              }
              taken.ifPresent(savepoint::set);
              if (taken.isPresent()) {
                savepointOf = lastRun;
              }
              PreviewPoller p = poller;
              if (p != null) {
                p.stop(); // the drain notices it ending and shows the job stopped
              } else {
                enter(Phase.STOPPED, "stopped job " + shortId(d.jobId()));
              }
            },
            tasks.ui());
  }

  /**
   * Stops following the previews and closes the runtime, which stops its jobs. Blocks for up to a
   * few seconds: call it off the FX thread when the studio exits.
   */
  public void close() {
    PreviewPoller p = poller;
    if (p != null) {
      p.stop();
    }
    KafkaWatchdog w = watchdog;
    watchdog = null;
    if (w != null) {
      w.close();
    }
    stopTopics();
    sandbox.stopGenerator();
    runtime.close();
    sandbox.close();
  }

  // ---- internals ------------------------------------------------------------------------------

  private void checked(
      long run,
      Pipeline pipeline,
      Map<String, String> environment,
      PipelineCheck.Result result,
      Throwable error,
      CompletableFuture<Void> warm) {
    if (run != runs) {
      return;
    }
    if (error != null) {
      if (unwrap(error) instanceof SandboxException e) {
        fail("the Kafka sandbox could not start: " + e.getMessage(), null);
      } else {
        fail("the pipeline could not be checked: " + readable(error), error);
      }
      return;
    }
    problems.setAll(result.plannerProblems());
    if (!result.passed()) {
      long errors = result.problems().stream().filter(Problem::isError).count();
      fail(
          "the pipeline has "
              + errors
              + (errors == 1 ? " error" : " errors")
              + "; fix "
              + (errors == 1 ? "it" : "them")
              + " (see Problems) and run again",
          null);
      return;
    }
    if (stopRequested) {
      enter(Phase.STOPPED, "idle");
      return;
    }
    enter(Phase.STARTING, "starting…");
    String from = deployFrom;
    CompiledPipeline compiled = result.compiled();
    ConnectorTables tables = ConnectorTables.of(compiled);
    String bootstrap = environment.get(Sandbox.BOOTSTRAP_KEY);
    List<TopicPoller.Sink> kafkaSinks =
        bootstrap == null ? List.of() : kafkaSinks(pipeline, compiled);
    Optional<Generators.Entry> entry =
        bootstrap == null
            ? Optional.empty()
            : Generators.forAnyOf(Sandbox.Topics.of(pipeline).sources());
    GeneratorConfig config = entry.isPresent() ? generator.config() : null;
    double speed = generator.speedProperty().get();
    tasks
        .supply(
            "deploy " + pipeline.id(),
            () -> {
              warm.join();
              // Brokers that do not answer and missing topics fail here, in seconds, on their node.
              List<Problem> kafka = kafkaChecks.beforeDeploy(tables);
              // The sink topics are followed from their current ends: this run's records only.
              TopicPoller topics =
                  kafkaSinks.isEmpty() ? null : new TopicPoller(bootstrap, kafkaSinks);
              Deployment d;
              try {
                d =
                    runtime
                        .get()
                        .deploy(
                            compiled,
                            from.isEmpty()
                                ? DeployOptions.defaults()
                                : from.startsWith("=")
                                    ? new DeployOptions(
                                        null,
                                        0,
                                        null,
                                        Map.of(RestoreFailures.IGNORE_UNCLAIMED_STATE, "true"),
                                        from.substring(1))
                                    : DeployOptions.defaults().restoringFrom(from));
              } catch (RuntimeException e) {
                if (topics != null) {
                  topics.stop();
                  topics.run(); // closes its consumer at once
                }
                throw e;
              }
              if (entry.isPresent()) {
                sandbox
                    .start(Sandbox.Topics.of(pipeline))
                    .startGenerator(entry.get().create(config), speed);
              }
              return new Started(d, topics, kafka);
            })
        .whenCompleteAsync(
            (started, e) -> deployed(run, pipeline, compiled, tables, entry, started, e),
            tasks.ui());
  }

  /** The pipeline's Kafka sinks with the columns of their rows. */
  private static List<TopicPoller.Sink> kafkaSinks(Pipeline pipeline, CompiledPipeline compiled) {
    List<TopicPoller.Sink> sinks = new ArrayList<>();
    for (Node n : pipeline.nodes()) {
      if (n.type().endsWith("kafka-sink") && n.properties().get("topic") instanceof String t) {
        List<String> columns = PreviewTables.of(pipeline, compiled, n.id()).columns();
        if (!t.isBlank() && !columns.isEmpty()) {
          sinks.add(new TopicPoller.Sink(n.id(), t.trim(), List.copyOf(columns)));
        }
      }
    }
    return sinks;
  }

  private void deployed(
      long run,
      Pipeline pipeline,
      CompiledPipeline compiled,
      ConnectorTables tables,
      Optional<Generators.Entry> entry,
      Started started,
      Throwable error) {
    if (run != runs) {
      if (started != null && started.topics() != null) {
        started.topics().stop();
        tasks.run("close the topic preview", started.topics());
      }
      return;
    }
    if (error != null) {
      if (unwrap(error) instanceof KafkaChecks.NotReady k) {
        fail(KafkaChecks.failure(k.problems()));
      } else {
        fail(readable(error), error);
      }
      return;
    }
    Deployment d = started.deployment();
    if (started.topics() != null) {
      topicPoller = started.topics();
      tasks.run("follow the Kafka sink topics", started.topics());
    }
    if (stopRequested) {
      tasks.supply("stop job " + d.jobId(), () -> runtime.get().stop(d, false));
      tasks.run("stop the generator", sandbox::stopGenerator);
      stopTopics();
      enter(Phase.STOPPED, "stopped job " + shortId(d.jobId()));
      return;
    }
    deployment = d;
    for (String sink : d.previewSinks()) {
      PreviewTable table = PreviewTables.of(pipeline, compiled, sink);
      tablesBySink.put(sink, table);
    }
    TopicPoller topics = topicPoller;
    if (topics != null) {
      for (TopicPoller.Sink s : kafkaSinks(pipeline, compiled)) {
        tablesBySink.put(s.sinkId(), PreviewTables.of(pipeline, compiled, s.sinkId()));
      }
    }
    generator.offer(entry);
    previews.setAll(tablesBySink.values());
    PreviewPoller p = new PreviewPoller(runtime.get(), d);
    poller = p;
    tasks.run("follow the previews of job " + d.jobId(), p);
    drain = new Timeline(new KeyFrame(DRAIN_EVERY, e -> drain(run, p)));
    drain.setCycleCount(Animation.INDEFINITE);
    drain.play();
    enter(Phase.RUNNING, "running job " + shortId(d.jobId()));
    problems.addAll(started.kafkaWarnings());
    connectors = tables;
    watchdog = kafkaChecks.watch(tables, lost -> tasks.ui().execute(() -> kafkaLost(run, d, lost)));
    models = ModelNodes.of(compiled);
    if (!models.isEmpty()) {
      pollHealth(run, d);
    }
  }

  /**
   * The watchdog found the job's brokers gone: the job is stopped and the run fails on the nodes.
   */
  private void kafkaLost(long run, Deployment d, List<Problem> lost) {
    if (run != runs || phase.get() != Phase.RUNNING) {
      return;
    }
    tasks.supply("stop job " + d.jobId(), () -> runtime.get().stop(d, false));
    fail(KafkaChecks.failure(lost));
  }

  /** The Kafka checks of runs, whose watchdog timing tests shorten. */
  KafkaChecks kafkaChecks() {
    return kafkaChecks;
  }

  private void stopWatchdog() {
    KafkaWatchdog w = watchdog;
    watchdog = null;
    if (w != null) {
      tasks.run("stop watching Kafka", w::close); // waits for a check in flight: not on FX
    }
  }

  /**
   * Asks for the node health {@link #HEALTH_EVERY} from now, on a background thread, and again
   * after each answer while the run is running.
   */
  private void pollHealth(long run, Deployment d) {
    healthPoll =
        tasks.schedule(
            HEALTH_EVERY,
            () -> {
              if (run != runs || phase.get() != Phase.RUNNING) {
                return;
              }
              tasks
                  .supply("read the node health of job " + d.jobId(), () -> nodeHealth(d))
                  .whenCompleteAsync(
                      (h, error) -> {
                        if (run != runs || phase.get() != Phase.RUNNING) {
                          return;
                        }
                        if (error != null) {
                          LOG.debug("Reading the node health of job {} failed", d.jobId(), error);
                        } else {
                          showHealth(h);
                        }
                        pollHealth(run, d);
                      },
                      tasks.ui());
            });
  }

  private Map<String, NodeHealth> nodeHealth(Deployment d) {
    return runtime.get().nodeHealth(d);
  }

  /** Replaces the health problems when the numbers changed: one list change per change. */
  private void showHealth(Map<String, NodeHealth> now) {
    if (now.equals(health)) {
      return;
    }
    health = Map.copyOf(now);
    // A node the run's failure is already on needs no second error saying its rows failed.
    java.util.Set<String> failedNodes = new java.util.HashSet<>();
    for (Problem p : problems) {
      if (p.isError() && p.nodeId() != null && !healthProblems.contains(p)) {
        failedNodes.add(p.nodeId());
      }
    }
    List<Problem> fresh =
        NodeHealthProblems.of(now, ZoneId.systemDefault()).stream()
            .filter(p -> !(p.isError() && failedNodes.contains(p.nodeId())))
            .toList();
    if (fresh.equals(healthProblems)) {
      return;
    }
    List<Problem> next = new ArrayList<>(problems);
    next.removeAll(healthProblems);
    next.addAll(fresh);
    healthProblems = List.copyOf(fresh);
    problems.setAll(next);
  }

  private void stopHealth() {
    if (healthPoll != null) {
      healthPoll.cancel();
      healthPoll = null;
    }
  }

  /** Moves what the poller collected into the tables: one list change per sink per tick. */
  private void drain(long run, PreviewPoller p) {
    if (run != runs) {
      return;
    }
    boolean done = p.isDone(); // read first: rows queued before it ended are then all drained
    Map<String, List<ResultRow>> bySink = new LinkedHashMap<>();
    PreviewPoller.Batch batch;
    while ((batch = p.batches().poll()) != null) {
      bySink.computeIfAbsent(batch.sinkId(), k -> new ArrayList<>()).addAll(batch.rows());
    }
    TopicPoller topics = topicPoller;
    if (topics != null) {
      while ((batch = topics.batches().poll()) != null) {
        bySink.computeIfAbsent(batch.sinkId(), k -> new ArrayList<>()).addAll(batch.rows());
      }
    }
    Sandbox s = sandbox.current();
    if (s != null && generator.availableProperty().get()) {
      generator.refresh(s.generator().orElse(null));
    }
    bySink.forEach(
        (sink, rows) -> {
          PreviewTable table = tablesBySink.get(sink);
          if (table != null) {
            table.append(rows);
          }
        });
    if (done) {
      ended(p.latestStatus());
    }
  }

  private void ended(DeploymentStatus last) {
    stopDrain();
    poller = null;
    stopTopics();
    tasks
        .run("stop the generator", sandbox::stopGenerator)
        .whenCompleteAsync(
            (v, e) -> {
              Sandbox s = sandbox.current();
              if (s != null && generator.availableProperty().get()) {
                generator.refresh(s.generator().orElse(null));
              }
            },
            tasks.ui());
    Deployment d = deployment;
    String job = d == null ? "" : " " + shortId(d.jobId());
    if (last != null && last.phase() == DeploymentStatus.Phase.FAILED) {
      // A model's failure names the model, a Kafka failure its topic or brokers: the error then
      // shows on that node.
      String reason = last.message().isBlank() ? "the job failed" : last.message();
      Optional<String> model = models.nodeNamedIn(last.message());
      Optional<Problem> kafka =
          model.isPresent() ? Optional.empty() : KafkaChecks.jobFailure(connectors, reason);
      if (kafka.isPresent()) {
        failOn(reason, null, List.of(kafka.get()));
      } else {
        fail(reason, null, model.orElse(null));
      }
    } else if (stopRequested || last == null || !last.phase().isTerminal()) {
      enter(Phase.STOPPED, "stopped job" + job);
    } else if (last.phase() == DeploymentStatus.Phase.FINISHED) {
      enter(Phase.FINISHED, "finished job" + job);
    } else {
      enter(Phase.STOPPED, "stopped job" + job);
    }
    lastHealth(runs, d);
  }

  /**
   * One more health read once the job has ended: a short job may end between two polls, and its
   * skipped rows must still show. The runtime answers with what it last knew if Flink has already
   * dropped the job's metrics.
   */
  private void lastHealth(long run, Deployment d) {
    if (d == null || models.isEmpty()) {
      return;
    }
    tasks
        .supply("read the final node health of job " + d.jobId(), () -> nodeHealth(d))
        .whenCompleteAsync(
            (h, error) -> {
              if (run == runs && error == null) {
                showHealth(h);
              }
            },
            tasks.ui());
  }

  private void stopDrain() {
    stopHealth();
    stopWatchdog();
    if (drain != null) {
      drain.stop();
      drain = null;
    }
  }

  private void stopTopics() {
    TopicPoller t = topicPoller;
    if (t != null) {
      t.stop();
      topicPoller = null;
    }
  }

  private void fail(String reason, Throwable cause) {
    fail(reason, cause, null);
  }

  /**
   * @param nodeId the node the failure is about, or null for the run as a whole
   */
  private void fail(String reason, Throwable cause, String nodeId) {
    failOn(reason, cause, List.of(Problem.error(nodeId, null, "The run failed: " + reason)));
  }

  private void fail(KafkaChecks.Failure kafka) {
    failOn(kafka.reason(), null, kafka.problems());
  }

  /**
   * @param onNodes the problems that say what failed, each on its node (or the pipeline)
   */
  private void failOn(String reason, Throwable cause, List<Problem> onNodes) {
    stopDrain();
    stopTopics();
    tasks.run("stop the generator", sandbox::stopGenerator);
    PreviewPoller p = poller;
    if (p != null) {
      p.stop();
      poller = null;
    }
    if (cause != null) {
      LOG.error("Run failed: {}", reason, cause);
    } else {
      LOG.info("Run failed: {}", reason);
    }
    failure.set(reason);
    problems.addAll(onNodes);
    enter(Phase.FAILED, "failed: " + reason);
  }

  private void enter(Phase next, String detail) {
    phase.set(next);
    status.set(runtime.name() + ": " + detail);
  }

  private static String shortId(String jobId) {
    return jobId == null ? "" : jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The message a user can act on: the runtime's own words, else the exception's. */
  static String readable(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof RuntimeFailure || e instanceof SandboxException) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message + " (the log has the details)";
  }
}
