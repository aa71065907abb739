package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stop with a savepoint and resume of a pipeline with a preview, as the studio runs it: the
 * savepoint's only state the resumed job has no place for is the preview's collect sink (whose uid
 * Flink numbers anew for every job), which the resume leaves behind on its own; every other
 * operator's state is restored, so the running count per key goes on from the savepoint, in the
 * sink and in the preview. Leaving behind any other state is still refused.
 */
class PreviewResumeIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BATCH = 40;
  private static final IntPredicate BIG = a -> a > 10;

  @Test
  void onlyThePreviewStateIsLeftBehindAndTheCountsGoOnAfterResume() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of("peek-in", 1, "peek-out", 1));
    CompiledPipeline pipeline = CountingPipelines.compile(withPreview(), broker.bootstrapServers());
    EmbeddedRuntime runtime = FLINK.runtime();
    Events.produce(broker, "peek-in", 0, BATCH, false);
    Map<String, Long> firstCounts = Events.counts(0, BATCH, BIG);

    try (Events.Output out = new Events.Output(broker, "peek-out")) {
      Deployment first = runtime.deploy(pipeline, DeployOptions.defaults());
      assertThat(out.awaitUntil(o -> o.counts().equals(firstCounts), WAIT))
          .as("the first job counted the first batch: %s", out.counts())
          .isTrue();
      assertThat(previewCounts(runtime.results(first, "peek"), firstCounts))
          .as("the preview showed the first counts")
          .isEqualTo(firstCounts);
      String savepoint = runtime.stop(first, true).orElseThrow();
      Collection<OperatorState> saved = operators(savepoint);
      // The finding: only the preview's collect sink has a uid, dataStreamCollect_<n>, from a
      // counter Flink bumps for every job; every other operator's id comes from the job's
      // topology, the same on every deploy of the same pipeline.
      assertThat(saved.stream().filter(s -> s.getOperatorUid().isPresent()))
          .singleElement()
          .satisfies(s -> assertThat(s.getOperatorUid().get()).startsWith("dataStreamCollect_"))
          .satisfies(s -> assertThat(s.getStateSize()).isPositive());
      int writtenBefore = out.values().size();

      Events.produce(broker, "peek-in", BATCH, 2 * BATCH, true);
      // What the studio deploys when it resumes: the savepoint, no leave to skip state.
      Deployment resumed =
          runtime.deploy(pipeline, DeployOptions.defaults().restoringFrom(savepoint));
      assertThat(out.awaitUntil(o -> o.has(Events.END), WAIT))
          .as("the resumed job reached the end marker: %s", out.counts())
          .isTrue();
      Map<String, Long> allCounts = Events.counts(0, 2 * BATCH, BIG);
      assertThat(previewCounts(runtime.results(resumed, "peek"), allCounts))
          .as("the resumed preview counted on")
          .isEqualTo(allCounts);
      String again = runtime.stop(resumed, true).orElseThrow();

      assertThat(out.counts()).isEqualTo(allCounts);
      Map<String, Long> firstAfter = new TreeMap<>();
      for (JsonNode v : out.values().subList(writtenBefore, out.values().size())) {
        firstAfter.putIfAbsent(v.get("k").asText(), v.get("n").asLong());
      }
      firstAfter.remove(Events.END);
      Map<String, Long> expected = new TreeMap<>();
      firstCounts.forEach((k, n) -> expected.put(k, n + 1));
      assertThat(firstAfter).as("first count per key after resume").isEqualTo(expected);
      // Every operator of the first job but the preview's collect sink was claimed by the
      // resumed one: only preview state was left behind.
      assertThat(ids(operators(again)))
          .containsAll(ids(saved.stream().filter(s -> s.getOperatorUid().isEmpty()).toList()))
          .doesNotContainAnyElementsOf(
              ids(saved.stream().filter(s -> s.getOperatorUid().isPresent()).toList()));

      // Leaving behind the state of a stateful operator is still refused, preview or not.
      CompiledPipeline withoutAggregate =
          CountingPipelines.compile(withoutAggregate(), broker.bootstrapServers());
      assertThatThrownBy(
              () -> runtime.deploy(withoutAggregate, DeployOptions.defaults().restoringFrom(again)))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith(
              "Cannot resume from "
                  + again
                  + ": it holds state that this version of the pipeline has no place for");
    }
  }

  /** The counting pipeline with a preview of the counts, as a studio user builds it. */
  private static Pipeline withPreview() {
    Pipeline base = CountingPipelines.counting("peek-in", "amount > 10", "peek-out");
    List<Node> nodes = new ArrayList<>(base.nodes());
    nodes.add(Node.of("peek", "preview-sink", Map.of()));
    List<Edge> edges = new ArrayList<>(base.edges());
    edges.add(Edge.of("count_per_key", "peek"));
    return new Pipeline("counting", "counting", "", 1, List.of(), nodes, edges);
  }

  /** The same pipeline without its aggregate, still with a preview. */
  private static Pipeline withoutAggregate() {
    return new Pipeline(
        "counting",
        "counting",
        "",
        2,
        List.of(),
        List.of(
            withPreview().nodes().get(0),
            Node.of("big", "filter", Map.of("condition", "amount > 10")),
            Node.of("peek", "preview-sink", Map.of())),
        List.of(Edge.of("events", "big"), Edge.of("big", "peek")));
  }

  /** Reads the preview until its last count per key equals {@code until} or the wait ends. */
  private static Map<String, Long> previewCounts(ResultStream stream, Map<String, Long> until)
      throws InterruptedException {
    Map<String, Long> last = new TreeMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!last.equals(until) && System.nanoTime() < deadline) {
      for (ResultRow r : stream.poll(Duration.ofMillis(200), 1000)) {
        String k = String.valueOf(r.get("k"));
        if (!Events.END.equals(k) && !r.kind().startsWith("-")) {
          last.put(k, ((Number) r.get("n")).longValue());
        }
      }
    }
    return last;
  }

  private static Collection<OperatorState> operators(String savepoint) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(savepoint).resolve("_metadata"))) {
      return Checkpoints.loadCheckpointMetadata(
              new DataInputStream(in), PreviewResumeIT.class.getClassLoader(), savepoint)
          .getOperatorStates();
    }
  }

  private static List<String> ids(Collection<OperatorState> states) {
    return states.stream().map(s -> s.getOperatorID().toString()).collect(Collectors.toList());
  }
}
