package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.KafkaChecks;
import dev.streamwright.app.run.PreviewPoller;
import dev.streamwright.app.run.RowMailbox;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.RunListener;
import dev.streamwright.app.run.RunOptions;
import dev.streamwright.app.run.Runner;
import dev.streamwright.app.run.RuntimeHolder;
import dev.streamwright.app.run.SandboxHolder;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.Sandbox;
import dev.streamwright.runtime.sandbox.SandboxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's Run over the run owner ({@link Runner}, {@link Run}): starts a run of the open
 * pipeline on a background thread and shows its steps, problems and phase; once the job runs, moves
 * preview rows into one {@link PreviewTable} per preview sink (and per followed Kafka sink topic) a
 * few times a second, shows its model nodes' health ({@link RunHealth}, fed by the monitor) and
 * fails the run on the nodes concerned when its Kafka brokers are lost. A pipeline with Kafka nodes
 * that leave their brokers to the environment runs on the Kafka sandbox. Confined to the FX thread;
 * the runtime and the sandbox are made on first use and closed with the studio.
 */
public final class RunViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

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
  private final Runner runner;
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
  private final RunHealth health;
  private final PreviewDrain drain = new PreviewDrain(previews);
  private long runs;
  private boolean stopRequested;
  private Run current;
  private Deployment deployment;
  private PreviewPoller poller;
  private final ReadOnlyStringWrapper savepoint = new ReadOnlyStringWrapper(this, "savepoint", "");
  private String restoreFrom = "";

  /**
   * @param runtime the runtime runs deploy to, created on the first run
   * @param checker the checks before a run
   * @param tasks where checks, deploys and polling run
   */
  public RunViewModel(RuntimeHolder runtime, RunCheck checker, TaskExecutor tasks) {
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
      RuntimeHolder runtime, SandboxHolder sandbox, RunCheck checker, TaskExecutor tasks) {
    this(runtime, sandbox, checker, tasks, Map.of());
  }

  /**
   * @param environment what every run compiles in besides the sandbox's brokers, e.g. {@code
   *     models.dir}
   */
  public RunViewModel(
      RuntimeHolder runtime,
      SandboxHolder sandbox,
      RunCheck checker,
      TaskExecutor tasks,
      Map<String, String> environment) {
    this(new Runner(runtime, sandbox, checker, environment), tasks);
  }

  /**
   * @param runner the run owner: runtime, sandbox, checks and environment
   * @param tasks where runs start and previews are followed
   */
  public RunViewModel(Runner runner, TaskExecutor tasks) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.health = new RunHealth(tasks, problems);
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
    DeployOptions deploy = deployOptions(restoreFrom);
    restoreFrom = "";
    stopRequested = false;
    deployment = null;
    health.reset();
    endRun();
    drain.clear();
    problems.clear();
    failure.set("");
    generator.offer(Optional.empty());
    boolean onSandbox = Sandbox.needsKafka(pipeline);
    RunOptions options =
        onSandbox
            ? RunOptions.plain().onSandbox(Optional.of(generator.plan()), true)
            : RunOptions.plain();
    Run r = runner.prepare(pipeline, options.deployingWith(deploy));
    current = r;
    enter(Phase.CHECKING, onSandbox ? "starting the Kafka sandbox…" : "checking the pipeline…");
    Steps steps = new Steps(run);
    tasks
        .supply("run pipeline " + pipeline.id(), () -> r.start(steps))
        .whenCompleteAsync((started, error) -> started(run, r, steps, started, error), tasks.ui());
  }

  /** Starts (or restarts) the running pipeline's data generator with the toolbar's choices. */
  public void startGenerator() {
    if (phase.get() == Phase.RUNNING) {
      generator.start(runner, tasks);
    }
  }

  /** Stops the data generator; the job keeps running. */
  public void stopGenerator() {
    generator.stop(runner, tasks);
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

  /**
   * How a run deploys: from {@code from} when resuming, with no leave to skip state. The only state
   * of a savepoint a resumed job has no place for is its previews' collect sinks' (Flink numbers
   * their uids anew for every job); the embedded runtime leaves that behind on its own and refuses
   * the resume when any other node's state would be lost (PreviewResumeIT).
   */
  private DeployOptions deployOptions(String from) {
    return from.isEmpty() ? DeployOptions.defaults() : DeployOptions.defaults().restoringFrom(from);
  }

  /** The savepoint the last stop with savepoint took; empty when there is none. */
  public ReadOnlyStringProperty savepointProperty() {
    return savepoint.getReadOnlyProperty();
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
    tasks.run("stop the generator", runner::stopGenerator);
    Run r = current;
    Deployment d = deployment;
    if (d == null) {
      if (r != null) {
        r.cancel(); // the run in flight does not deploy, or its deploy is stopped at once
      }
      enter(Phase.STOPPING, "stopping…");
      return;
    }
    long run = runs;
    enter(Phase.STOPPING, "stopping job " + RunMessages.shortId(d.jobId()) + "…");
    tasks
        .supply("stop job " + d.jobId(), () -> r.stopJob(withSavepoint))
        .whenCompleteAsync(
            (taken, error) -> {
              if (run != runs) {
                return;
              }
              if (error != null) {
                fail("the job could not be stopped: " + RunMessages.readable(error), error);
                return;
              }
              if (taken.isPresent()) {
                savepoint.set(taken.get());
              }
              if (poller != null) {
                poller.stop(); // the drain notices it ending and shows the job stopped
              } else {
                enter(Phase.STOPPED, "stopped job " + RunMessages.shortId(d.jobId()));
              }
            },
            tasks.ui());
  }

  /**
   * Stops following the run and closes the runtime, which stops its jobs, and the sandbox. Blocks
   * for up to a few seconds: call it off the FX thread when the studio exits.
   */
  public void close() {
    Run r = current;
    if (r != null) {
      r.close();
    }
    runner.close();
  }

  /** The Kafka checks of runs, whose watchdog timing tests shorten. */
  KafkaChecks kafkaChecks() {
    return runner.kafkaChecks();
  }

  // ---- internals ------------------------------------------------------------------------------

  /** What the run reports from its thread, handed to the FX thread while it is the current run. */
  private final class Steps implements RunListener {
    private final long run;
    private volatile boolean checked;

    Steps(long run) {
      this.run = run;
    }

    @Override
    public void sandboxReady(Sandbox sandbox) {
      String servers = sandbox.bootstrapServers();
      onFx(
          () -> {
            kafka.set("Kafka " + servers);
            enter(Phase.CHECKING, "checking the pipeline…");
          });
    }

    @Override
    public void checked(RunCheck.Result result) {
      checked = true;
      onFx(() -> checkedOnFx(result));
    }

    private void onFx(Runnable action) {
      tasks
          .ui()
          .execute(
              () -> {
                if (run == runs) {
                  action.run();
                }
              });
    }
  }

  private void checkedOnFx(RunCheck.Result result) {
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
    } else if (!stopRequested) {
      enter(Phase.STARTING, "starting…");
    }
  }

  private void started(
      long run, Run r, Steps steps, Optional<Run.Started> started, Throwable error) {
    if (run != runs) {
      tasks.run("close a replaced run", r::close);
      return;
    }
    if (error != null) {
      Throwable e = RunMessages.unwrap(error);
      if (e instanceof SandboxException) {
        fail("the Kafka sandbox could not start: " + e.getMessage(), null);
      } else if (e instanceof KafkaChecks.NotReady k) {
        fail(KafkaChecks.failure(k.problems()));
      } else if (!steps.checked) {
        fail("the pipeline could not be checked: " + RunMessages.readable(error), error);
      } else {
        fail(RunMessages.readable(error), error);
      }
      return;
    }
    if (started.isEmpty()) {
      if (stopRequested && phase.get() == Phase.STOPPING) {
        enter(Phase.STOPPED, "idle"); // stopped while checking; a refusal has failed the run
      }
      return;
    }
    Deployment d = started.get().deployment();
    r.topicFollower().ifPresent(t -> tasks.run("follow the Kafka sink topics", t));
    if (stopRequested) {
      tasks.supply("stop job " + d.jobId(), () -> stopJob(r));
      tasks.run("end the run", r::close);
      enter(Phase.STOPPED, "stopped job " + RunMessages.shortId(d.jobId()));
      return;
    }
    deployment = d;
    generator.offer(r.generatorEntry());
    RowMailbox rows = new RowMailbox();
    PreviewPoller p = r.previews(rows);
    poller = p;
    tasks.run("follow the previews of job " + d.jobId(), p);
    drain.start(r, p, rows, this::refreshGenerator, last -> ended(run, r, last));
    enter(Phase.RUNNING, "running job " + RunMessages.shortId(d.jobId()));
    problems.addAll(started.get().kafkaWarnings());
    r.watchKafka(lost -> tasks.ui().execute(() -> kafkaLost(run, r, lost)));
  }

  private static Void stopJob(Run r) throws RuntimeFailure {
    r.stopJob();
    return null;
  }

  /** The watchdog found the job's brokers gone: the job is stopped and the run fails on nodes. */
  private void kafkaLost(long run, Run r, List<Problem> lost) {
    if (run != runs || phase.get() != Phase.RUNNING) {
      return;
    }
    tasks.supply("stop job " + r.deployment().jobId(), () -> stopJob(r));
    fail(KafkaChecks.failure(lost));
  }

  private void refreshGenerator() {
    generator.refresh(runner);
  }

  private void ended(long run, Run r, DeploymentStatus last) {
    stopDrain();
    poller = null;
    tasks.run("end the run", r::close).whenCompleteAsync((v, e) -> refreshGenerator(), tasks.ui());
    Deployment d = deployment;
    String job = d == null ? "" : " " + RunMessages.shortId(d.jobId());
    if (last != null && last.phase() == DeploymentStatus.Phase.FAILED) {
      // A model's failure names the model, a Kafka failure its topic or brokers: the error then
      // shows on that node.
      String reason = last.message().isBlank() ? "the job failed" : last.message();
      Problem onNode =
          r.blame(reason).orElseGet(() -> Problem.error(null, null, "The run failed: " + reason));
      failOn(reason, null, List.of(onNode));
    } else if (stopRequested || last == null || !last.phase().isTerminal()) {
      enter(Phase.STOPPED, "stopped job" + job);
    } else if (last.phase() == DeploymentStatus.Phase.FINISHED) {
      enter(Phase.FINISHED, "finished job" + job);
    } else {
      enter(Phase.STOPPED, "stopped job" + job);
    }
    if (d != null && r.reportsHealth()) {
      health.last(r, () -> run == runs);
    }
  }

  private void stopDrain() {
    health.stop();
    drain.stop();
  }

  /**
   * Shows the model nodes' health the monitor read of this run's job (FX thread); ignored unless
   * the job runs. The monitor polls it with the rest of the job's figures.
   */
  public void showHealth(Map<String, NodeHealth> now) {
    if (phase.get() == Phase.RUNNING && current != null && current.reportsHealth()) {
      health.show(now);
    }
  }

  /** The run whose job runs now, for the monitor; empty while none does. */
  public Optional<Run> running() {
    return phase.get() == Phase.RUNNING ? Optional.ofNullable(current) : Optional.empty();
  }

  /** Ends following the previous run, if any, on a background thread. */
  private void endRun() {
    stopDrain();
    Run previous = current;
    current = null;
    if (previous != null) {
      tasks.run("end the previous run", previous::close); // waits for a Kafka check in flight
    }
  }

  private void fail(String reason, Throwable cause) {
    failOn(reason, cause, List.of(Problem.error(null, null, "The run failed: " + reason)));
  }

  private void fail(KafkaChecks.Failure kafkaFailure) {
    failOn(kafkaFailure.reason(), null, kafkaFailure.problems());
  }

  /**
   * @param onNodes the problems that say what failed, each on its node (or the pipeline)
   */
  private void failOn(String reason, Throwable cause, List<Problem> onNodes) {
    stopDrain();
    if (poller != null) {
      poller.stop();
      poller = null;
    }
    Run r = current;
    if (r != null) {
      tasks.run("end the run", r::close); // stops the generator, the followers and the watchdog
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
    status.set(runner.runtimeName() + ": " + detail);
  }
}
