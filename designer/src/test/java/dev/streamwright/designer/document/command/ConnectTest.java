package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import org.junit.jupiter.api.Test;

class ConnectTest {

  private static final Pipeline LOOSE =
      pipeline().node("src", "src").node("v", "split").node("dlq", "any-sink").build();

  @Test
  void connectAddsTheEdge() throws Exception {
    Pipeline after = new Connect(Edge.of("src", "v"), TestNodeTypes.registry(), null).apply(LOOSE);

    assertThat(after.edges()).containsExactly(Edge.of("src", "v"));
  }

  @Test
  void connectingIntoAnOccupiedPortIsRefusedWithTheReason() throws Exception {
    PipelineDocument document = new PipelineDocument(LOOSE);
    document.execute(new Connect(Edge.of("src", "v"), TestNodeTypes.registry(), null));

    assertThatThrownBy(
            () ->
                document.execute(
                    new Connect(
                        new Edge("v", "rejected", "v", "in"), TestNodeTypes.registry(), null)))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("a node cannot feed itself; connect 'v' to another node");
    assertThatThrownBy(
            () ->
                document.execute(new Connect(Edge.of("dlq", "v"), TestNodeTypes.registry(), null)))
        .hasMessage("'dlq' has no outputs: rows end there");
  }

  @Test
  void connectDescriptionNamesPortsOnlyWhenTheyAreNotTheUsualOnes() {
    assertThat(new Connect(Edge.of("src", "v"), TestNodeTypes.registry(), null).description())
        .isEqualTo("Connect 'src' to 'v'");
    assertThat(
            new Connect(new Edge("v", "rejected", "dlq", "in"), TestNodeTypes.registry(), null)
                .description())
        .isEqualTo("Connect 'v' (rejected) to 'dlq'");
  }
}
