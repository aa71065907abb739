package dev.streamwright.app.cli;

import static dev.streamwright.app.cli.CliHarness.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.RuntimeFailure;
import org.junit.jupiter.api.Test;

/** The run command against a runtime that plays back rows: streaming, stopping and failures. */
class RunCommandTest {

  private static final String VALID = pipeline("valid-filter.json").toString();

  private final FakeRuntime runtime = new FakeRuntime();
  private final ExitActions exit = new ExitActions();

  private Result run(String... args) {
    return CliHarness.run(() -> runtime, exit, args);
  }

  @Test
  void aFinishedJobPrintsEveryRowAsJsonLinesAndSucceeds() throws Exception {
    Result r = run("run", VALID, "--output", "jsonl");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    assertThat(first.fieldNames().next()).isEqualTo("sink");
    assertThat(first.get("sink").asText()).isEqualTo("preview");
    assertThat(first.get("clicks").asLong()).isEqualTo(10);
    assertThat(r.err()).contains("The job finished", "3 rows");
    assertThat(runtime.stopped).as("a finished job needs no stop").isFalse();
    assertThat(runtime.closed).isEqualTo(1);
  }

  @Test
  void boundedOnAPipelineWithoutKafkaSaysItBoundsNothing() {
    Result r = run("run", VALID, "--bounded");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("warning: --bounded bounds Kafka sources only, and this pipeline reads none")
        .contains("The job finished");
  }

  @Test
  void tableOutputHasAHeaderPerSink() {
    Result r = run("run", VALID);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("[preview]\nuser_id  clicks\n");
  }

  @Test
  void stdoutHoldsRowsOnlyAndStatusGoesToStderr() {
    Result r = run("run", VALID, "--output", "jsonl");

    assertThat(r.out().lines()).allMatch(l -> l.startsWith("{\"sink\":"));
    assertThat(r.err()).contains("Job job-1 is running on fake runtime");
  }

  @Test
  void maxRowsStopsTheJobAfterThatManyRows() {
    runtime.rows = -1;

    Result r = run("run", VALID, "--output", "jsonl", "--max-rows", "5");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(5);
    assertThat(runtime.stopped).isTrue();
  }

  @Test
  void durationStopsARunningJob() {
    runtime.rows = -1;
    runtime.end = DeploymentStatus.of(Phase.RUNNING);

    long started = System.nanoTime();
    Result r =
        run("run", VALID, "--output", "jsonl", "--duration", "300ms", "--max-rows", "1000000");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(runtime.stopped).isTrue();
    assertThat(r.err()).contains("Stopped after 0.3s");
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void aFailedJobExitsWithThreeAndItsRootCauseWithoutAStackTrace() {
    runtime.end = new DeploymentStatus(Phase.FAILED, "/ by zero (ArithmeticException)");

    Result r = run("run", VALID);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err()).contains("error: The job failed: / by zero (ArithmeticException)");
    assertThat(r.err()).doesNotContain("\tat ").contains("streamwright.log");
    assertThat(runtime.closed).isEqualTo(1);
  }

  @Test
  void aRefusedDeployExitsWithThree() {
    runtime.refuse = new RuntimeFailure("node 'only_home': Column 'x' not found");

    Result r = run("run", VALID);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err()).contains("error: node 'only_home': Column 'x' not found");
  }

  @Test
  void anUnexpectedErrorIsOneParagraphPointingAtTheLog() {
    runtime.refuse = new IllegalStateException("something broke inside");

    Result r = run("run", VALID);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(r.err()).contains("failed unexpectedly: something broke inside", "streamwright.log");
    assertThat(r.err()).doesNotContain("\tat ", "IllegalStateException");
  }

  @Test
  void anInvalidPipelineIsNeverDeployed() {
    Result r = run("run", pipeline("cycle.json").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("cycle");
    assertThat(runtime.deployed).isFalse();
  }

  @Test
  void theCtrlCActionIsWithdrawnOnceTheRunEnds() {
    run("run", VALID);

    exit.runAll();

    assertThat(runtime.closed).as("closed once by the run, not again on exit").isEqualTo(1);
  }
}
