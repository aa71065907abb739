package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SqlTypes;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.nodes.GoldenPipelines.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flink's planner accepts every golden script: its tables and views are created, its statement set
 * and previews explained, and the schema Flink resolves for each node's relation is the schema the
 * node type derived, time attributes included. Nothing runs and no broker is needed.
 */
class GoldenScriptsPlannerIT {

  static List<Golden> goldens() {
    return GoldenPipelines.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void flinkAcceptsTheGoldenScript(Golden golden) throws Exception {
    Compilation compilation = GoldenScriptTest.compile(golden);
    CompiledPipeline compiled = compilation.result().orElseThrow();
    assertThat(GoldenScriptTest.script(golden, compilation))
        .isEqualTo(GoldenScriptTest.expected(golden));

    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    for (SqlStatement s : compiled.statements()) {
      env.executeSql(s.sql());
    }
    if (!compiled.inserts().isEmpty()) {
      StatementSet set = env.createStatementSet();
      compiled.inserts().forEach(s -> set.addInsertSql(s.sql()));
      assertThat(set.explain()).contains("Sink");
    }
    for (SqlStatement s : compiled.previews()) {
      assertThat(env.explainSql(s.sql())).isNotBlank();
    }
    for (Map.Entry<String, Map<String, Schema>> node : compiled.schemas().entrySet()) {
      Schema derived = node.getValue().get("out");
      if (derived != null) {
        assertMatches(
            node.getKey(), derived, env.from("`" + node.getKey() + "`").getResolvedSchema());
      }
    }
  }

  private static void assertMatches(String nodeId, Schema derived, ResolvedSchema flink) {
    List<String> expected = new ArrayList<>();
    derived.columns().forEach(c -> expected.add(c.toString()));
    List<String> actual = new ArrayList<>();
    String rowtime = null;
    String proctime = null;
    for (org.apache.flink.table.catalog.Column c : flink.getColumns()) {
      LogicalType type = c.getDataType().getLogicalType();
      Column ours = derived.column(c.getName()).orElse(null);
      boolean unknown = ours != null && SqlTypes.isUnknown(ours.type());
      actual.add(
          new Column(c.getName(), unknown ? SqlTypes.UNKNOWN : type.asSummaryString()).toString());
      if (LogicalTypeChecks.isRowtimeAttribute(type)) {
        rowtime = c.getName();
      }
      if (LogicalTypeChecks.isProctimeAttribute(type)) {
        proctime = c.getName();
      }
    }
    assertThat(actual).as("columns of " + nodeId).isEqualTo(expected);
    assertThat(rowtime).as("event time of " + nodeId).isEqualTo(derived.eventTime());
    assertThat(proctime).as("processing time of " + nodeId).isEqualTo(derived.procTime());
  }
}
