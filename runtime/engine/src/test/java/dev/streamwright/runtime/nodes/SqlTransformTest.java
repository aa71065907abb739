package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTransformTest {

  private static NodeHarness query(String sql) {
    return NodeHarness.of(new SqlTransform())
        .input(NodeHarness.clicks())
        .set("query", sql)
        .set(
            "columns",
            List.of(row("name", "user_id", "type", "STRING"), row("name", "n", "type", "BIGINT")));
  }

  @Test
  void declaredColumnsBecomeTheOutputSchema() {
    Schema out = query("SELECT user_id, COUNT(*) AS n FROM {{in}} GROUP BY user_id").derive().out();
    assertThat(out.names()).containsExactly("user_id", "n");
    assertThat(out.updating()).isFalse();
  }

  @Test
  void updatingMarksTheOutputAsAChangelog() {
    NodeHarness h =
        query("SELECT user_id, COUNT(*) AS n FROM {{in}} GROUP BY user_id").set("updating", true);
    assertThat(h.derive().out().updating()).isTrue();
  }

  @Test
  void semicolonOutsideLiteralsIsAnError() {
    String message = query("SELECT * FROM {{in}}; DROP TABLE x").derive().onlyError("query");
    assertThat(message).contains("contains ';' at position 21");
  }

  @Test
  void semicolonInsideALiteralIsAllowed() {
    assertThat(query("SELECT user_id, 1 AS n FROM {{in}} WHERE page = 'a;b'").derive().reported())
        .isEmpty();
  }

  @Test
  void commentIsAnErrorBecauseItWouldSwallowTheStatementEnd() {
    assertThat(query("SELECT * FROM {{in}} -- all of it").derive().onlyError("query"))
        .contains("comment");
  }

  @Test
  void statementOtherThanAQueryIsAnError() {
    assertThat(query("INSERT INTO t SELECT * FROM {{in}}").derive().onlyError("query"))
        .contains("must be a query starting with SELECT, WITH or VALUES");
  }

  @Test
  void unclosedStringIsAnError() {
    assertThat(query("SELECT * FROM {{in}} WHERE page = 'home").derive().onlyError("query"))
        .contains("never closed");
  }

  @Test
  void unknownPlaceholderIsAnError() {
    assertThat(query("SELECT * FROM {{input}}").derive().onlyError("query"))
        .contains("{{input}}, which does not exist; the input is {{in}}");
  }

  @Test
  void queryThatDoesNotReadItsInputIsAWarning() {
    assertThat(query("SELECT 'a' AS user_id, 1 AS n").derive().onlyWarning("query"))
        .contains("does not read its input");
  }

  @Test
  void noDeclaredColumnsIsAnError() {
    NodeHarness h = query("SELECT * FROM {{in}}").set("columns", List.of());
    assertThat(h.derive().onlyError("columns")).contains("declare the columns");
  }

  @Test
  void eventTimeMustBeADeclaredTimestampColumn() {
    assertThat(query("SELECT * FROM {{in}}").set("eventTime", "n").derive().onlyError("eventTime"))
        .contains("'n' is BIGINT");
  }

  @Test
  void declaredEventTimeBecomesTheEventTime() {
    NodeHarness h =
        query("SELECT user_id, event_time FROM {{in}}")
            .set(
                "columns",
                List.of(
                    row("name", "user_id", "type", "STRING"),
                    row("name", "event_time", "type", "TIMESTAMP(3)")))
            .set("eventTime", "event_time");
    assertThat(h.derive().out().eventTime()).isEqualTo("event_time");
  }

  @Test
  void placeholderIsReplacedByTheInputButNotInsideLiterals() {
    FakeRenderContext r =
        query(
                "  SELECT user_id, COUNT(*) AS n\nFROM {{ in }}\nWHERE page <> '{{in}}'\nGROUP BY user_id ")
            .render();
    assertThat(r.views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT user_id, COUNT(*) AS n
            FROM `upstream_in`
            WHERE page <> '{{in}}'
            GROUP BY user_id""");
  }
}
