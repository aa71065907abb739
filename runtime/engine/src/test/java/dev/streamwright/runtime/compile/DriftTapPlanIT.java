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
 * Where Flink's planner puts the fraud sample's drift tap: evaluated once, not copied into each
 * branch that reads the scored rows, in one calculation chained to the model's operator. Nothing
 * runs and no broker is needed.
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

  private static String executionPlan(Pipeline p, Map<String, String> settings) {
    CompiledPipeline compiled =
        new PipelineCompiler(NodeTypeRegistry.load()).compile(p, ENV).result().orElseThrow();
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    settings.forEach((k, v) -> env.getConfig().set(k, v));
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
  void theFraudSamplesTapIsOneCallChainedToTheModel() throws Exception {
    Pipeline fraud =
        new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
    Map<String, String> settings = Map.of(CompiledPipeline.REUSE_BLOCKS_BY_DIGEST, "true");
    String tapped = executionPlan(fraud, settings);
    // The same planner settings without the tap (a pipeline without taps is planned without it).
    String plain =
        executionPlan(fraud.withDrift(DriftSettings.DEFAULTS.withEnabled(false)), settings);
    // Without the pipeline's planner setting the tap would be merged into both branches that
    // read the scores, counting every row twice.
    assertThat(count(tapped, "SW_DRIFT_TAP\\(")).isEqualTo(1);
    assertThat(count(plain, "SW_DRIFT_TAP\\(")).isZero();
    // ML_PREDICT's output had no calculation of its own: the tap adds one, chained to it (no
    // exchange, no branch); every other operator stays.
    String operator = "(?m)^[ :+-]*(\\w+)\\(";
    assertThat(count(tapped, operator)).isEqualTo(count(plain, operator) + 1);
    assertThat(count(tapped, "Exchange\\(")).isEqualTo(count(plain, "Exchange\\("));
  }
}
