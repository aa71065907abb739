package dev.streamwright.app.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.RuntimeHolder;
import dev.streamwright.app.run.SandboxHolder;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How a run that cannot start tells the user why (in the status bar and Problems, no trace), and
 * how a running model node's skipped rows reach that node.
 */
class RunViewModelTest {

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private final SameThreadTasks tasks = new SameThreadTasks();

  private static Pipeline quickstart() throws Exception {
    return new PipelineCodec().read(Path.of("../samples/quickstart/pipeline.json"));
  }

  /** A runtime that refuses every deploy the way a cluster that cannot start does. */
  private static final class RefusingRuntime implements PipelineRuntime {
    boolean closed;

    @Override
    public String describe() {
      return "refusing runtime";
    }

    @Override
    public Deployment deploy(CompiledPipeline pipeline, DeployOptions options)
        throws RuntimeFailure {
      throw new RuntimeFailure(
          "The embedded Flink could not start: no free port on 127.0.0.1. Close other Flink"
              + " processes and run again.",
          new java.net.BindException("Address already in use"));
    }

    @Override
    public DeploymentStatus status(Deployment deployment) {
      return DeploymentStatus.of(DeploymentStatus.Phase.FAILED);
    }

    @Override
    public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout) {
      return status(deployment);
    }

    @Override
    public Optional<String> stop(Deployment deployment, boolean savepoint) {
      return Optional.empty();
    }

