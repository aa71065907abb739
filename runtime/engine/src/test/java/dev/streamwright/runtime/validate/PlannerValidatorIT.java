package dev.streamwright.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.compile.SqlStatement.Kind;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planner validation against hand-written SQL that mirrors what the compiler renders from node
 * properties. An IT because the first planner use in a JVM takes a few seconds.
 */
class PlannerValidatorIT {

  private static final String SOURCE_SQL =
      "CREATE TEMPORARY TABLE `src` (`id` BIGINT, `name` STRING, `ts` TIMESTAMP(3),"
          + " WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND)"
          + " WITH ('connector' = 'datagen', 'number-of-rows' = '10')";

  private static final Node SOURCE =
      Node.of(
          "src",
          "datagen",
          Map.of(
              "columns",
              List.of(
                  Map.of("name", "id", "type", "BIGINT"),
                  Map.of("name", "name", "type", "STRING"),
                  Map.of("name", "ts", "type", "TIMESTAMP(3)")),
              "rows",
              10L,
              "watermark",
              "ts - INTERVAL '1' SECOND"));

  private final PlannerValidator validator = new PlannerValidator();

  @BeforeAll
  static void warmUp() throws IOException {
    // Flink's planner loader unpacks its jar into java.io.tmpdir (target/tmp under failsafe).
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    PlannerValidator.warmUp();
  }

  private static Pipeline pipeline(Node... nodes) {
    Pipeline p = Pipeline.empty("p").withNode(SOURCE);
    for (Node n : nodes) {
      p = p.withNode(n).withEdge(Edge.of("src", n.id()));
    }
    return p;
  }

  private static CompiledPipeline compiled(
      List<SqlStatement> setup, List<SqlStatement> inserts, List<SqlStatement> previews) {
    return new CompiledPipeline("p", "p", 1, setup, inserts, previews, Map.of());
  }

  private static SqlStatement source() {
    return new SqlStatement("src", Kind.DDL, SOURCE_SQL);
  }

  @Test
  void unknownColumnInAViewIsPinnedOnThatNodeAndTheColumnsProperty() {
    Node pick = Node.of("pick", "select", Map.of("columns", List.of("id", "nope")));
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "pick",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `pick` AS SELECT `id`, `nope` FROM `src`")),
            List.of(),
            List.of(new SqlStatement("show", Kind.PREVIEW, "SELECT * FROM `pick`")));

    List<Problem> problems = validator.validate(pipeline(pick), c);

