package dev.streamwright.designer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.DriftTapSpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drift edits of the view model on the repository's fraud sample (its Model score node reads
 * the sample model): no display, compiles and model reads on the calling thread.
 */
class DriftEditsTest {

  private static final NodeTypeRegistry REGISTRY = NodeTypeRegistry.load();
  static final Path SAMPLE = Path.of("../samples/fraud-detection/pipeline.json");

  /** Where the studio runs the sample: its models in reach and a data folder (in target/). */
  static final Map<String, String> ENV =
      Map.of(
          "models.dir",
          Path.of("..", "samples", "models").toAbsolutePath().normalize().toString(),
          DataFolder.ENVIRONMENT_KEY,
          Path.of("target", "data").toAbsolutePath().toString());

  private static final DriftColumn AMOUNT = new DriftColumn("fraud_score", "amount");
  private static final DriftColumn MERCHANT = new DriftColumn("fraud_score", "merchant");

  private DesignerViewModel model;
  private DriftEdits drift;

  @BeforeEach
  void open() throws Exception {
    model = open(new PipelineCodec().read(SAMPLE));
    drift = model.drift();
  }

  private static DesignerViewModel open(Pipeline p) {
    return new DesignerViewModel(
        new PipelineDocument(p), REGISTRY, Runnable::run, Runnable::run, ENV);
  }

  @AfterEach
  void close() {
    model.close();
  }

  private List<String> tapped(String nodeId) {
    CompiledPipeline compiled = model.lastCompilation().result().orElseThrow();
    return compiled.driftTaps().stream()
        .filter(t -> t.nodeId().equals(nodeId))
        .flatMap(t -> t.columns().stream().map(DriftTapSpec.Column::name))
        .toList();
  }

  @Test
  void theModelScoreNodesInputsAndScoreAreMonitoredByDefault() {
    assertThat(model.lastCompilation().hasErrors()).isFalse();
    assertThat(drift.defaultsProperty().get().get("fraud_score"))
        .contains("amount", "fraud_score")
        .doesNotContain("merchant", "transaction_id");
    assertThat(drift.defaultsProperty().get()).containsOnlyKeys("fraud_score");

    List<DriftEdits.Row> rows = drift.rows("fraud_score");
    DriftEdits.Row amount =
        rows.stream().filter(r -> r.column().equals(AMOUNT)).findFirst().orElseThrow();
    assertThat(amount.monitored()).isTrue();
    assertThat(amount.byDefault()).isTrue();
    assertThat(amount.type()).isEqualTo("DOUBLE");
    DriftEdits.Row merchant =
        rows.stream().filter(r -> r.column().equals(MERCHANT)).findFirst().orElseThrow();
    assertThat(merchant.monitored()).isFalse();
    assertThat(merchant.unsupported()).isNull();
    DriftEdits.Row time =
        rows.stream()
            .filter(r -> r.column().column().equals("transaction_time"))
            .findFirst()
            .orElseThrow();
    assertThat(time.unsupported()).contains("TIMESTAMP").contains("cannot be profiled");
    assertThat(tapped("fraud_score")).contains("amount", "fraud_score");
  }

  @Test
  void uncheckingADefaultColumnRecordsARemovalThatUndoAndRedoFollow() {
    assertThat(model.edit().dirtyProperty().get()).isFalse();

    assertThat(drift.setMonitored("fraud_score", "amount", false)).isTrue();

    assertThat(drift.settings().remove()).containsExactly(AMOUNT);
    assertThat(drift.settings().add()).isEmpty();
    assertThat(drift.isMonitored(AMOUNT)).isFalse();
    assertThat(model.edit().dirtyProperty().get()).isTrue();
    assertThat(model.document().undoDescription())
        .contains("Stop monitoring drift of 'fraud_score.amount'");
    assertThat(tapped("fraud_score")).doesNotContain("amount").contains("fraud_score");

    assertThat(model.undo()).isTrue();
    assertThat(drift.settings()).isEqualTo(DriftSettings.DEFAULTS);
    assertThat(model.edit().dirtyProperty().get()).isFalse();
    assertThat(tapped("fraud_score")).contains("amount");

    assertThat(model.redo()).isTrue();
    assertThat(drift.settings().remove()).containsExactly(AMOUNT);

    assertThat(drift.setMonitored("fraud_score", "amount", true)).isTrue();
    assertThat(drift.settings()).isEqualTo(DriftSettings.DEFAULTS);
  }

  @Test
  void checkingAnotherColumnRecordsAnAdditionThatTheCompilerTaps() {
    DriftColumn merchant = new DriftColumn("validate", "merchant");

    assertThat(drift.setMonitored("validate", "merchant", true)).isTrue();

    assertThat(drift.settings().add()).containsExactly(merchant);
    assertThat(drift.isMonitored(merchant)).isTrue();
    assertThat(tapped("validate")).containsExactly("merchant");

    assertThat(drift.setMonitored("validate", "merchant", false)).isTrue();
    assertThat(drift.settings()).isEqualTo(DriftSettings.DEFAULTS);
    assertThat(model.document().undoDescriptions()).hasSize(2);
  }

  @Test
  void aBadWindowIsRefusedInWordsAndLeavesNoEdit() {
    assertThat(drift.setWindow("soon")).isFalse();
    assertThat(model.edit().messageProperty().get())
        .startsWith("The drift window 'soon' is not a duration")
        .contains("10s");
    assertThat(drift.setWindow("500ms")).isFalse();
    assertThat(model.edit().messageProperty().get())
        .isEqualTo(
            "The drift window '500ms' is shorter than 1s; use 1s or more (the default is 1m)");
    assertThat(model.document().canUndo()).isFalse();
    assertThat(drift.settings().window()).isEqualTo("1m");

    assertThat(drift.setWindow(" 30s ")).isTrue();
    assertThat(drift.settings().window()).isEqualTo("30s");
    assertThat(model.lastCompilation().result().orElseThrow().driftTaps().get(0).window())
        .hasSeconds(30);
  }

  @Test
  void turningDriftOffCompilesNoTapsAndKeepsTheChosenColumns() {
    drift.setMonitored("fraud_score", "amount", false);

    assertThat(drift.setEnabled(false)).isTrue();

    assertThat(drift.settings().enabled()).isFalse();
    assertThat(drift.settings().remove()).containsExactly(AMOUNT);
    assertThat(model.lastCompilation().result().orElseThrow().driftTaps()).isEmpty();
    assertThat(model.document().undoDescription()).contains("Turn drift monitoring off");
  }

  @Test
  void deletingANodeDropsItsDriftEntriesInTheSameEdit() {
    drift.setMonitored("validate", "merchant", true);
    drift.setMonitored("fraud_score", "amount", false);
    model.selectionProperty().set(Selection.ofNodes("validate"));

    assertThat(model.deleteSelection()).isTrue();

    assertThat(drift.settings().add()).isEmpty();
    assertThat(drift.settings().remove()).containsExactly(AMOUNT);
    model.undo();
    assertThat(drift.settings().add()).containsExactly(new DriftColumn("validate", "merchant"));
  }

  @Test
  void aColumnOfAMissingNodeIsAProblemNamingTheNodeAndTheSetting() throws Exception {
    Pipeline p =
        new PipelineCodec()
            .read(SAMPLE)
            .withDrift(
                DriftSettings.DEFAULTS.withColumns(
                    List.of(new DriftColumn("gone", "amount")), List.of()));
    model.close();
    model = open(p);

    assertThat(model.outputs().problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.property()).isEqualTo("drift.add");
              assertThat(problem.message()).contains("'gone'").contains("does not exist");
            });
  }
}
