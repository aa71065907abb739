package dev.streamwright.app.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.validate.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a run that cannot start tells the user why: in the status bar and Problems, no trace. */
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
        new PipelineCheck(new PipelineCompiler(TYPES), (p, c) -> plannerSays),
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
}
