package dev.streamwright.designer.document.command;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.layout.LayeredLayout;
import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEditsTest {

  private final PipelineDocument document = new PipelineDocument(chain());

  private Node f1() {
    return document.pipeline().node("f1").orElseThrow();
  }

  @Test
  void setPropertyStoresTheValue() throws Exception {
    document.execute(SetProperty.of("f1", "condition", "x > 1"));

    assertThat(f1().properties()).containsEntry("condition", "x > 1");
  }

  @Test
  void settingNullRemovesTheProperty() throws Exception {
    document.execute(SetProperty.of("f1", "condition", "x > 1"));

    document.execute(SetProperty.of("f1", "condition", null));

    assertThat(f1().properties()).doesNotContainKey("condition");
  }

  @Test
  void setPropertyDescriptionUsesTheLabelInASentence() {
    var spec = TestNodeTypes.type("pass").properties().get(0);

    assertThat(new SetProperty("f1", spec, "x > 1").description())
        .isEqualTo("Set condition of 'f1'");
    assertThat(new SetProperty("f1", spec, null).description())
        .isEqualTo("Clear condition of 'f1'");
    assertThat(SetProperty.of("f1", "SQL", "SELECT 1").description()).isEqualTo("Set SQL of 'f1'");
  }

  @Test
  void settingTheValueAPropertyAlreadyHasLeavesNoUndoStep() throws Exception {
    document.execute(SetProperty.of("f1", "rowsPerSecond", 5));

    // An int and the long the model stores it as are the same value.
    boolean changed = document.execute(SetProperty.of("f1", "rowsPerSecond", 5L));

    assertThat(changed).isFalse();
    assertThat(document.undoDescriptions()).hasSize(1);
  }

  @Test
  void listValuesAreStoredAsImmutableCopies() throws Exception {
    List<String> keys = new ArrayList<>(List.of("a"));
    document.execute(SetProperty.of("f1", "keys", keys));

    keys.add("b");

    assertThat(f1().properties()).containsEntry("keys", List.of("a"));
  }

  @Test
  void settingAPropertyOfANodeThatIsGoneIsRefused() {
    assertThatThrownBy(() -> SetProperty.of("gone", "condition", "x").apply(chain()))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("node 'gone' no longer exists");
  }

  @Test
  void renameChangesTheLabelButNotTheId() throws Exception {
    document.execute(new RenameNode("f1", "  Big orders "));

    assertThat(f1().name()).isEqualTo("Big orders");
    assertThat(document.undoDescription()).contains("Rename 'f1' to 'Big orders'");
  }

  @Test
  void aBlankNameShowsTheIdAgain() throws Exception {
    document.execute(new RenameNode("f1", "Big orders"));

    document.execute(new RenameNode("f1", " "));

    assertThat(f1().name()).isEqualTo("f1");
    assertThat(document.undoDescription()).contains("Reset the name of 'f1'");
  }

  @Test
  void autoLayoutIsOneUndoStepThatMovesEveryNode() throws Exception {
    Pipeline messy =
        new MoveNodes(
                Map.of(
                    "src", new Position(900, 900),
                    "out", new Position(-50, 3)))
            .apply(chain());
    document.replace(messy);

    document.execute(new AutoLayout());

    assertThat(document.pipeline().nodes())
        .extracting(n -> n.position().x())
        .containsExactly(
            80.0, 80 + LayeredLayout.COLUMN_SPACING, 80 + 2 * LayeredLayout.COLUMN_SPACING);
    assertThat(document.undoDescription()).contains("Auto-layout");
    document.undo();
    assertThat(document.pipeline()).isEqualTo(messy);
  }
}
