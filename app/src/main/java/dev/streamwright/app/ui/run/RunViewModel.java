package dev.streamwright.app.ui.run;

import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.validate.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * PreviewTable} per preview sink a few times a second. Confined to the FX thread; the runtime is
 * created on the first run and closed with the studio.
 */
public final class RunViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

  /**
   * How often arrived rows reach the tables: four updates a second reads as live, and a table
   * refresh per pulse (60 a second) would only burn CPU on a busy preview.
   */
  private static final Duration DRAIN_EVERY = Duration.millis(250);

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
  private final PipelineCheck checker;

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
  private Timeline drain;

  /**
   * @param runtime the runtime runs deploy to, created on the first run
   * @param checker the checks before a run
   * @param tasks where checks, deploys and polling run
   */
  public RunViewModel(RuntimeHolder runtime, PipelineCheck checker, TaskExecutor tasks) {
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

  /** Why the last run failed, in the user's words; empty unless it failed. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** What only a run finds: the planner's objections and the job's failure, for Problems. */
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
    stopRequested = false;
    deployment = null;
    tablesBySink.clear();
    previews.clear();
    problems.clear();
    failure.set("");
    enter(Phase.CHECKING, "checking the pipeline…");
    // The cluster start (~1 s) overlaps the planner check (~2 s cold) instead of following it.
    CompletableFuture<Void> warm = tasks.run("start " + runtime.name(), runtime::startQuietly);
    tasks
        .supply("check pipeline " + pipeline.id(), () -> checker.check(pipeline))
        .whenCompleteAsync(
            (result, error) -> checked(run, pipeline, result, error, warm), tasks.ui());
  }

  /** Stops the running job, or the run that is still starting. */
  public void stop() {
    if (!canStop.get()) {
      return;
    }
    stopRequested = true;
    Deployment d = deployment;
    if (d == null) {
      enter(Phase.STOPPING, "stopping…"); // the check or deploy in flight sees the request
      return;
    }
    long run = runs;
    enter(Phase.STOPPING, "stopping job " + shortId(d.jobId()) + "…");
    tasks
        .supply("stop job " + d.jobId(), () -> runtime.get().stop(d, false))
        .whenCompleteAsync(
            (savepoint, error) -> {
              if (run != runs) {
                return;
              }
              if (error != null) {
                fail("the job could not be stopped: " + readable(error), error);
                return;
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
    runtime.close();
  }

  // ---- internals ------------------------------------------------------------------------------

  private void checked(
      long run,
      Pipeline pipeline,
      PipelineCheck.Result result,
      Throwable error,
      CompletableFuture<Void> warm) {
    if (run != runs) {
      return;
    }
    if (error != null) {
      fail("the pipeline could not be checked: " + readable(error), error);
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
    CompiledPipeline compiled = result.compiled();
    tasks
        .supply(
            "deploy " + pipeline.id(),
            () -> {
              warm.join();
              return runtime.get().deploy(compiled, DeployOptions.defaults());
            })
        .whenCompleteAsync((d, e) -> deployed(run, pipeline, compiled, d, e), tasks.ui());
  }

  private void deployed(
      long run, Pipeline pipeline, CompiledPipeline compiled, Deployment d, Throwable error) {
    if (run != runs) {
      return;
    }
    if (error != null) {
      fail(readable(error), error);
      return;
    }
    if (stopRequested) {
      tasks.supply("stop job " + d.jobId(), () -> runtime.get().stop(d, false));
      enter(Phase.STOPPED, "stopped job " + shortId(d.jobId()));
      return;
    }
    deployment = d;
    for (String sink : d.previewSinks()) {
      PreviewTable table = PreviewTables.of(pipeline, compiled, sink);
      tablesBySink.put(sink, table);
    }
    previews.setAll(tablesBySink.values());
    PreviewPoller p = new PreviewPoller(runtime.get(), d);
    poller = p;
    tasks.run("follow the previews of job " + d.jobId(), p);
    drain = new Timeline(new KeyFrame(DRAIN_EVERY, e -> drain(run, p)));
    drain.setCycleCount(Animation.INDEFINITE);
    drain.play();
    enter(Phase.RUNNING, "running job " + shortId(d.jobId()));
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
    Deployment d = deployment;
    String job = d == null ? "" : " " + shortId(d.jobId());
    if (last != null && last.phase() == DeploymentStatus.Phase.FAILED) {
      fail(last.message().isBlank() ? "the job failed" : last.message(), null);
    } else if (stopRequested || last == null || !last.phase().isTerminal()) {
      enter(Phase.STOPPED, "stopped job" + job);
    } else if (last.phase() == DeploymentStatus.Phase.FINISHED) {
      enter(Phase.FINISHED, "finished job" + job);
    } else {
      enter(Phase.STOPPED, "stopped job" + job);
    }
  }

  private void stopDrain() {
    if (drain != null) {
      drain.stop();
      drain = null;
    }
  }

  private void fail(String reason, Throwable cause) {
    stopDrain();
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
    problems.add(Problem.error(null, null, "The run failed: " + reason));
    enter(Phase.FAILED, "failed: " + reason);
  }

  private void enter(Phase next, String detail) {
    phase.set(next);
    status.set(runtime.name() + ": " + detail);
  }

  private static String shortId(String jobId) {
    return jobId == null ? "" : jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
  }

  /** The message a user can act on: the runtime's own words, else the exception's. */
  static String readable(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RuntimeFailure) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message + " (the log has the details)";
  }
}
