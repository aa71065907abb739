package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAggregateTest {

  private static NodeHarness perUser() {
    return NodeHarness.of(new WindowAggregate())
        .input(NodeHarness.clicks())
        .set("size", "10s")
        .set("keys", List.of("user_id"))
        .set(
            "aggregates",
            List.of(
                row("function", "COUNT", "as", "clicks"),
                row("function", "SUM", "column", "amount", "as", "total")));
  }

  @Test
  void outputIsKeysThenWindowColumnsThenAggregates() {
    assertThat(perUser().derive().columns())
        .containsExactly(
            "user_id STRING",
            "window_start TIMESTAMP(3)",
            "window_end TIMESTAMP(3)",
            "window_time TIMESTAMP(3)",
            "clicks BIGINT",
            "total DOUBLE");
  }

  @Test
  void windowTimeIsTheEventTimeOfAnAppendOnlyOutput() {
    Schema out = perUser().derive().out();
    assertThat(out.eventTime()).isEqualTo("window_time");
    assertThat(out.procTime()).isNull();
    assertThat(out.updating()).isFalse();
  }

  @Test
  void windowTimeKeepsTheTypeOfALocalTimestampEventTime() {
    Schema ltz =
        new Schema(
            List.of(new Column("user_id", "STRING"), new Column("ts", "TIMESTAMP_LTZ(3)")),
            "ts",
            null,
            false);
    Schema out = perUser().input(ltz).set("aggregates", List.of()).derive().out();
    assertThat(out.column("window_time").orElseThrow().type()).isEqualTo("TIMESTAMP_LTZ(3)");
  }

  @Test
  void processingTimeWindowTimeIsALocalTimestampProcessingTime() {
    Schema out = perUser().set("time", "processing").derive().out();
    assertThat(out.procTime()).isEqualTo("window_time");
    assertThat(out.eventTime()).isNull();
    assertThat(out.column("window_time").orElseThrow().type()).isEqualTo("TIMESTAMP_LTZ(3)");
  }

  @Test
  void eventTimeWindowOverAnInputWithoutEventTimeIsAnError() {
    NodeHarness h = perUser().input(NodeHarness.clicks().withEventTime(null));
    assertThat(h.derive().onlyError("time"))
        .contains("need an event-time column with a watermark")
        .contains("set eventTime on the upstream source");
  }

  @Test
  void processingTimeWindowOverAnInputWithoutProcessingTimeIsAnError() {
    NodeHarness h =
        perUser().set("time", "processing").input(NodeHarness.clicks().withProcTime(null));
    assertThat(h.derive().onlyError("time")).contains("set procTime on the upstream source");
  }

  @Test
  void sumOverStringColumnIsAnError() {
    NodeHarness h =
        perUser().set("aggregates", List.of(row("function", "SUM", "column", "page", "as", "s")));
    assertThat(h.derive().onlyError("aggregates"))
        .contains("aggregate 1 's': SUM needs a numeric column; 'page' is STRING");
  }

  @Test
  void stddevOverStringColumnIsAnError() {
    NodeHarness h =
        perUser()
            .set(
                "aggregates", List.of(row("function", "STDDEV_SAMP", "column", "page", "as", "s")));
    assertThat(h.derive().onlyError("aggregates")).contains("STDDEV_SAMP needs a numeric column");
  }

  @Test
  void averageOfAnIntegerColumnWarnsThatItStaysAnInteger() {
    NodeHarness h =
        perUser()
            .set("aggregates", List.of(row("function", "AVG", "column", "quantity", "as", "q")));
    assertThat(h.derive().onlyWarning("aggregates"))
        .contains("gives a whole INT")
        .contains("DOUBLE");
    assertThat(h.derive().outputs().get("out").column("q").orElseThrow().type()).isEqualTo("INT");
  }

  @Test
  void decimalSumAndAverageWidenAsFlinkDoes() {
    NodeHarness h =
        perUser()
            .set(
                "aggregates",
                List.of(
                    row("function", "SUM", "column", "price", "as", "s"),
                    row("function", "AVG", "column", "price", "as", "a"),
                    row("function", "MAX", "column", "price", "as", "m")));
    Schema out = h.derive().out();
    assertThat(out.column("s").orElseThrow().type()).isEqualTo("DECIMAL(38,2)");
    assertThat(out.column("a").orElseThrow().type()).isEqualTo("DECIMAL(38,6)");
    assertThat(out.column("m").orElseThrow().type()).isEqualTo("DECIMAL(10,2)");
  }

  @Test
  void countDistinctIsABigint() {
    NodeHarness h =
        perUser()
            .set(
                "aggregates",
                List.of(row("function", "COUNT_DISTINCT", "column", "page", "as", "pages")));
    assertThat(h.derive().out().column("pages").orElseThrow().type()).isEqualTo("BIGINT");
  }

  @Test
  void functionOtherThanCountWithoutColumnIsAnError() {
    NodeHarness h = perUser().set("aggregates", List.of(row("function", "MAX", "as", "m")));
    assertThat(h.derive().onlyError("aggregates")).contains("MAX needs a column; pick one of:");
  }

  @Test
  void missingKeyColumnIsAnErrorListingTheColumns() {
    NodeHarness h = perUser().set("keys", List.of("customer"));
    assertThat(h.derive().onlyError("keys"))
        .contains("key 'customer' is not a column of the input")
        .contains("user_id STRING, page STRING, amount DOUBLE");
  }

  @Test
  void keyListedTwiceIsAnError() {
    NodeHarness h = perUser().set("keys", List.of("user_id", "user_id"));
    assertThat(h.derive().onlyError("keys")).contains("listed twice");
  }

  @Test
  void missingAggregateColumnIsAnErrorListingTheColumns() {
    NodeHarness h =
        perUser().set("aggregates", List.of(row("function", "SUM", "column", "amt", "as", "t")));
    assertThat(h.derive().onlyError("aggregates"))
        .contains("column 'amt' is not a column of the input; pick one of: user_id STRING");
  }

  @Test
  void aggregateNamedLikeAKeyIsAnError() {
    NodeHarness h = perUser().set("aggregates", List.of(row("function", "COUNT", "as", "user_id")));
    assertThat(h.derive().onlyError("aggregates")).contains("'user_id' is already taken");
  }

  @Test
  void aggregateNamedLikeAWindowColumnIsAnError() {
    NodeHarness h =
        perUser().set("aggregates", List.of(row("function", "COUNT", "as", "window_end")));
    assertThat(h.derive().onlyError("aggregates")).contains("'window_end' is already taken");
  }

  @Test
  void tumbleWithoutSizeIsAnError() {
    assertThat(perUser().set("size", null).derive().onlyError("size"))
        .contains("tumble windows need a size");
  }

  @Test
  void zeroSizeIsAnError() {
    assertThat(perUser().set("size", "0s").derive().onlyError("size")).contains("longer than zero");
  }

  @Test
  void hopWithoutSlideIsAnError() {
    assertThat(perUser().set("window", "hop").derive().onlyError("slide"))
        .contains("hop windows need a slide");
  }

  @Test
  void hopSizeThatIsNoMultipleOfTheSlideIsAnError() {
    NodeHarness h = perUser().set("window", "hop").set("size", "10s").set("slide", "3s");
    assertThat(h.derive().onlyError("slide")).contains("whole multiple of the slide (3s)");
  }

  @Test
  void sessionWithoutGapIsAnError() {
    NodeHarness h = perUser().set("window", "session").set("size", null);
    assertThat(h.derive().onlyError("gap")).contains("session windows need a gap");
  }

  @Test
  void slideOfATumbleWindowIsIgnoredWithAWarning() {
    assertThat(perUser().set("slide", "5s").derive().onlyWarning("slide"))
        .contains("does not apply to tumble windows");
  }

  @Test
  void inputThatAlreadyHasWindowColumnsIsAnError() {
    Schema windowed =
        new Schema(
            List.of(
                new Column("user_id", "STRING"),
                new Column("window_start", "TIMESTAMP(3)"),
                new Column("window_time", "TIMESTAMP(3)")),
            "window_time",
            null,
            false);
    NodeHarness h = perUser().input(windowed).set("aggregates", List.of());
    assertThat(h.derive().onlyError(null)).contains("already has a column 'window_start'");
  }

  @Test
  void havingThatIsNotBooleanIsAnError() {
    assertThat(perUser().set("having", "SUM(amount)").derive().onlyError("having"))
        .contains("not BOOLEAN");
  }

  @Test
  void havingThatUsesAnOutputNameIsAnErrorShowingTheAggregateCall() {
    assertThat(perUser().set("having", "total > 100").derive().onlyError("having"))
        .contains("'total' is an output name")
        .contains("SUM(`amount`) in place of total");
  }

  @Test
  void havingMayNameInputColumnsAndQuoteOutputNamesInStrings() {
    assertThat(perUser().set("having", "MAX(page) <> 'total'").derive().reported()).isEmpty();
  }

  @Test
  void havingMayCallAFunctionNamedLikeAnOutput() {
    NodeHarness h =
        perUser()
            .set("aggregates", List.of(row("function", "SUM", "column", "amount", "as", "sum")))
            .set("having", "SUM(amount) > 1");
    assertThat(h.derive().reported()).isEmpty();
  }

  @Test
  void havingWithASemicolonIsAnError() {
    assertThat(perUser().set("having", "COUNT(*) > 1;").derive().onlyError("having"))
        .contains("';'");
  }

  @Test
  void rendersATumblingWindow() {
    assertThat(perUser().set("having", "COUNT(*) > 5").render().views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT
              `user_id`,
              `window_start`,
              `window_end`,
              `window_time`,
              COUNT(*) AS `clicks`,
              SUM(`amount`) AS `total`
            FROM TABLE(TUMBLE(TABLE `upstream_in`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND))
            GROUP BY `user_id`, `window_start`, `window_end`, `window_time`
            HAVING (COUNT(*) > 5)""");
  }

  @Test
  void hopWindowTakesTheSlideBeforeTheSize() {
    String view =
        perUser()
            .set("window", "hop")
            .set("size", "1min")
            .set("slide", "10s")
            .render()
            .views
            .get(0);
    assertThat(view)
        .contains(
            "FROM TABLE(HOP(TABLE `upstream_in`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND,"
                + " INTERVAL '1' MINUTE))");
  }

  @Test
  void sessionWindowIsPartitionedByItsKey() {
    String view =
        perUser()
            .set("window", "session")
            .set("size", null)
            .set("gap", "30min")
            .set("time", "processing")
            .render()
            .views
            .get(0);
    assertThat(view)
        .contains(
            "FROM TABLE(SESSION(TABLE `upstream_in` PARTITION BY `user_id`,"
                + " DESCRIPTOR(`proc_time`), INTERVAL '30' MINUTE))")
        .contains("GROUP BY `user_id`, `window_start`, `window_end`, `window_time`");
  }

  @Test
  void sessionWindowOverSeveralKeysUsesTheGroupWindowForm() {
    FakeRenderContext r =
        perUser()
            .set("window", "session")
            .set("size", null)
            .set("gap", "30min")
            .set("keys", List.of("user_id", "page"))
            .set("having", "COUNT(*) > 2")
            .render();
    assertThat(r.views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT
              `user_id`,
              `page`,
              SESSION_START(`event_time`, INTERVAL '30' MINUTE) AS `window_start`,
              SESSION_END(`event_time`, INTERVAL '30' MINUTE) AS `window_end`,
              SESSION_ROWTIME(`event_time`, INTERVAL '30' MINUTE) AS `window_time`,
              COUNT(*) AS `clicks`,
              SUM(`amount`) AS `total`
            FROM `upstream_in`
            GROUP BY `user_id`, `page`, SESSION(`event_time`, INTERVAL '30' MINUTE)
            HAVING (COUNT(*) > 2)""");
  }

  @Test
  void processingTimeSessionOverSeveralKeysEndsInProcessingTime() {
    String view =
        perUser()
            .set("window", "session")
            .set("size", null)
            .set("gap", "1min")
            .set("time", "processing")
            .set("keys", List.of("user_id", "page"))
            .render()
            .views
            .get(0);
    assertThat(view)
        .contains("SESSION_PROCTIME(`proc_time`, INTERVAL '1' MINUTE) AS `window_time`");
  }

  @Test
  void countDistinctRendersDistinct() {
    String view =
        perUser()
            .set(
                "aggregates",
                List.of(row("function", "COUNT_DISTINCT", "column", "page", "as", "pages")))
            .render()
            .views
            .get(0);
    assertThat(view).contains("COUNT(DISTINCT `page`) AS `pages`");
  }
}
