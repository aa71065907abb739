package dev.streamwright.app.cli;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A runtime that plays back rows and a final status, so the run command's streaming, stopping and
 * failure handling can be tested in milliseconds and without Flink.
 */
final class FakeRuntime implements PipelineRuntime {

  /** Rows each preview sink hands out before it ends; -1 for an endless stream. */
  int rows = 3;

  /** The status once the rows are out (or at once for an endless stream, unless RUNNING). */
  DeploymentStatus end = DeploymentStatus.of(Phase.FINISHED);

  /** Thrown by deploy when set. */
  Exception refuse;

  boolean deployed;
  boolean stopped;
  int closed;

  private long handedOut;
  private Deployment deployment;

  @Override
  public String describe() {
    return "fake runtime";
  }

  @Override
  public Deployment deploy(CompiledPipeline pipeline, DeployOptions options) throws RuntimeFailure {
    if (refuse instanceof RuntimeFailure f) {
      throw f;
    }
    if (refuse instanceof RuntimeException e) {
      throw e;
    }
    deployed = true;
    deployment =
        new Deployment(
            "d1",
            pipeline.pipelineId(),
            pipeline.version(),
            "job-1",
            describe(),
            Instant.now(),
            pipeline.previewSinks());
    return deployment;
  }

  private boolean rowsLeft() {
    return rows < 0 || handedOut < rows;
  }

  @Override
  public DeploymentStatus status(Deployment d) {
    if (stopped) {
      return DeploymentStatus.of(Phase.STOPPED);
    }
    return rowsLeft() && end.phase() != Phase.FAILED ? DeploymentStatus.of(Phase.RUNNING) : end;
  }

  @Override
  public DeploymentStatus awaitTermination(Deployment d, Duration timeout) {
    return status(d);
  }

  @Override
  public Optional<String> stop(Deployment d, boolean savepoint) {
    stopped = true;
    return Optional.empty();
  }

  @Override
  public ResultStream results(Deployment d, String sink) {
    return new ResultStream() {
      @Override
      public List<String> columns() {
        return List.of("user_id", "clicks");
      }

      @Override
      public List<ResultRow> poll(Duration timeout, int max) throws InterruptedException {
        List<ResultRow> batch = new ArrayList<>();
        while (rowsLeft() && !stopped && batch.size() < Math.min(max, 2)) {
          handedOut++;
          batch.add(
              new ResultRow(sink, "+I", columns(), List.of("user-" + handedOut, handedOut * 10)));
        }
        if (batch.isEmpty()) {
          Thread.sleep(Math.min(timeout.toMillis(), 10));
        }
        return batch;
      }

      @Override
      public boolean isEnded() {
        return !rowsLeft() || stopped;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    closed++;
  }
}