    assertThat(problems)
        .containsExactly(Problem.error("pick", "columns", "Column 'nope' not found in any table"));
  }

  @Test
  void sumOverAStringColumnIsPinnedOnTheAggregationsProperty() {
    Node totals =
        Node.of(
            "totals",
            "aggregate",
            Map.of(
                "groupBy",
                List.of("id"),
                "aggregations",
                List.of(Map.of("function", "SUM", "column", "name", "as", "total"))));
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "totals",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `totals` AS\nSELECT `id`,\n  SUM(`name`) AS `total`\n"
                        + "FROM `src`\nGROUP BY `id`")),
            List.of(),
            List.of(new SqlStatement("show", Kind.PREVIEW, "SELECT * FROM `totals`")));

    List<Problem> problems = validator.validate(pipeline(totals), c);

    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.isError()).isTrue();
    assertThat(p.nodeId()).isEqualTo("totals");
    assertThat(p.property()).isEqualTo("aggregations");
    assertThat(p.message())
        .startsWith("Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(2147483647)>)'")
        .doesNotContain("From line")
        .doesNotContain("org.apache");
  }

  @Test
  void parseErrorInAConditionPointsAtTheConditionProperty() {
    Node filter = Node.of("big", "filter", Map.of("condition", "id > > 3"));
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "big",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `big` AS SELECT * FROM `src` WHERE id > > 3")),
            List.of(),
            List.of());

    List<Problem> problems = validator.validate(pipeline(filter), c);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).nodeId()).isEqualTo("big");
    assertThat(problems.get(0).property()).isEqualTo("condition");
    assertThat(problems.get(0).message()).isEqualTo("SQL syntax error at \"> >\".");
  }

  @Test
  void unknownConnectorIsPinnedOnTheTableNodeNotOnTheQueryReadingIt() {
    Node broken = Node.of("feed", "generic-source", Map.of("connector", "nope"));
    CompiledPipeline c =
        compiled(
            List.of(
                new SqlStatement(
                    "feed",
                    Kind.DDL,
                    "CREATE TEMPORARY TABLE `feed` (`id` BIGINT) WITH ('connector' = 'nope')")),
            List.of(),
            List.of(new SqlStatement("show", Kind.PREVIEW, "SELECT * FROM `feed`")));

    List<Problem> problems = validator.validate(Pipeline.empty("p").withNode(broken), c);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).nodeId()).isEqualTo("feed");
    assertThat(problems.get(0).property()).isEqualTo("connector");
    assertThat(problems.get(0).message())
        .startsWith("Could not find any factory for identifier 'nope'")
        .contains("datagen, ");
  }

  @Test
  void failingInsertOfAStatementSetIsPinnedOnItsOwnSink() {
    Node good = Node.of("good", "blackhole-sink", Map.of("columns", List.of("id")));
    Node bad = Node.of("bad", "blackhole-sink", Map.of("columns", List.of("name")));
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "good",
                    Kind.DDL,
                    "CREATE TEMPORARY TABLE `good` (`id` BIGINT) WITH ('connector' = 'blackhole')"),
                new SqlStatement(
                    "bad",
                    Kind.DDL,
                    "CREATE TEMPORARY TABLE `bad` (`id` BIGINT) WITH ('connector' = 'blackhole')")),
            List.of(
                new SqlStatement("good", Kind.INSERT, "INSERT INTO `good` SELECT `id` FROM `src`"),
                new SqlStatement("bad", Kind.INSERT, "INSERT INTO `bad` SELECT `name` FROM `src`")),
            List.of());

    List<Problem> problems = validator.validate(pipeline(good, bad), c);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).nodeId()).isEqualTo("bad");
    assertThat(problems.get(0).message())
        .contains("Column types of query result and sink")
        .doesNotContain("\n");
  }

  @Test
  void validPipelineHasNoProblems() {
    Node counts = Node.of("counts", "aggregate", Map.of("groupBy", List.of("name")));
    Node sink = Node.of("out", "blackhole-sink", Map.of());
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "counts",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `counts` AS SELECT `name`, COUNT(*) AS `n` FROM `src` GROUP BY `name`"),
                new SqlStatement(
                    "out",
                    Kind.DDL,
                    "CREATE TEMPORARY TABLE `out` (`id` BIGINT, `name` STRING) WITH ('connector' = 'blackhole')")),
            List.of(
                new SqlStatement(
                    "out", Kind.INSERT, "INSERT INTO `out` SELECT `id`, `name` FROM `src`")),
            List.of(new SqlStatement("show", Kind.PREVIEW, "SELECT * FROM `counts`")));

    assertThat(validator.validate(pipeline(counts, sink), c)).isEmpty();
  }

  @Test
  void aFunctionRegisteredBeforeTheViewsCallingItIsRegisteredForThePlannerToo() {
    // The drift tap's statements: the function, then a view filtering on it.
    Node tapped = Node.of("tapped", "select", Map.of("columns", List.of("id")));
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "tapped",
                    Kind.DDL,
                    "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS SW_DRIFT_TAP AS '"
                        + dev.streamwright.plugin.onnx.tap.DriftTap.class.getName()
                        + "' LANGUAGE JAVA"),
                new SqlStatement(
                    "tapped",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `tapped` AS SELECT `id`, `name` FROM `src`"
                        + " WHERE SW_DRIFT_TAP('tapped', 60000, 'id,name', `id`, `name`)")),
            List.of(),
            List.of(new SqlStatement("show", Kind.PREVIEW, "SELECT * FROM `tapped`")));

    assertThat(validator.validate(pipeline(tapped), c)).isEmpty();
  }

  @Test
  void checkResolvesEachRelationsSchemaWithTimeAttributesAndChangelogKind() {
    CompiledPipeline c =
        compiled(
            List.of(
                source(),
                new SqlStatement(
                    "counts",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `counts` AS SELECT `name`, COUNT(*) AS `n`,"
                        + " CAST(SUM(`id`) AS DECIMAL(12, 2)) AS `total` FROM `src` GROUP BY `name`"),
                new SqlStatement(
                    "stamped",
                    Kind.VIEW,
                    "CREATE TEMPORARY VIEW `stamped` AS SELECT `id`, `ts`, PROCTIME() AS `pt` FROM `src`")),
            List.of(),
            List.of());

    PlannerValidator.Result result = validator.check(Pipeline.empty("p"), c);

    assertThat(result.problems()).isEmpty();
    assertThat(result.schemas().get("src"))
        .isEqualTo(
            new Schema(
                List.of(
                    new Column("id", "BIGINT"),
                    new Column("name", "STRING"),
                    new Column("ts", "TIMESTAMP(3)")),
                "ts",
                null,
                false));
    assertThat(result.schemas().get("counts"))
        .isEqualTo(
            new Schema(
                List.of(
                    new Column("name", "STRING"),
                    new Column("n", "BIGINT"),
                    new Column("total", "DECIMAL(12,2)")),
                null,
                null,
                true));
    Schema stamped = result.schemas().get("stamped");
    assertThat(stamped.eventTime()).isEqualTo("ts");
    assertThat(stamped.procTime()).isEqualTo("pt");
    assertThat(stamped.column("pt").orElseThrow().type()).isEqualTo("TIMESTAMP_LTZ(3)");
    assertThat(stamped.updating()).isFalse();
  }
}
