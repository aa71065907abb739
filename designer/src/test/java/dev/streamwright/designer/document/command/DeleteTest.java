package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteTest {

  private final PipelineDocument document = new PipelineDocument(chain());

  @Test
  void removingANodeRemovesTheEdgesTouchingIt() throws Exception {
    Pipeline after = new RemoveNodes(List.of("f1")).apply(chain());

    assertThat(after.node("f1")).isEmpty();
    assertThat(after.edges()).isEmpty();
    assertThat(after.nodes()).hasSize(2);
  }

  @Test
  void undoAfterDeleteRestoresNodeAndItsEdges() throws Exception {
    document.execute(new RemoveNodes(List.of("f1")));

    document.undo();

    assertThat(document.pipeline()).isEqualTo(chain());
  }

  @Test
  void removingANodeThatIsGoneIsRefused() {
    assertThatThrownBy(() -> new RemoveNodes(List.of("f1", "gone")).apply(chain()))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("node 'gone' no longer exists");
  }

  @Test
  void removeDescriptionNamesOneNodeAndCountsSeveral() {
    assertThat(new RemoveNodes(List.of("f1")).description()).isEqualTo("Delete 'f1'");
    assertThat(new RemoveNodes(List.of("f1", "src", "out")).description())
        .isEqualTo("Delete 3 nodes");
  }

  @Test
  void deletingASelectionRemovesItsNodesAndEdgesInOneUndoStep() throws Exception {
    Selection selection = Selection.ofNodes("out").with(Edge.of("src", "f1"));

    document.execute(new DeleteSelection(selection));

    assertThat(document.pipeline().nodes()).extracting("id").containsExactly("src", "f1");
    assertThat(document.pipeline().edges()).isEmpty();
    document.undo();
    assertThat(document.pipeline()).isEqualTo(chain());
    assertThat(document.canUndo()).isFalse();
  }

  @Test
  void aSelectedEdgeOfADeletedNodeIsNotDeletedTwice() throws Exception {
    Selection selection = Selection.ofNodes("f1").with(Edge.of("src", "f1"));

    Pipeline after = new DeleteSelection(selection).apply(chain());

    assertThat(after.edges()).isEmpty();
  }

  @Test
  void deleteSelectionDescriptionCountsNodesAndEdges() {
    Selection selection =
        Selection.ofNodes("f1", "out").with(Edge.of("a", "b")).with(Edge.of("b", "c"));

    assertThat(new DeleteSelection(selection).description())
        .isEqualTo("Delete 2 nodes and 2 edges");
    assertThat(new DeleteSelection(Selection.ofEdges(List.of(Edge.of("a", "b")))).description())
        .isEqualTo("Delete 1 edge");
  }

  @Test
  void disconnectRemovesOnlyTheEdge() throws Exception {
    Pipeline after = Disconnect.of(Edge.of("src", "f1")).apply(chain());

    assertThat(after.edges()).containsExactly(Edge.of("f1", "out"));
    assertThat(after.nodes()).hasSize(3);
  }

  @Test
  void disconnectingAnEdgeThatIsGoneIsRefused() {
    assertThatThrownBy(() -> Disconnect.of(Edge.of("src", "out")).apply(chain()))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("the edge src.out -> out.in no longer exists");
  }

  @Test
  void disconnectDescriptionNamesBothEnds() {
    assertThat(Disconnect.of(Edge.of("src", "f1")).description())
        .isEqualTo("Disconnect 'src' from 'f1'");
  }
}