    @Override
    public ResultStream results(Deployment deployment, String sinkNodeId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private RunViewModel model(RefusingRuntime runtime, List<Problem> plannerSays) {
    return new RunViewModel(
        new RuntimeHolder("embedded Flink", () -> runtime),
        new RunCheck(new PipelineCompiler(TYPES), (p, c) -> plannerSays),
        tasks);
  }

  @Test
  void startsIdle() {
    RunViewModel run = model(new RefusingRuntime(), List.of());

    assertThat(run.statusProperty().get()).isEqualTo("embedded Flink: idle");
    assertThat(run.canRunProperty().get()).isTrue();
    assertThat(run.canStopProperty().get()).isFalse();
  }

  @Test
  void aPlannerRefusalFailsTheRunAndListsTheProblemOnItsNode() throws Exception {
    Problem refusal =
        Problem.error("clicks_per_user", "size", "Flink's planner refuses the window size");
    RunViewModel run = model(new RefusingRuntime(), List.of(refusal));

    run.run(quickstart());

    assertThat(run.phaseProperty().get()).isEqualTo(Phase.FAILED);
    assertThat(run.statusProperty().get())
        .isEqualTo(
            "embedded Flink: failed: the pipeline has 1 error; fix it (see Problems) and run"
                + " again");
    assertThat(run.problems()).first().isEqualTo(refusal);
    assertThat(tasks.ran()).noneMatch(what -> what.startsWith("deploy"));
    assertThat(run.canRunProperty().get()).isTrue();
  }

  @Test
  void aDeployFailureShowsTheRuntimesOwnWordsWithoutATrace() throws Exception {
    RunViewModel run = model(new RefusingRuntime(), List.of());

    run.run(quickstart());

    assertThat(run.phaseProperty().get()).isEqualTo(Phase.FAILED);
    assertThat(run.statusProperty().get())
        .startsWith("embedded Flink: failed: The embedded Flink could not start: no free port")
        .doesNotContain("Exception", "\tat ");
    assertThat(run.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("The run failed: The embedded Flink"));
  }

  @Test
  void closingClosesTheRuntimeMadeForTheRun() throws Exception {
    RefusingRuntime runtime = new RefusingRuntime();
    RunViewModel run = model(runtime, List.of());
    run.run(quickstart());

    run.close();

    assertThat(runtime.closed).isTrue();
  }

  @Test
  void aKafkaNodeWhoseBrokersDoNotAnswerFailsTheRunOnItsNodeWithoutDeploying() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort(); // free again once closed: nothing listens there
    }
    Node orders =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                "orders",
                "bootstrapServers",
                "127.0.0.1:" + port,
                "columns",
                List.of(Map.of("name", "id", "type", "STRING"))));
    Pipeline pipeline =
        new Pipeline(
            "kafka",
            "kafka",
            "",
            1,
            List.of(),
            List.of(orders, Node.of("out", "preview-sink", Map.of())),
            List.of(Edge.of("orders", "out")));
    RunViewModel run = model(new RefusingRuntime(), List.of());

    run.run(pipeline);

    String reason =
        "cannot reach Kafka at 127.0.0.1:"
            + port
            + " (connection refused: nothing listens on port "
            + port
            + "); check the address and that the brokers run";
    assertThat(run.phaseProperty().get()).isEqualTo(Phase.FAILED);
    // The refusing runtime's deploy was never asked: its words would be in the status bar.
    assertThat(run.statusProperty().get())
        .isEqualTo("embedded Flink: failed: node 'orders': " + reason);
    assertThat(run.problems())
        .containsExactly(Problem.error("orders", "bootstrapServers", "The run failed: " + reason));
  }

  /** A runtime whose job keeps running and whose model node reports what the test sets. */
  private static final class ModelRuntime implements PipelineRuntime {
    volatile Map<String, NodeHealth> health = Map.of();
    volatile boolean stopped;
    volatile String failure;
    final AtomicInteger healthReads = new AtomicInteger();

    @Override
    public String describe() {
      return "model runtime";
    }

    @Override
    public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) {
      return new Deployment(
          "d1",
          pipeline.pipelineId(),
          pipeline.version(),
          "0123456789abcdef",
          describe(),
          Instant.now(),
          pipeline.previewSinks());
    }

    @Override
    public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout) {
      return status(deployment);
    }

    @Override
    public Optional<String> stop(Deployment deployment, boolean savepoint) {
      stopped = true;
      return Optional.empty();
    }

    @Override
    public Map<String, NodeHealth> nodeHealth(Deployment deployment) {
      healthReads.incrementAndGet();
      return health;
    }

    @Override
    public DeploymentStatus status(Deployment deployment) {
      if (failure != null) {
        return new DeploymentStatus(DeploymentStatus.Phase.FAILED, failure);
      }
      return DeploymentStatus.of(
          stopped ? DeploymentStatus.Phase.STOPPED : DeploymentStatus.Phase.RUNNING);
    }

    @Override
    public ResultStream results(Deployment deployment, String sinkNodeId) {
      return new ResultStream() {
        @Override
        public List<String> columns() {
          return List.of();
        }

        @Override
        public List<dev.streamwright.runtime.api.ResultRow> poll(Duration timeout, int max) {
          return List.of();
        }

        @Override
        public boolean isEnded() {
          return stopped || failure != null;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

  /**
   * The same-thread tasks, except that following the previews waits until the test runs it: on the
   * test's thread it would loop for as long as the job runs.
   */
  private final class DeferredPreviewTasks implements TaskExecutor {
    Runnable previews;

    @Override
    public <T> CompletableFuture<T> supply(String what, Callable<T> work) {
      if (what.startsWith("follow the previews")) {
        previews =
            () -> {
              try {
                work.call();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            };
        return new CompletableFuture<>();
      }
      return tasks.supply(what, work);
    }

    @Override
    public Executor ui() {
      return tasks.ui();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
      return tasks.schedule(delay, action);
    }

    @Override
    public void close() {}
  }

  private static Pipeline scoring() {
    Node source =
        Node.of(
            "tx",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of("name", "amount", "type", "DOUBLE"),
                    Map.of("name", "avg_1min_spend", "type", "DOUBLE"),
                    Map.of("name", "tx_count_1min", "type", "BIGINT"),
                    Map.of("name", "amount_ratio", "type", "DOUBLE"))));
    Node scored =
        Node.of(
            "scored",
            "model-score",
            Map.of("model", "fraud-scorer/fraud-scorer.onnx", "onInvalidInput", "skip"));
    return new Pipeline(
        "scoring",
        "scoring",
        "",
        1,
        List.of(),
        List.of(source, scored, Node.of("out", "preview-sink", Map.of())),
        List.of(Edge.of("tx", "scored"), Edge.of("scored", "out")));
  }

  @Test
  void skippedRowsOfARunningModelNodeBecomeOneWarningOnTheNodeUntilTheNumbersChange()
      throws Exception {
    // The running view model ticks its preview drain on a JavaFX timeline: the toolkit must be up,
    // started the way the studio's TestFX tests start it so they can share the JVM.
    FxToolkit.registerPrimaryStage();
    ModelRuntime runtime = new ModelRuntime();
    DeferredPreviewTasks tasks = new DeferredPreviewTasks();
    RunViewModel run = scoringRun(runtime, tasks);
    run.run(scoring());
    assertThat(run.phaseProperty().get()).as(run.statusProperty().get()).isEqualTo(Phase.RUNNING);
    AtomicInteger changes = new AtomicInteger();
    run.problems().addListener((ListChangeListener<Problem>) c -> changes.incrementAndGet());

    // The monitor reads the health with the job's other figures and hands it in.
    Map<String, NodeHealth> first =
        Map.of(
            "scored",
            new NodeHealth("scored", 88, 12, 0, 0, "INPUT column 'amount' is NaN", Instant.now()));
    run.showHealth(first);

    assertThat(run.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.nodeId()).isEqualTo("scored");
              assertThat(p.isError()).isFalse();
              assertThat(p.message())
                  .startsWith(
                      "Model score: 12 rows skipped for invalid input; last: feature 'amount' is"
                          + " NaN (");
            });
    assertThat(changes).hasValue(1);

    // The same numbers again: no list change, so the canvas does not redraw for nothing.
    run.showHealth(first);
    assertThat(changes).hasValue(1);

    run.showHealth(
        Map.of(
            "scored",
            new NodeHealth(
                "scored", 90, 13, 0, 0, "INPUT column 'amount' is NULL", Instant.now())));
    assertThat(run.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("13 rows"));
    assertThat(changes).hasValue(2);

    // Once the run is stopping, a late poll's numbers are not shown.
    run.stop();
    run.showHealth(
        Map.of(
            "scored",
            new NodeHealth("scored", 99, 20, 0, 0, "INPUT column 'amount' is NaN", Instant.now())));
    assertThat(run.problems()).noneMatch(x -> x.message().contains("20 rows"));
    assertThat(runtime.healthReads).as("the view model no longer polls by itself").hasValue(0);
    assertThat(this.tasks.pending()).isZero();
    tasks.previews.run(); // the preview poller sees the job stopped; the drain then ends the run
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> run.phaseProperty().get() == Phase.STOPPED).get());
  }

  @Test
  void aModelFailureShowsOnceOnItsNodeEvenWhenTheLastHealthReadCountsTheFailedRow()
      throws Exception {
    FxToolkit.registerPrimaryStage();
    ModelRuntime runtime = new ModelRuntime();
    DeferredPreviewTasks tasks = new DeferredPreviewTasks();
    RunViewModel run = scoringRun(runtime, tasks);
    run.run(scoring());
    assertThat(run.phaseProperty().get()).as(run.statusProperty().get()).isEqualTo(Phase.RUNNING);
    String model = modelName(scoring());

    runtime.health =
        Map.of(
            "scored",
            new NodeHealth("scored", 40, 0, 0, 1, "INPUT column 'amount' is NaN", Instant.now()));
    runtime.failure =
        "Model '" + model + "': INPUT column 'amount' is NaN; on-invalid-input is fail";
    tasks.previews.run(); // the job ended: the run fails, then reads the health once more
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> run.phaseProperty().get() == Phase.FAILED).get());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runtime.healthReads.get() >= 1);
    WaitForAsyncUtils.waitForFxEvents();

    List<Problem> onNode =
        WaitForAsyncUtils.asyncFx(
                () -> run.problems().stream().filter(p -> "scored".equals(p.nodeId())).toList())
            .get();
    assertThat(onNode)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.message()).startsWith("The run failed").contains("'amount' is NaN");
            });
  }

  /** A view model that runs {@link #scoring()} on the runtime, with the sample models. */
  private static RunViewModel scoringRun(ModelRuntime runtime, TaskExecutor tasks) {
    return new RunViewModel(
        new RuntimeHolder("embedded Flink", () -> runtime),
        new SandboxHolder(
            () -> {
              throw new IllegalStateException("no sandbox");
            }),
        new RunCheck(new PipelineCompiler(TYPES), (p, c) -> List.of()),
        tasks,
        Map.of("models.dir", SAMPLE_MODELS));
  }

  private static final String SAMPLE_MODELS =
      Path.of("../samples/models").toAbsolutePath().toString();

  /** The name the compiled SQL gives the scoring node's model. */
  private static String modelName(Pipeline p) {
    String sql =
        new PipelineCompiler(TYPES)
            .compile(
                p, Map.of("models.dir", Path.of("../samples/models").toAbsolutePath().toString()))
            .result()
            .orElseThrow()
            .script();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("CREATE TEMPORARY MODEL `?([A-Za-z0-9_]+)`?").matcher(sql);
    assertThat(m.find()).as(sql).isTrue();
    return m.group(1);
  }
}
