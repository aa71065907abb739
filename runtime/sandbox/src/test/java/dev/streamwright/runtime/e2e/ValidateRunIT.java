package dev.streamwright.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A validate node on the embedded runtime: row {@code id} (1..60) has {@code user_id} NULL when id
 * is a multiple of 7 (else {@code u<id>}) and {@code amount} -5 when id is a multiple of 10 (else
 * id); {@code ts} is the event time, id seconds after 2026-01-01. Rules: user_id not null, amount
 * between 0 and 1000. Every row lands in exactly one of the two outputs, and each rejected row
 * names the first rule it failed.
 */
class ValidateRunIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final int ROWS = 60;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static Pipeline pipeline() {
    Node source =
        Node.of(
            "events",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    Map.of(
                        "name",
                        "id",
                        "type",
                        "BIGINT",
                        "kind",
                        "sequence",
                        "start",
                        1,
                        "end",
                        ROWS),
                    Map.of(
                        "name",
                        "user_id",
                        "type",
                        "STRING",
                        "kind",
                        "expression",
                        "expression",
                        "CASE WHEN MOD(id, 7) = 0 THEN CAST(NULL AS STRING)"
                            + " ELSE CONCAT('u', CAST(id AS STRING)) END"),
                    Map.of(
                        "name",
                        "amount",
                        "type",
                        "DOUBLE",
                        "kind",
                        "expression",
                        "expression",
                        "CASE WHEN MOD(id, 10) = 0 THEN -5.0 ELSE CAST(id AS DOUBLE) END"),
                    Map.of(
                        "name",
                        "ts",
                        "type",
                        "TIMESTAMP(3)",
                        "kind",
                        "expression",
                        "expression",
                        "TIMESTAMPADD(SECOND, CAST(id AS INT), TIMESTAMP '2026-01-01 00:00:00')")),
                "eventTime",
                "ts",
                "watermarkDelay",
                "1s",
                "numberOfRows",
                ROWS,
                "rowsPerSecond",
                1000));
    Node validate =
        Node.of(
            "checked",
            "validate",
            Map.of(
                "rules",
                List.of(
                    Map.of("column", "user_id", "rule", "not-null"),
                    Map.of("column", "amount", "rule", "range", "min", 0, "max", 1000))));
    return new Pipeline(
        "validate-run",
        "validate-run",
        "",
        1,
        List.of(),
        List.of(
            source,
            validate,
            Node.of("valid_rows", "preview-sink", Map.of()),
            Node.of("dead_letters", "preview-sink", Map.of())),
        List.of(
            Edge.of("events", "checked"),
            new Edge("checked", "valid", "valid_rows", "in"),
            new Edge("checked", "rejected", "dead_letters", "in")));
  }

  @Test
  void flinkResolvesTheSchemasTheNodeDerivedWithTheEventTimeKeptOnBothOutputs() {
    CompiledPipeline compiled =
        new PipelineCompiler(NodeTypeRegistry.load()).compile(pipeline()).result().orElseThrow();
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    for (SqlStatement s : compiled.statements()) {
      env.executeSql(s.sql());
    }
    for (String port : List.of("valid", "rejected")) {
      Schema derived = compiled.schemas().get("checked").get(port);
      ResolvedSchema flink = env.from("`checked__" + port + "`").getResolvedSchema();
      List<String> actual = new ArrayList<>();
      String rowtime = null;
      for (org.apache.flink.table.catalog.Column c : flink.getColumns()) {
        LogicalType type = c.getDataType().getLogicalType();
        actual.add(new Column(c.getName(), type.asSummaryString()).toString());
        if (LogicalTypeChecks.isRowtimeAttribute(type)) {
          rowtime = c.getName();
        }
      }
      List<String> expected = derived.columns().stream().map(Column::toString).toList();
      assertThat(actual).as("columns of " + port).isEqualTo(expected);
      assertThat(rowtime)
          .as("event time of " + port)
          .isEqualTo("ts")
          .isEqualTo(derived.eventTime());
    }
    assertThat(compiled.schemas().get("checked").get("rejected").columns().get(4))
        .isEqualTo(new Column("dlq_reason", "STRING"));
  }

  private static List<ResultRow> results(EmbeddedRuntime runtime, Deployment d, String sink)
      throws Exception {
    List<ResultRow> rows = new ArrayList<>();
    try (ResultStream stream = runtime.results(d, sink)) {
      while (!stream.isEnded()) {
        rows.addAll(stream.poll(Duration.ofMillis(200), 10_000));
      }
    }
    return rows;
  }

  private static long id(ResultRow r) {
    return ((Number) r.get("id")).longValue();
  }

  @Test
  void everyRowLandsInExactlyOneOutputAndRejectedRowsNameTheFirstFailedRule() throws Exception {
    Compilation c = new PipelineCompiler(NodeTypeRegistry.load()).compile(pipeline());
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
    List<ResultRow> valid = results(runtime, d, "valid_rows");
    List<ResultRow> rejected = results(runtime, d, "dead_letters");

    Map<Long, String> expectedRejected = new TreeMap<>();
    List<Long> expectedValid = new ArrayList<>();
    for (long id = 1; id <= ROWS; id++) {
      if (id % 7 == 0) {
        expectedRejected.put(id, "user_id: is null");
      } else if (id % 10 == 0) {
        expectedRejected.put(id, "amount: not between 0 and 1000");
      } else {
        expectedValid.add(id);
      }
    }

    assertThat(valid.size() + rejected.size()).isEqualTo(ROWS);
    Set<Long> seen = new HashSet<>();
    valid.forEach(r -> assertThat(seen.add(id(r))).as("row %d once", id(r)).isTrue());
    rejected.forEach(r -> assertThat(seen.add(id(r))).as("row %d once", id(r)).isTrue());

    assertThat(valid.stream().map(ValidateRunIT::id).sorted().toList()).isEqualTo(expectedValid);
    for (ResultRow r : valid) {
      assertThat(r.get("user_id")).isEqualTo("u" + id(r));
      assertThat(((Number) r.get("amount")).doubleValue()).isEqualTo((double) id(r));
    }

    Map<Long, String> actualRejected = new TreeMap<>();
    for (ResultRow r : rejected) {
      actualRejected.put(id(r), String.valueOf(r.get("dlq_reason")));
      // The original record travels with the reason.
      long id = id(r);
      assertThat(r.get("user_id")).isEqualTo(id % 7 == 0 ? null : "u" + id);
      assertThat(((Number) r.get("amount")).doubleValue())
          .isEqualTo(id % 10 == 0 ? -5.0 : (double) id);
    }
    assertThat(actualRejected).isEqualTo(expectedRejected);
  }
}
