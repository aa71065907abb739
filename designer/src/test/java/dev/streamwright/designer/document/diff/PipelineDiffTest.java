package dev.streamwright.designer.document.diff;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PipelineDiffTest {

  private static final Pipeline OLD =
      chain()
          .withNode(
              chain()
                  .node("f1")
                  .orElseThrow()
                  .withProperty("condition", "x > 1")
                  .withProperty("keys", List.of("a")));

  private static Pipeline changeF1(UnaryOperator<Node> change) {
    return OLD.withNode(change.apply(OLD.node("f1").orElseThrow()));
  }

  @Test
  void identicalPipelinesHaveNoDiff() {
    PipelineDiff diff = PipelineDiff.between(OLD, OLD);

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.text()).isEqualTo("No changes.\n");
  }

  @Test
  void diffReportsAddedAndRemovedNodes() {
    Pipeline newer = OLD.withoutNode("out").withNode(Node.of("p2", "any-sink", Map.of()));

    PipelineDiff diff = PipelineDiff.between(OLD, newer);

    assertThat(diff.nodesAdded()).extracting(Node::id).containsExactly("p2");
    assertThat(diff.nodesRemoved()).extracting(Node::id).containsExactly("out");
    assertThat(diff.edgesRemoved()).containsExactly(Edge.of("f1", "out"));
  }

  @Test
  void diffReportsChangedPropertyWithOldAndNewValue() {
    Pipeline newer = changeF1(n -> n.withProperty("condition", "x > 2"));

    PipelineDiff diff = PipelineDiff.between(OLD, newer);

    assertThat(diff.nodesChanged())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.nodeId()).isEqualTo("f1");
              assertThat(c.properties())
                  .containsExactly(
                      new PropertyChange(
                          "condition", PropertyChange.Kind.CHANGED, "x > 1", "x > 2"));
            });
  }

  @Test
  void diffReportsAddedAndRemovedProperties() {
    Pipeline newer = changeF1(n -> n.withProperty("keys", null).withProperty("limit", 10));

    PipelineDiff diff = PipelineDiff.between(OLD, newer);

    assertThat(diff.nodesChanged().get(0).properties())
        .containsExactly(
            new PropertyChange("keys", PropertyChange.Kind.REMOVED, List.of("a"), null),
            new PropertyChange("limit", PropertyChange.Kind.ADDED, null, 10L));
  }

  @Test
  void diffReportsAddedAndRemovedEdges() {
    Pipeline newer = OLD.withoutEdge(Edge.of("f1", "out")).withEdge(Edge.of("src", "out"));

    PipelineDiff diff = PipelineDiff.between(OLD, newer);

    assertThat(diff.edgesAdded()).containsExactly(Edge.of("src", "out"));
    assertThat(diff.edgesRemoved()).containsExactly(Edge.of("f1", "out"));
  }

  @Test
  void diffReportsNameDescriptionAndTagChanges() {
    Pipeline newer =
        new Pipeline(
            OLD.id(), "Orders", "Counts orders", 2, List.of("prod"), OLD.nodes(), OLD.edges());

    PipelineDiff diff = PipelineDiff.between(OLD, newer);

    assertThat(diff.name()).isEqualTo(new ValueChange("Test", "Orders"));
    assertThat(diff.description()).isEqualTo(new ValueChange("", "Counts orders"));
    assertThat(diff.tagsAdded()).containsExactly("prod");
    assertThat(diff.tagsRemoved()).isEmpty();
  }

  @Test
  void diffReportsARenamedNode() {
    PipelineDiff diff = PipelineDiff.between(OLD, changeF1(n -> n.withName("Big orders")));

    assertThat(diff.nodesChanged().get(0).name()).isEqualTo(new ValueChange("f1", "Big orders"));
  }

  @Test
  void aMovedNodeIsReportedAsMovedOnly() {
    PipelineDiff diff =
        PipelineDiff.between(OLD, changeF1(n -> n.withPosition(new Position(1, 1))));

    NodeChange change = diff.nodesChanged().get(0);
    assertThat(change.moved()).isTrue();
    assertThat(change.changesContent()).isFalse();
    assertThat(diff.text()).isEqualTo("~ node f1: moved\n");
  }

  @Test
  void diffTextPutsEveryChangeOnItsOwnLine() {
    Pipeline newer =
        new Pipeline(
                OLD.id(),
                "Orders",
                OLD.description(),
                OLD.version(),
                List.of("prod"),
                OLD.nodes(),
                OLD.edges())
            .withNode(
                OLD.node("f1")
                    .orElseThrow()
                    .withName("Big")
                    .withProperty("condition", "x > 2")
                    .withProperty("keys", null)
                    .withProperty("limit", 10)
                    .withPosition(new Position(3, 3)))
            .withNode(Node.of("p2", "any-sink", Map.of()))
            .withEdge(Edge.of("f1", "p2"))
            .withoutNode("out");

    String text = PipelineDiff.between(OLD, newer).text();

    assertThat(text)
        .isEqualTo(
            """
            Name: "Test" -> "Orders"
            + tag prod
            + node p2 (any-sink)
            - node out (sink)
            ~ node f1 (moved)
              name: "f1" -> "Big"
              condition: "x > 1" -> "x > 2"
              - keys (was ["a"])
              + limit = 10
            + edge f1.out -> p2.in
            - edge f1.out -> out.in
            """);
  }

  @Test
  void longValuesAreCutInTheText() {
    String query = "SELECT " + "very_long_column_name, ".repeat(20) + "x FROM t";
    Pipeline newer = changeF1(n -> n.withProperty("condition", query));

    String line = PipelineDiff.between(OLD, newer).text().lines().toList().get(1);

    assertThat(line).startsWith("  condition: \"x > 1\" -> \"SELECT very_long").endsWith("...");
    assertThat(line.length()).isLessThan(160);
  }

  @Test
  void nestedValuesReadLikeThePipelineFile() {
    Pipeline newer =
        changeF1(n -> n.withProperty("columns", List.of(Map.of("name", "a", "max", 20))));

    assertThat(PipelineDiff.between(OLD, newer).text())
        .contains("+ columns = [{max: 20, name: \"a\"}]");
  }
}
