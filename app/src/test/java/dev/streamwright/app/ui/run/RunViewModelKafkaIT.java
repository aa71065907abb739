package dev.streamwright.app.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.RuntimeHolder;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.ui.tasks.FxTaskExecutor;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.KafkaWatchdog;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A studio run of a pipeline whose Kafka node names its own broker (a real one): when the broker
 * goes away while the job runs, or the job fails on the node's topic, the run fails on that node
 * and property, with the reason in the status bar.
 */
class RunViewModelKafkaIT {

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private KafkaBroker broker;
  private FxTaskExecutor tasks;

  @BeforeEach
  void start() throws Exception {
    FxToolkit.registerPrimaryStage();
    broker = KafkaBroker.start(KafkaBrokerExtension.newDataDir("RunViewModelKafkaIT"));
    broker.createTopics(Map.of("orders", 1));
    tasks = new FxTaskExecutor();
  }

  @AfterEach
  void stop() {
    tasks.close();
    broker.close();
  }

  /** A runtime whose job runs until it is stopped or the test makes it fail. */
  private static final class RunningRuntime implements PipelineRuntime {
    volatile boolean stopped;
    volatile String failure;

    @Override
    public String describe() {
      return "running runtime";
    }

    @Override
    public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) {
      return new Deployment(
          "d1",
          pipeline.pipelineId(),
          pipeline.version(),
          "fedcba9876543210",
          describe(),
          Instant.now(),
          pipeline.previewSinks());
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
    public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout) {
      return status(deployment);
    }

    @Override
    public Optional<String> stop(Deployment deployment, boolean savepoint) {
      stopped = true;
      return Optional.empty();
    }

    @Override
    public ResultStream results(Deployment deployment, String sinkNodeId) {
      return new ResultStream() {
        @Override
        public List<String> columns() {
          return List.of("id");
        }

        @Override
        public List<ResultRow> poll(Duration timeout, int max) throws InterruptedException {
          Thread.sleep(timeout.toMillis());
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
    public void close() {
      stopped = true;
    }
  }

  private Pipeline pipeline() {
    Node orders =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                "orders",
                "bootstrapServers",
                broker.bootstrapServers(),
                "columns",
                List.of(Map.of("name", "id", "type", "STRING"))));
    return new Pipeline(
        "kafka",
        "kafka",
        "",
        1,
        List.of(),
        List.of(orders, Node.of("out", "preview-sink", Map.of())),
        List.of(Edge.of("orders", "out")));
  }

  /**
   * A view model running the pipeline on the runtime.
   *
   * @param allowedOutage how long the broker may be silent before the run fails
   */
  private RunViewModel running(RunningRuntime runtime, Duration allowedOutage) throws Exception {
    RunViewModel run =
        fx(
            () ->
                new RunViewModel(
                    new RuntimeHolder("embedded Flink", () -> runtime),
                    new RunCheck(new PipelineCompiler(TYPES), (p, c) -> List.of()),
                    tasks));
    run.kafkaChecks().watchEvery(Duration.ofMillis(300), allowedOutage);
    fx(
        () -> {
          run.run(pipeline());
          return null;
        });
    awaitPhase(run, Phase.RUNNING);
    return run;
  }

  @Test
  void aBrokerThatGoesAwayWhileTheJobRunsFailsTheRunOnTheNodeAndStopsTheJob() throws Exception {
    RunningRuntime runtime = new RunningRuntime();
    RunViewModel run = running(runtime, Duration.ofSeconds(3));

    broker.close();
    awaitPhase(run, Phase.FAILED);

    String status = fx(() -> run.statusProperty().get());
    assertThat(status)
        .startsWith(
            "embedded Flink: failed: node 'orders': Kafka at "
                + broker.bootstrapServers()
                + " stopped answering while the job ran");
    List<Problem> problems = fx(() -> List.copyOf(run.problems()));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.nodeId()).isEqualTo("orders");
              assertThat(p.property()).isEqualTo("bootstrapServers");
              assertThat(p.message()).startsWith("The run failed: Kafka at ");
            });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runtime.stopped);
    fx(
        () -> {
          run.close();
          return null;
        });
  }

  @Test
  void aJobThatFailsOnTheNodesTopicFailsTheRunOnThatNodeAndProperty() throws Exception {
    RunningRuntime runtime = new RunningRuntime();
    RunViewModel run = running(runtime, KafkaWatchdog.ALLOWED_OUTAGE);
    String detail =
        "topic 'orders' does not exist on "
            + broker.bootstrapServers()
            + "; create it or correct the name";

    runtime.failure = "node 'orders', property 'topic': " + detail;
    awaitPhase(run, Phase.FAILED);

    assertThat(fx(() -> run.statusProperty().get()))
        .isEqualTo("embedded Flink: failed: " + runtime.failure);
    assertThat(fx(() -> List.copyOf(run.problems())))
        .containsExactly(Problem.error("orders", "topic", "The run failed: " + detail));
    fx(
        () -> {
          run.close();
          return null;
        });
  }

  private static void awaitPhase(RunViewModel run, Phase phase) throws Exception {
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> fx(() -> run.phaseProperty().get() == phase));
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }
}
