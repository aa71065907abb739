package dev.streamwright.designer.document;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.model.Edge;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void toggleAddsThenRemovesANode() {
    Selection once = Selection.empty().toggle("f1");
    assertThat(once.contains("f1")).isTrue();

    assertThat(once.toggle("f1").isEmpty()).isTrue();
  }

  @Test
  void toggleAddsThenRemovesAnEdge() {
    Edge edge = Edge.of("src", "f1");

    Selection once = Selection.empty().toggle(edge);

    assertThat(once.contains(edge)).isTrue();
    assertThat(once.toggle(edge).isEmpty()).isTrue();
  }

  @Test
  void selectAllHoldsEveryNodeAndEdge() {
    Selection all = Selection.all(chain());

    assertThat(all.nodes()).containsExactly("f1", "out", "src");
    assertThat(all.edges()).hasSize(2);
    assertThat(all.size()).isEqualTo(5);
  }

  @Test
  void retainExistingDropsNodesAndEdgesThePipelineNoLongerHas() {
    Selection selection =
        Selection.ofNodes("f1", "gone").with(Edge.of("src", "f1")).with(Edge.of("gone", "f1"));

    Selection kept = selection.retainExisting(chain());

    assertThat(kept.nodes()).containsExactly("f1");
    assertThat(kept.edges()).containsExactly(Edge.of("src", "f1"));
  }

  @Test
  void retainExistingKeepsTheSameValueWhenNothingIsGone() {
    Selection selection = Selection.ofNodes("f1");

    assertThat(selection.retainExisting(chain())).isSameAs(selection);
  }

  @Test
  void selectionCannotBeChangedFromOutside() {
    Selection selection = Selection.ofNodes("f1");

    assertThatThrownBy(() -> selection.nodes().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void selectionsWithTheSameContentAreEqual() {
    assertThat(Selection.ofNodes("b", "a")).isEqualTo(Selection.empty().with("a").with("b"));
  }
}
