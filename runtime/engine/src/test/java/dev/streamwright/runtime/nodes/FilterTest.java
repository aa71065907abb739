package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import org.junit.jupiter.api.Test;

class FilterTest {

  private static NodeHarness filter(String condition) {
    return NodeHarness.of(new Filter()).input(NodeHarness.clicks()).set("condition", condition);
  }

  @Test
  void outputSchemaIsTheInputSchemaWithItsTimeAttributes() {
    assertThat(filter("amount > 100").derive().out()).isEqualTo(NodeHarness.clicks());
  }

  @Test
  void updatesFlowThrough() {
    Schema updating = NodeHarness.clicks().withUpdating(true);
    NodeHarness h = NodeHarness.of(new Filter()).input(updating).set("condition", "amount > 1");
    assertThat(h.derive().out().updating()).isTrue();
  }

  @Test
  void conditionThatIsNotBooleanIsAnError() {
    String message = filter("amount * 2").derive().onlyError("condition");
    assertThat(message).contains("is DOUBLE, not BOOLEAN");
  }

  @Test
  void conditionWithASemicolonIsAnError() {
    assertThat(filter("amount > 1; DROP TABLE x").derive().onlyError("condition")).contains("';'");
  }

  @Test
  void conditionWhoseTypeOnlyThePlannerKnowsIsAccepted() {
    assertThat(filter("my_udf(page)").derive().reported()).isEmpty();
  }

  @Test
  void emptyConditionIsAnError() {
    assertThat(filter(" ").derive().onlyError("condition")).contains("is empty");
  }

  @Test
  void rendersSelectWhereTheCondition() {
    assertThat(filter("amount > 100 AND page <> 'home'").render().views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT *
            FROM `upstream_in`
            WHERE (amount > 100 AND page <> 'home')""");
  }
}
