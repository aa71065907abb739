package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.runtime.model.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoveNodesTest {

  @Test
  void aDragOfSeveralNodesIsOneUndoStep() throws Exception {
    PipelineDocument document = new PipelineDocument(chain());

    document.execute(new MoveNodes(Map.of("src", new Position(5, 5), "f1", new Position(300, 50))));

    assertThat(document.pipeline().node("src").orElseThrow().position())
        .isEqualTo(new Position(5, 5));
    assertThat(document.pipeline().node("f1").orElseThrow().position())
        .isEqualTo(new Position(300, 50));
    document.undo();
    assertThat(document.pipeline()).isEqualTo(chain());
  }

  @Test
  void moveKeepsTheNodeOrder() throws Exception {
    var after = new MoveNodes(Map.of("src", new Position(5, 5))).apply(chain());

    assertThat(after.nodes()).extracting("id").containsExactly("src", "f1", "out");
  }

  @Test
  void moveDescriptionNamesOneNodeAndCountsSeveral() {
    assertThat(new MoveNodes(Map.of("f1", Position.ORIGIN)).description()).isEqualTo("Move 'f1'");
    assertThat(
            new MoveNodes(Map.of("a", Position.ORIGIN, "b", Position.ORIGIN, "c", Position.ORIGIN))
                .description())
        .isEqualTo("Move 3 nodes");
  }

  @Test
  void movingANodeThatIsGoneIsRefused() {
    assertThatThrownBy(() -> new MoveNodes(Map.of("gone", Position.ORIGIN)).apply(chain()))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("node 'gone' no longer exists");
  }
}
