package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddNodeTest {

  private final PipelineDocument document = new PipelineDocument(chain());

  @Test
  void addedNodeGetsAnIdAfterItsTypeAtTheDropPosition() throws Exception {
    AddNode add = AddNode.of(document.pipeline(), TestNodeTypes.type("pass"), new Position(10, 20));

    document.execute(add);

    Node node = document.pipeline().node(add.nodeId()).orElseThrow();
    assertThat(node.id()).isEqualTo("pass_1");
    assertThat(node.type()).isEqualTo("pass");
    assertThat(node.position()).isEqualTo(new Position(10, 20));
  }

  @Test
  void addingTwoNodesOfOneTypeGivesDistinctIds() throws Exception {
    AddNode first = AddNode.of(document.pipeline(), TestNodeTypes.type("pass"), Position.ORIGIN);
    document.execute(first);
    AddNode second = AddNode.of(document.pipeline(), TestNodeTypes.type("pass"), Position.ORIGIN);
    document.execute(second);

    assertThat(first.nodeId()).isEqualTo("pass_1");
    assertThat(second.nodeId()).isEqualTo("pass_2");
  }

  @Test
  void addNodeDescriptionNamesTheTypeAndTheId() {
    AddNode add = AddNode.of(document.pipeline(), TestNodeTypes.type("agg"), Position.ORIGIN);

    assertThat(add.description()).isEqualTo("Add Aggregate 'agg_1'");
  }

  @Test
  void addedNodeCarriesItsInitialProperties() throws Exception {
    AddNode add =
        AddNode.of(
            document.pipeline(),
            TestNodeTypes.type("pass"),
            Position.ORIGIN,
            Map.of("condition", "x > 1"));

    Pipeline after = add.apply(document.pipeline());

    assertThat(after.node("pass_1").orElseThrow().properties()).containsEntry("condition", "x > 1");
  }

  @Test
  void addingANodeWhoseIdIsTakenIsRefused() {
    AddNode add = new AddNode(Node.of("f1", "pass", Map.of()), "Pass");

    assertThatThrownBy(() -> document.execute(add))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("a node with id 'f1' already exists; give the new node another id");
  }

  @Test
  void undoRemovesTheAddedNode() throws Exception {
    document.execute(AddNode.of(document.pipeline(), TestNodeTypes.type("src"), Position.ORIGIN));

    document.undo();

    assertThat(document.pipeline()).isEqualTo(chain());
  }
}
