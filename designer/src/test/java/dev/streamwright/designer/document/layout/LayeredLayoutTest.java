package dev.streamwright.designer.document.layout;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

  private final LayeredLayout layout = new LayeredLayout();

  private static Position at(double column, double row) {
    return new Position(
        80 + column * LayeredLayout.COLUMN_SPACING, 80 + row * LayeredLayout.ROW_SPACING);
  }

  @Test
  void aChainIsLaidOutLeftToRightInOneRow() {
    Map<String, Position> p = layout.positions(chain());

    assertThat(p)
        .containsEntry("src", at(0, 0))
        .containsEntry("f1", at(1, 0))
        .containsEntry("out", at(2, 0));
  }

  @Test
  void aNodeSitsOneColumnRightOfItsFurthestInput() {
    Pipeline p =
        pipeline()
            .node("a", "src")
            .node("b", "pass")
            .node("c", "pass")
            .node("j", "join")
            .edge("a", "b")
            .edge("b", "c")
            .edge("a", "out", "j", "left")
            .edge("c", "out", "j", "right")
            .build();

    assertThat(layout.positions(p).get("j").x()).isEqualTo(at(3, 0).x());
  }

  @Test
  void shorterColumnsAreCentredAgainstTheTallest() {
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("a", "any-sink")
            .node("b", "any-sink")
            .edge("src", "a")
            .edge("src", "b")
            .build();

    Map<String, Position> positions = layout.positions(p);

    assertThat(positions)
        .containsEntry("src", at(0, 0.5))
        .containsEntry("a", at(1, 0))
        .containsEntry("b", at(1, 1));
  }

  @Test
  void sourcesKeepTheirTopToBottomOrderAndLaterNodesFollowTheirInputs() {
    // Ids sort the other way round, so only positions and inputs can give this order.
    Pipeline p =
        pipeline()
            .node("z", "src", 0, 0)
            .node("a", "src", 0, 500)
            .node("x_join", "join")
            .node("sink_a", "any-sink")
            .edge("z", "out", "x_join", "left")
            .edge("a", "out", "x_join", "right")
            .edge("a", "sink_a")
            .build();

    Map<String, Position> positions = layout.positions(p);

    assertThat(positions.get("z").y()).isLessThan(positions.get("a").y());
    assertThat(positions.get("x_join").y()).isLessThan(positions.get("sink_a").y());
  }

  @Test
  void disconnectedPartsAreStackedBelowEachOther() {
    Pipeline p =
        pipeline()
            .node("a", "src", 0, 0)
            .node("a_out", "any-sink")
            .node("b", "src", 0, 300)
            .node("b_out", "any-sink")
            .edge("a", "a_out")
            .edge("b", "b_out")
            .build();

    Map<String, Position> positions = layout.positions(p);

    assertThat(positions.get("a")).isEqualTo(at(0, 0));
    assertThat(positions.get("b")).isEqualTo(at(0, 1.5));
    assertThat(positions.get("b_out")).isEqualTo(at(1, 1.5));
  }

  @Test
  void aPipelineWithACycleStillGetsEveryNodePlaced() {
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("a", "join")
            .node("b", "pass")
            .edge("src", "out", "a", "left")
            .edge("a", "b")
            .edge("b", "out", "a", "right")
            .build();

    Map<String, Position> positions = layout.positions(p);

    assertThat(positions).containsOnlyKeys("src", "a", "b");
    assertThat(positions.get("a").x()).isLessThan(positions.get("b").x());
  }

  @Test
  void edgesToMissingNodesAreIgnored() {
    Pipeline p = pipeline().node("src", "src").edge("src", "gone").edge("ghost", "src").build();

    assertThat(layout.positions(p)).containsExactly(Map.entry("src", at(0, 0)));
  }

  @Test
  void theOrderOfTheNodeListDoesNotMatter() {
    Pipeline p = generated(60, 7);
    List<Node> shuffled = new ArrayList<>(p.nodes());
    Collections.shuffle(shuffled, new Random(3));
    Pipeline same = new Pipeline(p.id(), p.name(), "", 1, List.of(), shuffled, p.edges());

    assertThat(layout.positions(same)).isEqualTo(layout.positions(p));
  }

  @Test
  void customSpacingIsUsed() {
    Map<String, Position> p = new LayeredLayout(300, 200).positions(chain());

    assertThat(p.get("out")).isEqualTo(new Position(680, 80));
  }

  @Test
  void layoutOf500NodesIsDeterministicAndOverlapFree() {
    Pipeline p = generated(500, 42);

    Map<String, Position> first =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> layout.positions(p));
    Map<String, Position> second = layout.positions(p);

    assertThat(first).hasSize(500).isEqualTo(second);
    assertNoOverlap(first);
  }

  @Test
  void layoutOf5000NodesStaysFast() {
    Pipeline p = generated(5000, 5);

    Map<String, Position> positions =
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> layout.positions(p));

    assertThat(positions).hasSize(5000);
    assertNoOverlap(positions);
  }

  /** No two nodes closer than one grid step in both directions. */
  private static void assertNoOverlap(Map<String, Position> positions) {
    List<Position> sorted = new ArrayList<>(positions.values());
    sorted.sort(Comparator.comparingDouble(Position::x).thenComparingDouble(Position::y));
    for (int i = 1; i < sorted.size(); i++) {
      Position a = sorted.get(i - 1);
      Position b = sorted.get(i);
      if (a.x() == b.x()) {
        assertThat(b.y() - a.y())
            .as("gap between %s and %s", a, b)
            .isGreaterThanOrEqualTo(LayeredLayout.ROW_SPACING);
      } else {
        assertThat(b.x() - a.x())
            .as("gap between %s and %s", a, b)
            .isGreaterThanOrEqualTo(LayeredLayout.COLUMN_SPACING);
      }
    }
  }

  /**
   * A random pipeline of several flows: sources feed passes, some passes merge through joins, all
   * at made-up positions.
   */
  static Pipeline generated(int size, long seed) {
    Random random = new Random(seed);
    Pipelines b = pipeline();
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String id = "n" + i;
      double x = random.nextInt(2000);
      double y = random.nextInt(2000);
      if (outputs.isEmpty() || random.nextInt(10) == 0) {
        b.node(id, "src", x, y);
      } else if (random.nextInt(6) == 0 && outputs.size() > 1) {
        b.node(id, "join", x, y);
        b.edge(outputs.remove(random.nextInt(outputs.size())), "out", id, "left");
        b.edge(outputs.get(random.nextInt(outputs.size())), "out", id, "right");
      } else {
        b.node(id, "pass", x, y);
        b.edge(outputs.get(random.nextInt(outputs.size())), id);
      }
      outputs.add(id);
      if (outputs.size() > 40) {
        outputs.remove(0);
      }
    }
    return b.build();
  }
}
