package dev.streamwright.designer.document;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.command.RenameNode;
import dev.streamwright.designer.document.command.SetProperty;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeCommandTest {

  @Test
  void compositeAppliesItsStepsInOrderAsOneUndoStep() throws Exception {
    PipelineDocument document = new PipelineDocument(chain());
    Command both =
        new CompositeCommand(
            "Make 'f1' a big-order filter",
            List.of(
                new RenameNode("f1", "Big orders"), SetProperty.of("f1", "condition", "x > 100")));

    document.execute(both);

    assertThat(document.pipeline().node("f1").orElseThrow().name()).isEqualTo("Big orders");
    assertThat(document.undoDescription()).contains("Make 'f1' a big-order filter");
    document.undo();
    assertThat(document.pipeline()).isEqualTo(chain());
    assertThat(document.canUndo()).isFalse();
  }

  @Test
  void compositeIsRefusedWholeWhenAnyStepIsRefused() {
    Pipeline before = chain();
    Command command =
        new CompositeCommand(
            "Rename two", List.of(new RenameNode("f1", "A"), new RenameNode("gone", "B")));

    assertThatThrownBy(() -> command.apply(before))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("node 'gone' no longer exists");
  }
}
