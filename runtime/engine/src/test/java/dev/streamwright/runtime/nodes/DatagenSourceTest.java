package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatagenSourceTest {

  private static NodeHarness clicks() {
    return NodeHarness.of(new DatagenSource())
        .set(
            "columns",
            List.of(
                row("name", "user_id", "type", "STRING", "length", 4L),
                row("name", "page", "type", "STRING"),
                row("name", "event_time", "type", "TIMESTAMP(3)")));
  }

  private static NodeHarness oneColumn(Object... fields) {
    return NodeHarness.of(new DatagenSource()).set("columns", List.of(row(fields)));
  }

  @Test
  void declaredColumnsBecomeTheOutputSchema() {
    Schema out = clicks().derive().out();
    assertThat(out.names()).containsExactly("user_id", "page", "event_time");
    assertThat(out.eventTime()).isNull();
    assertThat(out.updating()).isFalse();
  }

  @Test
  void eventTimeColumnBecomesTheEventTime() {
    Schema out = clicks().set("eventTime", "event_time").derive().out();
    assertThat(out.eventTime()).isEqualTo("event_time");
  }

  @Test
  void eventTimeGetsAWatermarkTrailingByTheDelay() {
    FakeRenderContext r =
        clicks().set("eventTime", "event_time").set("watermarkDelay", "30s").render();
    assertThat(r.ddl.get(0))
        .contains("WATERMARK FOR `event_time` AS `event_time` - INTERVAL '30' SECOND");
  }

  @Test
  void watermarkDelayDefaultsToFiveSeconds() {
    FakeRenderContext r = clicks().set("eventTime", "event_time").render();
    assertThat(r.ddl.get(0)).contains("`event_time` - INTERVAL '5' SECOND");
  }

  @Test
  void eventTimeNamingNoColumnIsAnErrorListingTheColumns() {
    String message = clicks().set("eventTime", "ts").derive().onlyError("eventTime");
    assertThat(message)
        .contains("'ts'")
        .contains("user_id STRING, page STRING, event_time TIMESTAMP(3)");
  }

  @Test
  void eventTimeOfAnIntegerColumnIsAnError() {
    String message =
        oneColumn("name", "ts", "type", "BIGINT")
            .set("eventTime", "ts")
            .derive()
            .onlyError("eventTime");
    assertThat(message).contains("'ts' is BIGINT").contains("TIMESTAMP(3) or TIMESTAMP_LTZ(3)");
  }

  @Test
  void procTimeAddsALocalTimestampColumn() {
    Schema out = clicks().set("procTime", "proc_time").derive().out();
    assertThat(out.procTime()).isEqualTo("proc_time");
    assertThat(out.column("proc_time").orElseThrow().type()).isEqualTo("TIMESTAMP_LTZ(3)");
  }

  @Test
  void procTimeClashingWithADeclaredColumnIsAnError() {
    assertThat(clicks().set("procTime", "page").derive().onlyError("procTime")).contains("'page'");
  }

  @Test
  void noColumnsIsAnError() {
    NodeHarness h = NodeHarness.of(new DatagenSource()).set("columns", List.of());
    assertThat(h.derive().onlyError("columns")).contains("at least one column");
  }

  @Test
  void unknownTypeIsAnError() {
    String message = oneColumn("name", "n", "type", "INTEGR").derive().onlyError("columns");
    assertThat(message).contains("column 1 'n'").contains("'INTEGR' is not a Flink SQL type");
  }

  @Test
  void typeThatWouldCloseTheColumnListIsAnError() {
    String message =
        oneColumn("name", "n", "type", "INT) WITH ('connector'='filesystem'")
            .derive()
            .onlyError("columns");
    assertThat(message).contains("is not a Flink SQL type");
  }

  @Test
  void repeatedColumnNameIsAnError() {
    NodeHarness h =
        NodeHarness.of(new DatagenSource())
            .set(
                "columns",
                List.of(row("name", "a", "type", "INT"), row("name", "A", "type", "STRING")));
    assertThat(h.derive().onlyError("columns")).contains("column 2 'A' is declared twice");
  }

  @Test
  void sequenceWithoutEndIsAnError() {
    String message =
        oneColumn("name", "id", "type", "BIGINT", "kind", "sequence", "start", 1L)
            .derive()
            .onlyError("columns");
    assertThat(message).contains("start and end");
  }

  @Test
  void sequenceStartingAfterItsEndIsAnError() {
    String message =
        oneColumn("name", "id", "type", "BIGINT", "kind", "sequence", "start", 9L, "end", 1L)
            .derive()
            .onlyError("columns");
    assertThat(message).contains("start 9 is after end 1");
  }

  @Test
  void sequenceOfTimestampsIsAnError() {
    String message =
        oneColumn("name", "t", "type", "TIMESTAMP(3)", "kind", "sequence", "start", 1L, "end", 5L)
            .derive()
            .onlyError("columns");
    assertThat(message).contains("number or string column, not TIMESTAMP(3)");
  }

  @Test
  void minLargerThanMaxIsAnError() {
    String message =
        oneColumn("name", "x", "type", "DOUBLE", "min", 10.5, "max", 2L)
            .derive()
            .onlyError("columns");
    assertThat(message).contains("min 10.5 is larger than max 2");
  }

  @Test
  void fractionalBoundOfAnIntegerColumnIsAnError() {
    String message =
        oneColumn("name", "x", "type", "INT", "min", 0.5).derive().onlyError("columns");
    assertThat(message).contains("min must be a whole number for a INT column");
  }

  @Test
  void boundsOfAStringColumnAreIgnoredWithAWarning() {
    NodeHarness h = oneColumn("name", "s", "type", "STRING", "min", 1L);
    assertThat(h.derive().onlyWarning("columns")).contains("min and max apply to numeric columns");
    assertThat(h.render().ddl.get(0)).doesNotContain("fields.s.min");
  }

  @Test
  void lengthBelowOneIsAnError() {
    String message =
        oneColumn("name", "s", "type", "STRING", "length", 0L).derive().onlyError("columns");
    assertThat(message).contains("length must be a whole number of at least 1");
  }

  @Test
  void startOfARandomColumnIsIgnoredWithAWarning() {
    String message =
        oneColumn("name", "x", "type", "INT", "start", 1L).derive().onlyWarning("columns");
    assertThat(message).contains("start does not apply to kind random");
  }

  @Test
  void expressionKindWithoutExpressionIsAnError() {
    String message =
        oneColumn("name", "x", "type", "STRING", "kind", "expression")
            .derive()
            .onlyError("columns");
    assertThat(message).contains("needs an expression");
  }

  @Test
  void expressionWithASemicolonIsAnError() {
    String message =
        oneColumn("name", "x", "type", "INT", "kind", "expression", "expression", "1; DROP TABLE t")
            .derive()
            .onlyError("columns");
    assertThat(message).contains("';'");
  }

  @Test
  void expressionColumnRendersAsACastComputedColumnWithoutOptions() {
    NodeHarness h =
        NodeHarness.of(new DatagenSource())
            .set(
                "columns",
                List.of(
                    row("name", "id", "type", "INT", "kind", "sequence", "start", 1L, "end", 9L),
                    row(
                        "name",
                        "user",
                        "type",
                        "STRING",
                        "kind",
                        "expression",
                        "expression",
                        "CONCAT('u', CAST(id AS STRING))")));
    String ddl = h.render().ddl.get(0);
    assertThat(ddl).contains("`user` AS CAST(CONCAT('u', CAST(id AS STRING)) AS STRING)");
    assertThat(ddl).doesNotContain("fields.user.");
  }

  @Test
  void rowsPerSecondBelowOneIsAnError() {
    assertThat(clicks().set("rowsPerSecond", 0L).derive().onlyError("rowsPerSecond"))
        .contains("at least 1");
  }

  @Test
  void rendersTheDatagenTableWithSortedOptions() {
    FakeRenderContext r =
        NodeHarness.of(new DatagenSource())
            .set(
                "columns",
                List.of(
                    row(
                        "name",
                        "id",
                        "type",
                        "BIGINT",
                        "kind",
                        "sequence",
                        "start",
                        1L,
                        "end",
                        100L),
                    row("name", "amount", "type", "DOUBLE", "min", 1L, "max", 99.5),
                    row("name", "event_time", "type", "TIMESTAMP(3)")))
            .set("rowsPerSecond", 10L)
            .set("numberOfRows", 100L)
            .set("eventTime", "event_time")
            .set("procTime", "proc_time")
            .render();
    assertThat(r.ddl)
        .containsExactly(
            """
            CREATE TEMPORARY TABLE `node1` (
              `id` BIGINT,
              `amount` DOUBLE,
              `event_time` TIMESTAMP(3),
              `proc_time` AS PROCTIME(),
              WATERMARK FOR `event_time` AS `event_time` - INTERVAL '5' SECOND
            ) WITH (
              'connector' = 'datagen',
              'fields.amount.kind' = 'random',
              'fields.amount.max' = '99.5',
              'fields.amount.min' = '1',
              'fields.event_time.kind' = 'random',
              'fields.id.end' = '100',
              'fields.id.kind' = 'sequence',
              'fields.id.start' = '1',
              'number-of-rows' = '100',
              'rows-per-second' = '10'
            )""");
    assertThat(r.views).isEmpty();
  }
}
