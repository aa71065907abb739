package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.onnx.tap.TapKind;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drift taps compiled into the fraud sample, and the problems of bad drift settings. */
class DriftTapsTest {

  private static final Map<String, String> ENV =
      Map.of(
          "models.dir",
          Path.of("../../samples/models").toAbsolutePath().normalize().toString(),
          "kafka.bootstrap.servers",
          "127.0.0.1:9092",
          "data.dir",
          Path.of("../../samples/fraud-detection/data").toAbsolutePath().normalize().toString());

  private static Pipeline fraud() throws Exception {
    return new PipelineCodec().read(Path.of("../../samples/fraud-detection/pipeline.json"));
  }

  private static Compilation compile(Pipeline p) {
    return new PipelineCompiler(NodeTypeRegistry.load()).compile(p, ENV);
  }

  private static List<String> names(DriftTapSpec tap) {
    return tap.columns().stream().map(DriftTapSpec.Column::name).toList();
  }

  @Test
  void theFraudSampleTapsItsModelsInputsAndScore() throws Exception {
    Compilation c = compile(fraud());
    assertThat(c.problems()).noneMatch(Problem::isError);
    CompiledPipeline compiled = c.result().orElseThrow();
    assertThat(compiled.driftTaps()).hasSize(1);
    DriftTapSpec tap = compiled.driftTaps().get(0);
    assertThat(tap.nodeId()).isEqualTo("fraud_score");
    assertThat(tap.port()).isEqualTo("out");
    assertThat(tap.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(names(tap)).endsWith("fraud_score").contains("amount");
    assertThat(tap.columns()).allMatch(col -> col.kind() == TapKind.NUMERIC);
    assertThat(compiled.jobConfiguration())
        .containsEntry(CompiledPipeline.REUSE_BLOCKS_BY_DIGEST, "true");
    String script = compiled.script();
    assertThat(script)
        .containsOnlyOnce("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS SW_DRIFT_TAP AS")
        .containsOnlyOnce(
            "WHERE SW_DRIFT_TAP('fraud_score', 60000, '" + String.join(",", names(tap)) + "'");
    // The function is registered before the view that calls it.
    assertThat(script.indexOf("CREATE TEMPORARY SYSTEM FUNCTION"))
        .isLessThan(script.indexOf("WHERE SW_DRIFT_TAP("));
  }

  @Test
  void settingsAddRemoveAndRetime() throws Exception {
    Pipeline p =
        fraud()
            .withDrift(
                new DriftSettings(
                    "30s",
                    true,
                    List.of(
                        new DriftColumn("transactions", "currency"),
                        new DriftColumn("transactions", "amount")),
                    List.of(new DriftColumn("fraud_score", "amount"))));
    Compilation c = compile(p);
    assertThat(c.problems()).noneMatch(Problem::isError);
    CompiledPipeline compiled = c.result().orElseThrow();
    assertThat(compiled.driftTaps())
        .extracting(DriftTapSpec::nodeId)
        .containsExactly("fraud_score", "transactions");
    DriftTapSpec score = compiled.driftTaps().get(0);
    assertThat(names(score)).doesNotContain("amount").contains("fraud_score");
    DriftTapSpec source = compiled.driftTaps().get(1);
    assertThat(source.window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(source.columns())
        .extracting(DriftTapSpec.Column::name, DriftTapSpec.Column::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("currency", TapKind.CATEGORICAL),
            org.assertj.core.groups.Tuple.tuple("amount", TapKind.NUMERIC));
    // The source's output is a view (its records table feeds it): the tap wraps that view.
    String script = compiled.script();
    assertThat(script)
        .contains(
            "\n)\nWHERE SW_DRIFT_TAP('transactions', 30000, 'currency,amount', `currency`,"
                + " `amount`);")
        .doesNotContain("transactions__drift");
  }

  @Test
  void aNodeWhoseOutputIsATableGetsAViewThatTheNodesDownstreamRead() throws Exception {
    Pipeline p =
        new PipelineCodec()
            .read(Path.of("../../samples/quickstart/pipeline.json"))
            .withDrift(
                DriftSettings.DEFAULTS.withColumns(
                    List.of(
                        new DriftColumn("clicks", "page"), new DriftColumn("clicks", "user_num")),
                    List.of()));
    Compilation c = compile(p);
    assertThat(c.problems()).noneMatch(Problem::isError);
    CompiledPipeline compiled = c.result().orElseThrow();
    assertThat(compiled.driftTaps())
        .singleElement()
        .extracting(DriftTapSpec::nodeId)
        .isEqualTo("clicks");
    String script = compiled.script();
    assertThat(script)
        .contains(
            "CREATE TEMPORARY VIEW `clicks__drift` AS\nSELECT *\nFROM `clicks`\nWHERE"
                + " SW_DRIFT_TAP('clicks', 60000, 'page,user_num', `page`, `user_num`)")
        .contains("TABLE `clicks__drift`");
  }

  @Test
  void turnedOffThereAreNoTaps() throws Exception {
    Pipeline p = fraud().withDrift(DriftSettings.DEFAULTS.withEnabled(false));
    CompiledPipeline compiled = compile(p).result().orElseThrow();
    assertThat(compiled.driftTaps()).isEmpty();
    assertThat(compiled.script()).doesNotContain("SW_DRIFT_TAP");
    assertThat(compiled.jobConfiguration()).isEmpty();
  }

  @Test
  void badSettingsAreProblemsThatNameSettingNodeAndColumn() throws Exception {
    Pipeline p =
        fraud()
            .withDrift(
                new DriftSettings(
                    "soon",
                    true,
                    List.of(
                        new DriftColumn("fraud_scor", "amount"),
                        new DriftColumn("transactions", "amout"),
                        new DriftColumn("scored_transactions", "amount")),
                    List.of(new DriftColumn("fraud_score", "user_id"))));
    Compilation c = compile(p);
    assertThat(c.result()).isEmpty();
    assertThat(c.problems())
        .anySatisfy(
            pr -> {
              assertThat(pr.property()).isEqualTo("drift.window");
              assertThat(pr.message()).contains("'soon' is not a duration");
            })
        .anySatisfy(
            pr -> {
              assertThat(pr.property()).isEqualTo("drift.add");
              assertThat(pr.message())
                  .contains("node 'fraud_scor', which does not exist")
                  .contains("did you mean 'fraud_score'?");
            })
        .anySatisfy(
            pr -> {
              assertThat(pr.nodeId()).isEqualTo("transactions");
              assertThat(pr.message())
                  .contains("column 'amout'")
                  .contains("did you mean 'amount'?");
            })
        .anySatisfy(
            pr -> {
              assertThat(pr.nodeId()).isEqualTo("scored_transactions");
              assertThat(pr.message()).contains("a sink without output rows");
            })
        .anySatisfy(
            pr -> {
              assertThat(pr.isError()).isFalse();
              assertThat(pr.property()).isEqualTo("drift.remove");
              assertThat(pr.message()).contains("'fraud_score.user_id', which is not monitored");
            });
  }

  @Test
  void aColumnOfAnUnsupportedTypeIsAProblem() throws Exception {
    Pipeline p =
        fraud()
            .withDrift(
                DriftSettings.DEFAULTS.withColumns(
                    List.of(new DriftColumn("transactions", "transaction_time")), List.of()));
    Compilation c = compile(p);
    assertThat(c.problems())
        .anySatisfy(
            pr -> {
              assertThat(pr.nodeId()).isEqualTo("transactions");
              assertThat(pr.property()).isEqualTo("drift.add");
              assertThat(pr.message())
                  .contains("column 'transaction_time' is TIMESTAMP")
                  .contains("cannot profile");
            });
  }

  @Test
  void aTooShortWindowIsAProblem() throws Exception {
    Compilation c = compile(fraud().withDrift(DriftSettings.DEFAULTS.withWindow("500ms")));
    assertThat(c.problems()).anySatisfy(pr -> assertThat(pr.message()).contains("shorter than 1s"));
  }
}
