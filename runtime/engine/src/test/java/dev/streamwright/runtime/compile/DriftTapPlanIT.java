package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Where Flink's planner puts the fraud sample's drift tap: evaluated once (not copied into each
 * branch that reads the scored rows), inside a calculation the job has anyway, so the job graph
 * keeps its operators and shape. Nothing runs and no broker is needed.
 */
class DriftTapPlanIT {

  private static final Map<String, String> ENV =
      Map.of(
          "models.dir",
          Path.of("../../samples/models").toAbsolutePath().normalize().toString(),
          "kafka.bootstrap.servers",
          "127.0.0.1:9092",
          "data.dir",
          Path.of("../../samples/fraud-detection/data").toAbsolutePath().normalize().toString());

  private static String executionPlan(Pipeline p) {
    CompiledPipeline compiled =
        new PipelineCompiler(NodeTypeRegistry.load()).compile(p, ENV).result().orElseThrow();
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    compiled.statements().forEach(s -> env.executeSql(s.sql()));
    StatementSet set = env.createStatementSet();
    compiled.inserts().forEach(s -> set.addInsertSql(s.sql()));
    String plan = set.explain();
    return plan.substring(plan.indexOf("== Optimized Execution Plan =="));
  }

  private static int count(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theFraudSamplesTapIsOneCallInACalcItHasAnyway() throws Exception {
    Pipeline fraud = new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
    String tapped = executionPlan(fraud);
    String plain = executionPlan(fraud.withDrift(DriftSettings.DEFAULTS.withEnabled(false)));
    assertThat(count(tapped, "SW_DRIFT_TAP\\(")).as(tapped).isEqualTo(1);
    // Operators are the plan's lines that start a node ("Calc(", "Sink(", ...).
    String operator = "(?m)^[ :+-]*(\\w+)\\(";
    assertThat(count(tapped, operator)).as(tapped).isEqualTo(count(plain, operator));
    assertThat(count(tapped, "(?m)^[ :+-]*Calc\\(")).isEqualTo(count(plain, "(?m)^[ :+-]*Calc\\("));
  }
}
