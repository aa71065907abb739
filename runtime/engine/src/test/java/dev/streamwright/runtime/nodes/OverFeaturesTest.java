package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverFeaturesTest {

  private static NodeHarness spend() {
    return NodeHarness.of(new OverFeatures())
        .input(NodeHarness.clicks())
        .set("partitionBy", List.of("user_id"))
        .set("range", "1min")
        .set(
            "features",
            List.of(
                row("function", "AVG", "column", "amount", "as", "avg_1min_spend"),
                row("function", "COUNT", "as", "tx_count_1min")));
  }

  @Test
  void featuresFollowTheInputColumns() {
    Schema out = spend().derive().out();
    assertThat(out.names())
        .startsWith("user_id", "page")
        .endsWith("proc_time", "avg_1min_spend", "tx_count_1min");
    assertThat(out.column("avg_1min_spend").orElseThrow().type()).isEqualTo("DOUBLE");
    assertThat(out.column("tx_count_1min").orElseThrow().type()).isEqualTo("BIGINT");
  }

  @Test
  void timeAttributesAreKept() {
    Schema out = spend().derive().out();
    assertThat(out.eventTime()).isEqualTo("event_time");
    assertThat(out.procTime()).isEqualTo("proc_time");
    assertThat(out.updating()).isFalse();
  }

  @Test
  void rangeFrameWithoutRangeIsAnError() {
    assertThat(spend().set("range", null).derive().onlyError("range"))
        .contains("a range frame needs how far back it reaches");
  }

  @Test
  void rowsFrameWithoutRowsIsAnError() {
    NodeHarness h = spend().set("frame", "rows").set("range", null);
    assertThat(h.derive().onlyError("rows")).contains("set rows, e.g. 10");
  }

  @Test
  void rangeOfARowsFrameIsIgnoredWithAWarning() {
    NodeHarness h = spend().set("frame", "rows").set("rows", 10L);
    assertThat(h.derive().onlyWarning("range")).contains("does not apply to a rows frame");
  }

  @Test
  void featureNamedLikeAnInputColumnIsAnError() {
    NodeHarness h = spend().set("features", List.of(row("function", "COUNT", "as", "amount")));
    assertThat(h.derive().onlyError("features")).contains("feature 1 'amount'").contains("taken");
  }

  @Test
  void noFeaturesIsAnError() {
    assertThat(spend().set("features", List.of()).derive().onlyError("features"))
        .contains("add at least one feature");
  }

  @Test
  void standardDeviationOfAStringIsAnError() {
    NodeHarness h =
        spend()
            .set("features", List.of(row("function", "STDDEV_POP", "column", "page", "as", "x")));
    assertThat(h.derive().onlyError("features")).contains("STDDEV_POP needs a numeric column");
  }

  @Test
  void functionTheNodeDoesNotOfferIsAnError() {
    NodeHarness h =
        spend()
            .set(
                "features",
                List.of(row("function", "COUNT_DISTINCT", "column", "page", "as", "x")));
    assertThat(h.derive().onlyError("features"))
        .contains("'COUNT_DISTINCT' is not offered here")
        .contains("COUNT, SUM, AVG, MIN, MAX, STDDEV_POP");
  }

  @Test
  void missingPartitionColumnIsAnError() {
    assertThat(spend().set("partitionBy", List.of("uid")).derive().onlyError("partitionBy"))
        .contains("'uid' is not a column of the input");
  }

  @Test
  void withoutPartitionColumnsIsAWarning() {
    assertThat(spend().set("partitionBy", List.of()).derive().onlyWarning("partitionBy"))
        .contains("one task");
  }

  @Test
  void eventTimeFeaturesOverAnInputWithoutEventTimeIsAnError() {
    NodeHarness h = spend().input(NodeHarness.clicks().withEventTime(null));
    assertThat(h.derive().onlyError("time")).contains("set eventTime on the upstream source");
  }

  @Test
  void rendersANamedWindowOverATimeRange() {
    assertThat(spend().render().views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT
              *,
              AVG(`amount`) OVER w AS `avg_1min_spend`,
              COUNT(*) OVER w AS `tx_count_1min`
            FROM `upstream_in`
            WINDOW w AS (
              PARTITION BY `user_id`
              ORDER BY `event_time`
              RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW)""");
  }

  @Test
  void rendersARowsFrameOrderedByProcessingTime() {
    String view =
        spend()
            .set("frame", "rows")
            .set("range", null)
            .set("rows", 10L)
            .set("time", "processing")
            .render()
            .views
            .get(0);
    assertThat(view).contains("ORDER BY `proc_time`\n  ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)");
  }
}
