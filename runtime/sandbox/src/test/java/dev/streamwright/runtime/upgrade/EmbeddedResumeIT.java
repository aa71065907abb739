package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stop with a savepoint and resume on the embedded runtime, as a studio session does: a running
 * count per key (a non-windowed GROUP BY into upsert-kafka) goes on from where it stopped instead
 * of starting again from 0; a savepoint that does not exist, or whose state the pipeline has no
 * place for, fails the deploy with a sentence naming the path.
 */
class EmbeddedResumeIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int BATCH = 40;
  private static final IntPredicate BIG = a -> a > 10;
  private static final DeployOptions ONE = DeployOptions.defaults().withParallelism(1);

  @Test
  void theRunningCountGoesOnAfterStopWithSavepointAndResume() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of("resume-in", 1, "resume-out", 1));
    CompiledPipeline pipeline =
        CountingPipelines.compile(
            CountingPipelines.counting("resume-in", "amount > 10", "resume-out"),
            broker.bootstrapServers());
    EmbeddedRuntime runtime = FLINK.runtime();
    Events.produce(broker, "resume-in", 0, BATCH, false);

    try (Events.Output out = new Events.Output(broker, "resume-out")) {
      Deployment first = runtime.deploy(pipeline, ONE);
      Map<String, Long> firstCounts = Events.counts(0, BATCH, BIG);
      assertThat(out.awaitUntil(o -> o.counts().equals(firstCounts), WAIT))
          .as("the first job counted the first batch: %s", out.counts())
          .isTrue();
      String savepoint = runtime.stop(first, true).orElseThrow();
      assertThat(runtime.status(first).phase()).isEqualTo(Phase.STOPPED);
      assertThat(Path.of(savepoint).resolve(RestoreFailures.METADATA)).isRegularFile();
      int writtenBefore = out.values().size();

      Events.produce(broker, "resume-in", BATCH, 2 * BATCH, true);
      Deployment resumed = runtime.deploy(pipeline, ONE.restoringFrom(savepoint));
      assertThat(out.awaitUntil(o -> o.has(Events.END), WAIT))
          .as("the resumed job reached the end marker: %s", out.counts())
          .isTrue();
      runtime.stop(resumed, false);

      assertThat(out.counts()).isEqualTo(Events.counts(0, 2 * BATCH, BIG));
      // Counted on, not again: every count the resumed job wrote is above the first job's last.
      List<JsonNode> after = out.values().subList(writtenBefore, out.values().size());
      assertThat(after).isNotEmpty();
      for (JsonNode v : after) {
        String k = v.get("k").asText();
        if (!Events.END.equals(k)) {
          assertThat(v.get("n").asLong())
              .as("count of %s after resume", k)
              .isGreaterThan(firstCounts.getOrDefault(k, 0L));
        }
      }
    }
  }

  @Test
  void aSavepointThatDoesNotExistIsNamedWithWhatToDo() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of("missing-in", 1, "missing-out", 1));
    CompiledPipeline pipeline =
        CountingPipelines.compile(
            CountingPipelines.counting("missing-in", "amount > 10", "missing-out"),
            broker.bootstrapServers());
    String nowhere = FLINK.workDir().resolve("savepoints/savepoint-gone").toString();

    assertThatThrownBy(() -> FLINK.runtime().deploy(pipeline, ONE.restoringFrom(nowhere)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage(
            "Cannot resume from "
                + nowhere
                + ": there is no savepoint there. Use the path printed when the job was stopped"
                + " with a savepoint, or start without one.");
  }

  @Test
  void stateThePipelineHasNoPlaceForFailsTheDeployNamingTheSavepoint() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of("dropped-in", 1, "dropped-out", 1, "dropped-rows", 1));
    EmbeddedRuntime runtime = FLINK.runtime();
    Events.produce(broker, "dropped-in", 0, BATCH, false);
    String savepoint;
    try (Events.Output out = new Events.Output(broker, "dropped-out")) {
      Deployment d =
          runtime.deploy(
              CountingPipelines.compile(
                  CountingPipelines.counting("dropped-in", "amount > 10", "dropped-out"),
                  broker.bootstrapServers()),
              ONE);
      assertThat(out.awaitUntil(o -> o.has("k0"), WAIT)).isTrue();
      savepoint = runtime.stop(d, true).orElseThrow();
    }
    CompiledPipeline withoutAggregate =
        CountingPipelines.compile(
            CountingPipelines.withoutAggregate("dropped-in", "amount > 10", "dropped-rows"),
            broker.bootstrapServers());

    assertThatThrownBy(() -> runtime.deploy(withoutAggregate, ONE.restoringFrom(savepoint)))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith(
            "Cannot resume from "
                + savepoint
                + ": it holds state that this version of the"
                + " pipeline has no place for")
        .hasMessageNotContaining("Exception");

    // Accepting the loss starts it: the rows of the second batch pass, the counts are dropped.
    Events.produce(broker, "dropped-in", BATCH, 2 * BATCH, true);
    try (Events.Output rows = new Events.Output(broker, "dropped-rows")) {
      Deployment d =
          runtime.deploy(
              withoutAggregate,
              new DeployOptions(
                  null,
                  1,
                  null,
                  Map.of(RestoreFailures.IGNORE_UNCLAIMED_STATE, "true"),
                  savepoint));
      assertThat(rows.awaitUntil(o -> o.has(Events.END), WAIT)).isTrue();
      runtime.stop(d, false);
      assertThat(rows.values())
          .as("only the second batch: the source kept its offsets")
          .hasSize(
              (int)
                      Events.counts(BATCH, 2 * BATCH, BIG).values().stream()
                          .mapToLong(Long::longValue)
                          .sum()
                  + 1);
    }
  }
}
