package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateTest {

  @SafeVarargs
  private static NodeHarness validate(Map<String, Object>... rules) {
    return NodeHarness.of(new Validate()).input(NodeHarness.clicks()).set("rules", List.of(rules));
  }

  @Test
  void describesItselfAsAQualityNodeWithValidAndRejectedOutputs() {
    Validate v = new Validate();
    assertThat(v.id()).isEqualTo("validate");
    assertThat(v.displayName()).isEqualTo("Validate");
    assertThat(v.category()).isEqualTo(NodeCategory.QUALITY);
    assertThat(v.inputs()).containsExactly(PortSpec.appendOnlyInput("in"));
    assertThat(v.outputs().stream().map(PortSpec::id)).containsExactly("valid", "rejected");
  }

  @Test
  void validIsTheInputAndRejectedAddsTheReasonKeepingTimeAttributes() {
    NodeHarness.Derived d = validate(row("column", "user_id", "rule", "not-null")).derive();
    assertThat(d.errors()).isEmpty();
    Schema input = NodeHarness.clicks();
    assertThat(d.outputs().get("valid")).isEqualTo(input);
    List<Column> columns = new ArrayList<>(input.columns());
    columns.add(new Column("dlq_reason", "STRING"));
    assertThat(d.outputs().get("rejected"))
        .isEqualTo(new Schema(columns, "event_time", "proc_time", false));
  }

  private static String onlyError(NodeHarness h) {
    NodeHarness.Derived d = h.derive();
    assertThat(d.errors()).as("errors").hasSize(1);
    assertThat(d.errors().get(0).property()).isEqualTo("rules");
    assertThat(d.outputs()).isEmpty();
    return d.errors().get(0).message();
  }

  @Test
  void noRulesIsAnError() {
    assertThat(onlyError(validate())).contains("add at least one rule");
  }

  @Test
  void unknownColumnNamesTheRuleAndListsTheColumns() {
    String message = onlyError(validate(row("column", "amout", "rule", "not-null")));
    assertThat(message)
        .startsWith("rule 1 'amout': 'amout' is not a column of the input")
        .contains("user_id STRING, page STRING, amount DOUBLE");
  }

  @Test
  void unknownRuleIsAnError() {
    assertThat(onlyError(validate(row("column", "page", "rule", "unique"))))
        .contains("'unique' is not a rule; choose one of: not-null, range, allowed, regex");
  }

  @Test
  void rangeOnAStringColumnIsAnError() {
    assertThat(onlyError(validate(row("column", "page", "rule", "range", "min", 0L))))
        .contains("rule 1 'page': a range only applies to numeric columns")
        .contains("is STRING");
  }

  @Test
  void rangeWithoutBoundsIsAnError() {
    assertThat(onlyError(validate(row("column", "amount", "rule", "range"))))
        .contains("needs min, max or both");
  }

  @Test
  void rangeWithMinAboveMaxIsAnError() {
    assertThat(onlyError(validate(row("column", "amount", "rule", "range", "min", 10L, "max", 1L))))
        .contains("min 10 is greater than max 1");
  }

  @Test
  void regexOnANumericColumnIsAnError() {
    assertThat(onlyError(validate(row("column", "amount", "rule", "regex", "pattern", "^1"))))
        .contains("a regex only applies to string columns");
  }

  @Test
  void regexThatDoesNotCompileIsAnError() {
    assertThat(onlyError(validate(row("column", "page", "rule", "regex", "pattern", "([a-z"))))
        .contains("not a valid regular expression");
  }

  @Test
  void regexWithoutPatternIsAnError() {
    assertThat(onlyError(validate(row("column", "page", "rule", "regex"))))
        .contains("set the pattern");
  }

  @Test
  void allowedWithoutValuesIsAnError() {
    assertThat(onlyError(validate(row("column", "page", "rule", "allowed"))))
        .contains("list the allowed values");
  }

  @Test
  void allowedTextOnANumericColumnIsAnError() {
    assertThat(onlyError(validate(row("column", "quantity", "rule", "allowed", "values", "1,x"))))
        .contains("'x' is not a number");
  }

  @Test
  void everyBadRuleIsReported() {
    NodeHarness.Derived d =
        validate(
                row("column", "nope", "rule", "not-null"),
                row("column", "page", "rule", "range", "max", 1L))
            .derive();
    assertThat(d.errors()).hasSize(2);
    assertThat(d.errors().get(1).message()).startsWith("rule 2 'page'");
  }

  @Test
  void inputWithADlqReasonColumnIsAnError() {
    Schema input =
        Schema.of(List.of(new Column("id", "BIGINT"), new Column("dlq_reason", "STRING")));
    NodeHarness.Derived d =
        NodeHarness.of(new Validate())
            .input(input)
            .set("rules", List.of(row("column", "id", "rule", "not-null")))
            .derive();
    assertThat(d.errors()).hasSize(1);
    assertThat(d.errors().get(0).message()).contains("already has a column 'dlq_reason'");
  }

  @Test
  void rendersValidAndRejectedViewsWithNullSafeRulesAndReasons() {
    FakeRenderContext r =
        validate(
                row("column", "user_id", "rule", "not-null"),
                row("column", "amount", "rule", "range", "min", 0L, "max", 100000.0),
                row("column", "page", "rule", "allowed", "values", "home, cart,it's"),
                row("column", "quantity", "rule", "allowed", "values", "1,2.50"),
                row("column", "user_id", "rule", "regex", "pattern", "^u[0-9]+$"),
                row("column", "price", "rule", "range", "min", "-0.5"))
            .render();
    String rules =
        """
        COALESCE(`user_id` IS NOT NULL, FALSE)
          AND COALESCE((`amount` >= 0 AND `amount` <= 100000), FALSE)
          AND COALESCE((`page` = 'home' OR `page` = 'cart' OR `page` = 'it''s'), FALSE)
          AND COALESCE((`quantity` = 1 OR `quantity` = 2.5), FALSE)
          AND COALESCE(REGEXP(`user_id`, '^u[0-9]+$'), FALSE)
          AND COALESCE(`price` >= -0.5, FALSE)""";
    assertThat(r.views)
        .containsExactly(
            "CREATE TEMPORARY VIEW `node1__valid` AS\nSELECT *\nFROM `upstream_in`\nWHERE " + rules,
            """
            CREATE TEMPORARY VIEW `node1__rejected` AS
            SELECT
              *,
              CAST(CASE
                WHEN NOT COALESCE(`user_id` IS NOT NULL, FALSE) THEN 'user_id: is null'
                WHEN NOT COALESCE((`amount` >= 0 AND `amount` <= 100000), FALSE) \
            THEN 'amount: not between 0 and 100000'
                WHEN NOT COALESCE((`page` = 'home' OR `page` = 'cart' OR `page` = 'it''s'), FALSE) \
            THEN 'page: not one of home, cart, it''s'
                WHEN NOT COALESCE((`quantity` = 1 OR `quantity` = 2.5), FALSE) \
            THEN 'quantity: not one of 1, 2.50'
                WHEN NOT COALESCE(REGEXP(`user_id`, '^u[0-9]+$'), FALSE) \
            THEN 'user_id: does not match ^u[0-9]+$'
                WHEN NOT COALESCE(`price` >= -0.5, FALSE) THEN 'price: less than -0.5'
              END AS STRING) AS `dlq_reason`
            FROM `upstream_in`
            WHERE NOT (
            """
                + "  "
                + rules
                + ")");
  }

  @Test
  void columnNamesAreQuotedSoTheyCannotInjectSql() {
    Schema input = Schema.of(List.of(new Column("a`b", "STRING")));
    FakeRenderContext r =
        NodeHarness.of(new Validate())
            .input(input)
            .set("rules", List.of(row("column", "a`b", "rule", "regex", "pattern", "'; DROP")))
            .render();
    assertThat(r.views.get(0)).endsWith("WHERE COALESCE(REGEXP(`a``b`, '''; DROP'), FALSE)");
  }
}
