package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTest {

  private static NodeHarness project(Object... columns) {
    return NodeHarness.of(new Project())
        .input(NodeHarness.clicks())
        .set("columns", List.of(columns));
  }

  @Test
  void inferredTypesBecomeTheOutputSchema() {
    NodeHarness h =
        project(
            row("name", "user", "expression", "UPPER(user_id)"),
            row("name", "total", "expression", "amount * quantity"));
    assertThat(h.derive().columns()).containsExactly("user STRING", "total DOUBLE");
  }

  @Test
  void declaredTypeIsUsedWhenOnlyThePlannerKnowsTheType() {
    NodeHarness h = project(row("name", "score", "expression", "my_udf(amount)", "type", "double"));
    assertThat(h.derive().columns()).containsExactly("score DOUBLE");
  }

  @Test
  void typeOnlyThePlannerKnowsIsAWarningSuggestingToDeclareIt() {
    NodeHarness h = project(row("name", "score", "expression", "my_udf(amount)"));
    assertThat(h.derive().onlyWarning("columns"))
        .contains("column 1 'score'")
        .contains("set the column's type");
    assertThat(h.derive().outputs().get("out").columns().get(0).type()).isEqualTo("UNKNOWN");
  }

  @Test
  void declaredTypeThatDiffersFromTheInferredOneIsIgnoredWithAWarning() {
    NodeHarness h = project(row("name", "n", "expression", "quantity + 1", "type", "BIGINT"));
    assertThat(h.derive().onlyWarning("columns"))
        .contains("the expression is INT")
        .contains("CAST");
    assertThat(h.derive().outputs().get("out").columns().get(0).type()).isEqualTo("INT");
  }

  @Test
  void invalidDeclaredTypeIsAnError() {
    NodeHarness h = project(row("name", "x", "expression", "my_udf(1)", "type", "NUMBER"));
    assertThat(h.derive().onlyError("columns")).contains("'NUMBER' is not a Flink SQL type");
  }

  @Test
  void repeatedOutputNameIsAnError() {
    NodeHarness h =
        project(
            row("name", "a", "expression", "amount"), row("name", "A", "expression", "quantity"));
    assertThat(h.derive().onlyError("columns")).contains("column 2 'A'").contains("used twice");
  }

  @Test
  void nameOfAKeptInputColumnIsAnError() {
    NodeHarness h =
        project(row("name", "page", "expression", "UPPER(page)")).set("keepInput", true);
    assertThat(h.derive().onlyError("columns")).contains("the input has it too");
  }

  @Test
  void plainReferenceToTheEventTimeKeepsItAsEventTime() {
    NodeHarness h =
        project(
            row("name", "user_id", "expression", "user_id"),
            row("name", "ts", "expression", "`event_time`"));
    Schema out = h.derive().out();
    assertThat(out.eventTime()).isEqualTo("ts");
    assertThat(out.procTime()).isNull();
  }

  @Test
  void computedTimestampIsNoLongerTheEventTime() {
    NodeHarness h =
        project(
            row(
                "name",
                "ts",
                "expression",
                "event_time + INTERVAL '1' SECOND",
                "type",
                "TIMESTAMP(3)"));
    assertThat(h.derive().out().eventTime()).isNull();
  }

  @Test
  void plainReferenceToTheProcessingTimeKeepsItAsProcessingTime() {
    NodeHarness h = project(row("name", "pt", "expression", "proc_time"));
    assertThat(h.derive().out().procTime()).isEqualTo("pt");
  }

  @Test
  void keepInputPutsTheInputColumnsFirstWithTheirTimeAttributes() {
    NodeHarness h =
        project(row("name", "total", "expression", "amount * 2")).set("keepInput", true);
    Schema out = h.derive().out();
    assertThat(out.names()).endsWith("proc_time", "total").startsWith("user_id");
    assertThat(out.eventTime()).isEqualTo("event_time");
    assertThat(out.procTime()).isEqualTo("proc_time");
  }

  @Test
  void noColumnsWithoutKeepingTheInputIsAnError() {
    assertThat(project().derive().onlyError("columns")).contains("add at least one column");
  }

  @Test
  void expressionWithAnUnclosedBracketIsAnError() {
    NodeHarness h = project(row("name", "x", "expression", "ABS(amount"));
    assertThat(h.derive().onlyError("columns")).contains("never closed");
  }

  @Test
  void columnWithoutExpressionIsAnError() {
    NodeHarness h = project(row("name", "x"));
    assertThat(h.derive().onlyError("columns")).contains("column 1 'x' has no expression");
  }

  @Test
  void updatesFlowThrough() {
    NodeHarness h =
        NodeHarness.of(new Project())
            .input(NodeHarness.clicks().withUpdating(true))
            .set("columns", List.of(row("name", "a", "expression", "amount")));
    assertThat(h.derive().out().updating()).isTrue();
  }

  @Test
  void rendersOneSelectItemPerLine() {
    FakeRenderContext r =
        project(
                row("name", "total", "expression", "amount * quantity"),
                row("name", "user id", "expression", "user_id"))
            .set("keepInput", true)
            .render();
    assertThat(r.views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT
              *,
              amount * quantity AS `total`,
              user_id AS `user id`
            FROM `upstream_in`""");
  }
}
