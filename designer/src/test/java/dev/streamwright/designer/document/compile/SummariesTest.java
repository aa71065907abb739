package dev.streamwright.designer.document.compile;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {

  private static final NodeTypeRegistry TYPES = TestNodeTypes.registry();

  private static Compilation compile(Pipeline p) {
    return new PipelineCompiler(TYPES).compile(p);
  }

  @Test
  void nodeSummaryShowsTypeNameColumnCountAndNoBadgeWhenAllIsWell() {
    Pipeline p = chain();

    NodeSummary f1 = NodeSummary.of(p.node("f1").orElseThrow(), TYPES, compile(p));

    assertThat(f1.typeName()).isEqualTo("Pass");
    assertThat(f1.outputColumns()).hasValue(2);
    assertThat(f1.columnsText()).isEqualTo("2 columns");
    assertThat(f1.hasProblems()).isFalse();
    assertThat(f1.badgeText()).isEmpty();
  }

  @Test
  void nodeSummaryCountsErrorsAndWarnings() {
    // f1 dangles and has a property its type does not know (two errors); f2 is warned.
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("f1", "pass", Map.of("bogus", 1))
            .node("out", "sink")
            .node("f2", "pass", Map.of("condition", "warn"))
            .edge("src", "f2")
            .edge("f2", "out")
            .build();

    Map<String, NodeSummary> all = NodeSummary.all(p, TYPES, compile(p));

    assertThat(all.get("f1").errors()).isEqualTo(2);
    assertThat(all.get("f1").badgeText()).isEqualTo("2 errors");
    assertThat(all.get("f2").warnings()).isEqualTo(1);
    assertThat(all.get("f2").errors()).isZero();
    assertThat(all.get("f2").badgeText()).isEqualTo("1 warning");
    assertThat(all.get("src").hasProblems()).isFalse();
  }

  @Test
  void theBadgeNamesErrorsAndWarningsTogether() {
    Pipeline p = chain();
    Compilation mixed =
        new Compilation(
            p,
            List.of(Problem.error("f1", null, "broken"), Problem.warning("f1", "condition", "odd")),
            Map.of(),
            null);

    assertThat(NodeSummary.of(p.node("f1").orElseThrow(), TYPES, mixed).badgeText())
        .isEqualTo("1 error, 1 warning");
  }

  @Test
  void allSummariesAreInPipelineOrder() {
    assertThat(NodeSummary.all(chain(), TYPES, compile(chain())).keySet())
        .containsExactly("src", "f1", "out");
  }

  @Test
  void beforeTheFirstCompileThereIsNoColumnCountAndNoBadge() {
    NodeSummary f1 = NodeSummary.of(chain().node("f1").orElseThrow(), TYPES, null);

    assertThat(f1.outputColumns()).isEmpty();
    assertThat(f1.columnsText()).isEmpty();
    assertThat(f1.hasProblems()).isFalse();
  }

  @Test
  void aSinkHasNoColumnCount() {
    NodeSummary out = NodeSummary.of(chain().node("out").orElseThrow(), TYPES, compile(chain()));

    assertThat(out.outputColumns()).isEmpty();
  }

  @Test
  void aNodeOfAnUnknownTypeSaysSo() {
    Pipeline p = pipeline().node("m", "onnx-score").build();

    NodeSummary m = NodeSummary.of(p.node("m").orElseThrow(), TYPES, compile(p));

    assertThat(m.knownType()).isFalse();
    assertThat(m.typeName()).isEqualTo("Unknown type 'onnx-score'");
    assertThat(m.errors()).isEqualTo(1);
  }

  @Test
  void edgeTooltipListsTheColumnsWithTypesAndTimeAttributes() {
    EdgeSummary edge = EdgeSummary.of(Edge.of("src", "f1"), compile(chain()));

    assertThat(edge.tooltip()).isEqualTo("2 columns\nx INT\nts TIMESTAMP(3) (event time)");
  }

  @Test
  void edgeTooltipSaysWhenTheRowsAreAChangelog() {
    Pipeline p =
        pipeline()
            .node("src", "src")
            .node("agg", "agg")
            .node("out", "any-sink")
            .edge("src", "agg")
            .edge("agg", "out")
            .build();

    assertThat(EdgeSummary.of(Edge.of("agg", "out"), compile(p)).tooltip())
        .startsWith("2 columns, changelog: rows update earlier rows\n");
  }

  @Test
  void edgeTooltipWithoutASchemaPointsUpstream() {
    EdgeSummary edge = EdgeSummary.of(Edge.of("src", "f1"), null);

    assertThat(edge.knownSchema()).isEmpty();
    assertThat(edge.tooltip())
        .isEqualTo("Schema not known yet: fix the problems upstream of 'src'");
  }

  @Test
  void aWideSchemaIsCutInTheTooltip() {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      columns.add(new Column("c" + i, "INT"));
    }

    String tooltip = new EdgeSummary(Edge.of("a", "b"), Schema.of(columns)).tooltip();

    assertThat(tooltip.lines()).hasSize(1 + EdgeSummary.MAX_LISTED_COLUMNS + 1);
    assertThat(tooltip).endsWith("\nc29 INT\n... and 15 more");
  }
}
