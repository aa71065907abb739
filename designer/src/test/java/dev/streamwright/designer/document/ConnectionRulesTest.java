package dev.streamwright.designer.document;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionRulesTest {

  private static final NodeTypeRegistry TYPES = TestNodeTypes.registry();

  /** src -> agg (a changelog), and two unconnected sinks. */
  private static final Pipeline UPDATES =
      pipeline()
          .node("src", "src")
          .node("agg", "agg")
          .node("file", "sink")
          .node("preview", "any-sink")
          .edge("src", "agg")
          .build();

  private static Optional<String> whyNot(Pipeline p, Edge edge) {
    return ConnectionRules.whyNot(p, null, TYPES, edge);
  }

  @Test
  void aFreeInputOfAnotherNodeMayBeConnected() {
    Pipeline p = pipeline().node("src", "src").node("f1", "pass").build();

    assertThat(whyNot(p, Edge.of("src", "f1"))).isEmpty();
  }

  @Test
  void connectingANodeToItselfIsRefused() {
    assertThat(whyNot(chain(), Edge.of("f1", "f1")))
        .contains("a node cannot feed itself; connect 'f1' to another node");
  }

  @Test
  void connectingIntoOccupiedPortIsRefusedWithReason() {
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("src2", "src")
            .node("f1", "pass")
            .edge("src", "f1")
            .build();

    assertThat(whyNot(p, Edge.of("src2", "f1")))
        .contains("input 'in' of 'f1' already has an edge from 'src'; remove it first");
  }

  @Test
  void drawingAnExistingEdgeAgainIsRefused() {
    assertThat(whyNot(chain(), Edge.of("src", "f1")))
        .contains("'src' is already connected to input 'in' of 'f1'");
  }

  @Test
  void theSecondInputOfAJoinIsFreeWhenTheFirstIsTaken() {
    Pipeline p =
        pipeline()
            .node("a", "src")
            .node("b", "src")
            .node("j", "join")
            .edge("a", "out", "j", "left")
            .build();

    assertThat(whyNot(p, new Edge("b", "out", "j", "right"))).isEmpty();
  }

  @Test
  void connectionThatWouldCreateACycleIsRefused() {
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("a", "pass")
            .node("b", "pass")
            .node("j", "join")
            .edge("src", "out", "j", "left")
            .edge("j", "a")
            .edge("a", "b")
            .build();

    assertThat(whyNot(p, new Edge("b", "out", "j", "right")))
        .contains("the edge would create a cycle: 'j' already feeds 'b'; rows must flow one way");
  }

  @Test
  void changelogIntoAnAppendOnlyInputIsRefusedWhenTheLastCompilationShowsUpdates() {
    Compilation last = new PipelineCompiler(TYPES).compile(UPDATES);

    assertThat(ConnectionRules.whyNot(UPDATES, last, TYPES, Edge.of("agg", "file")))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .startsWith("'agg' produces updates to earlier rows (a changelog)")
                    .contains("input 'in' of 'file' takes append-only rows"));
  }

  @Test
  void changelogIntoAnInputThatTakesUpdatesIsAllowed() {
    Compilation last = new PipelineCompiler(TYPES).compile(UPDATES);

    assertThat(ConnectionRules.whyNot(UPDATES, last, TYPES, Edge.of("agg", "preview"))).isEmpty();
  }

  @Test
  void withoutACompilationTheChangelogRuleCannotRefuse() {
    assertThat(whyNot(UPDATES, Edge.of("agg", "file"))).isEmpty();
  }

  @Test
  void theStringFormTakesNodesAndPortsSeparately() {
    assertThat(ConnectionRules.whyNot(chain(), null, TYPES, "f1", "out", "f1", "in"))
        .contains("a node cannot feed itself; connect 'f1' to another node");
  }

  @Test
  void anUnknownOutputPortIsRefusedNamingTheRealOnes() {
    Pipeline p = pipeline().node("v", "split").node("out", "any-sink").build();

    assertThat(whyNot(p, new Edge("v", "errors", "out", "in")))
        .contains("'v' has no output 'errors'; its outputs: out, rejected");
  }

  @Test
  void anUnknownInputPortIsRefusedNamingTheRealOnes() {
    Pipeline p = pipeline().node("src", "src").node("j", "join").build();

    assertThat(whyNot(p, new Edge("src", "out", "j", "middle")))
        .contains("'j' has no input 'middle'; its inputs: left, right");
  }

  @Test
  void sinksHaveNoOutputsToConnectFrom() {
    assertThat(whyNot(chain(), Edge.of("out", "f1")))
        .contains("'out' has no outputs: rows end there");
  }

  @Test
  void sourcesTakeNoInputs() {
    Pipeline p = pipeline().node("a", "src").node("b", "src").build();

    assertThat(whyNot(p, Edge.of("a", "b")))
        .contains("'b' takes no inputs: it is where rows start");
  }

  @Test
  void aNodeOfAnUnknownTypeCannotBeConnected() {
    Pipeline p = pipeline().node("src", "src").node("m", "onnx-score").build();

    assertThat(whyNot(p, Edge.of("src", "m")))
        .contains(
            "'m' has the unknown type 'onnx-score', so its ports are unknown; install the plugin"
                + " that provides it");
  }

  @Test
  void aNodeThatIsGoneCannotBeConnected() {
    assertThat(whyNot(chain(), Edge.of("src", "gone"))).contains("node 'gone' no longer exists");
  }
}
