package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceReferences;
import dev.streamwright.monitor.ui.DriftPanel;
import dev.streamwright.monitor.ui.MonitorView;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline with a Model score node runs in the studio on the embedded runtime with a 2-second
 * drift window: the Monitor view's Drift tab fills with the model's columns compared with the model
 * card's reference, the Cost tab prices the run with the embedded runtime's local profile, the
 * canvas carries the model node's drift badge, and "Use the last hour as reference" keeps the
 * column's live data as the model version's reference in the workspace. Real studio window, real
 * embedded Flink, the fraud sample's ONNX model and card.
 */
class RunDriftCostIT {

  /** A cold planner and cluster on a busy 2-core machine take tens of seconds. */
  private static final Duration RUN = Duration.ofSeconds(150);

  private static final String PIPELINE =
      """
      {
        "formatVersion": 1, "id": "drifting", "name": "Drifting",
        "tags": ["team:risk"],
        "drift": {"window": "2s"},
        "nodes": [
          {"id": "gen", "type": "datagen", "position": {"x": 80, "y": 120},
           "properties": {"rowsPerSecond": 50, "columns": [
             {"name": "id", "type": "BIGINT", "kind": "random", "min": 1, "max": 1000},
             {"name": "amount", "type": "DOUBLE", "kind": "expression",
              "expression": "CAST(id AS DOUBLE) * 7.5"},
             {"name": "avg_1min_spend", "type": "DOUBLE", "kind": "expression",
              "expression": "10 + CAST(MOD(id, 50) AS DOUBLE) * 4"},
             {"name": "tx_count_1min", "type": "BIGINT", "kind": "expression",
              "expression": "MOD(id, 12) + 1"},
             {"name": "amount_ratio", "type": "DOUBLE", "kind": "expression",
              "expression": "1.5E0"}]}},
          {"id": "scored", "type": "model-score", "position": {"x": 360, "y": 120},
           "properties": {"model": "fraud-scorer/fraud-scorer.onnx"}},
          {"id": "out", "type": "preview-sink", "position": {"x": 640, "y": 120},
           "properties": {}}
        ],
        "edges": [
          {"from": "gen", "fromPort": "out", "to": "scored", "toPort": "in"},
          {"from": "scored", "fromPort": "out", "to": "out", "toPort": "in"}
        ]
      }
      """;

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void theDriftAndCostTabsFillAndTheLastHourBecomesTheModelsReference() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    Pipeline pipeline = new PipelineCodec().parse(PIPELINE);
    studio.robot.interact(() -> studio.model().designer().open(pipeline));
    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(
        RUN,
        () ->
            studio.model().run().phaseProperty().get() == Phase.RUNNING
                || studio.model().run().phaseProperty().get() == Phase.FAILED);
    assertThat(studio.fx(() -> studio.model().run().phaseProperty().get()))
        .as(
            "%s",
            studio.fx(
                () ->
                    List.copyOf(studio.model().designer().outputs().problems())
                        + " "
                        + studio.model().run().failureProperty().get()))
        .isEqualTo(Phase.RUNNING);

    // The Drift tab lists the model's inputs and score, compared with the card's reference.
    StudioDriver.waitFor(
        RUN,
        () -> {
          List<String> columns = driftColumns();
          return columns.containsAll(
              List.of("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio", "fraud_score"));
        });
    DriftPanel drift = studio.fx(() -> studio.view().monitor().view().drift());
    TableView<?> table = (TableView<?>) studio.fx(() -> drift.lookup("#drift-table"));
    assertThat(studio.fx(() -> measures(table)))
        .as("every column has a reference from the model card")
        .doesNotContain("no reference");
    Label share = (Label) studio.fx(() -> drift.lookup("#drift-share"));
    assertThat(studio.fx(share::getText)).startsWith("Last window. Dataset drift: ");
    // The canvas badges the model node with its drift.
    StudioDriver.waitFor(
        RUN, () -> studio.view().canvas().overlayTextOf("scored").contains("drift"));

    // The Cost tab prices the run with the embedded runtime's profile.
    MonitorView view = studio.fx(() -> studio.view().monitor().view());
    Label price = (Label) studio.fx(() -> view.cost().lookup("#cost-price-label"));
    StudioDriver.waitFor(RUN, () -> price.getText().startsWith("Priced with 'Local machine"));
    Label cpu = (Label) studio.fx(() -> view.cost().lookup("#cost-cpu-used"));
    assertThat(studio.fx(cpu::getText)).matches("[A-Z]{3} [0-9.,]+");

    // Use the last hour of amount as the reference of the model's version.
    int row = studio.fx(() -> driftColumns().indexOf("amount"));
    studio.fx(
        () -> {
          table.getSelectionModel().select(row);
          return null;
        });
    Button useLastHour = (Button) studio.fx(() -> drift.lookup("#drift-use-last-hour"));
    studio.fx(
        () -> {
          useLastHour.fire();
          return null;
        });
    Label message = (Label) studio.fx(() -> drift.lookup("#drift-message"));
    StudioDriver.waitFor(RUN, () -> message.getText().startsWith("Column amount of model"));
    assertThat(studio.fx(message::getText))
        .contains("fraud-scorer")
        .contains("is now compared with live data");
    Workspace ws = studio.fx(() -> studio.model().workspace().workspaceProperty().get());
    ModelCard card = ModelCard.read(ws.directory().resolve("models/fraud-scorer/card.json"));
    assertThat(WorkspaceReferences.of(ws).forModel(card.id(), card.version()))
        .containsKey("amount");
    assertThat(
            WorkspaceReferences.of(ws).forModel(card.id(), card.version()).get("amount").source())
        .startsWith("live data ");

    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(RUN, () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
  }

  /** The columns the Drift tab lists; on the FX thread. */
  private List<String> driftColumns() {
    MonitorView view = studio.view().monitor().view();
    if (view == null) {
      return List.of();
    }
    return cells((TableView<?>) view.drift().lookup("#drift-table"), "Column");
  }

  /** The Measure column of the drift table; on the FX thread. */
  private static List<String> measures(TableView<?> table) {
    return cells(table, "Measure");
  }

  private static List<String> cells(TableView<?> table, String column) {
    List<String> out = new ArrayList<>();
    for (var c : table.getColumns()) {
      if (c.getText().equals(column)) {
        for (int i = 0; i < table.getItems().size(); i++) {
          out.add(String.valueOf(c.getCellData(i)));
        }
      }
    }
    return out;
  }
}
