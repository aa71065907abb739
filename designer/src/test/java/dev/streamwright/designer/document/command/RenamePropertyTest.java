package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.runtime.model.Node;
import org.junit.jupiter.api.Test;

class RenamePropertyTest {

  private final PipelineDocument document = new PipelineDocument(chain());

  private Node f1() {
    return document.pipeline().node("f1").orElseThrow();
  }

  @Test
  void theValueMovesToTheNewKeyAsOneUndoableEdit() throws Exception {
    document.execute(SetProperty.of("f1", "conditon", "x > 1"));

    document.execute(new RenameProperty("f1", "conditon", "condition"));

    assertThat(f1().properties()).containsEntry("condition", "x > 1").doesNotContainKey("conditon");
    document.undo();
    assertThat(f1().properties()).containsEntry("conditon", "x > 1").doesNotContainKey("condition");
  }

  @Test
  void aValueAlreadyUnderTheNewKeyIsNeverOverwritten() throws Exception {
    document.execute(SetProperty.of("f1", "conditon", "x > 1"));
    document.execute(SetProperty.of("f1", "condition", "x > 2"));

    assertThatThrownBy(() -> document.execute(new RenameProperty("f1", "conditon", "condition")))
        .isInstanceOf(CommandRefused.class)
        .hasMessageContaining("already has 'condition'");
    assertThat(f1().properties()).containsEntry("condition", "x > 2");
  }

  @Test
  void theEditMenuNamesBothKeys() {
    assertThat(new RenameProperty("f1", "conditon", "condition").description())
        .isEqualTo("Rename property 'conditon' of 'f1' to 'condition'");
  }
}
