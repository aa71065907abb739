package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Model score node that skips rows with invalid features gets a warning badge while the job runs,
 * saying how many and which feature was bad last; a job that fails on its model shows the failure
 * on the model's node, not only on the pipeline. Real studio window, real embedded Flink, the fraud
 * sample's ONNX model.
 */
class RunModelHealthIT {

  /** A cold planner and cluster on a busy 2-core machine take tens of seconds. */
  private static final Duration RUN = Duration.ofSeconds(120);

  private static final String COLUMNS =
      """
      {"name": "amount", "type": "DOUBLE", "kind": "expression", "expression": "%s"},
      {"name": "avg_1min_spend", "type": "DOUBLE", "kind": "expression",
       "expression": "10 + CAST(MOD(id, 50) AS DOUBLE) * 4"},
      {"name": "tx_count_1min", "type": "BIGINT", "kind": "expression",
       "expression": "MOD(id, 12) + 1"},
      {"name": "amount_ratio", "type": "DOUBLE", "kind": "expression", "expression": "1.5E0"}
      """;

  /**
   * Valid generated rows forever, and three fixed rows with a NULL or NaN feature, in this order:
   * amount NULL, amount_ratio NaN, amount NaN. Each has one invalid feature, so the last problem
   * (the third row's) is exact.
   */
  private static final String SKIPPING =
      """
      {
        "formatVersion": 1, "id": "skipping", "name": "Skipping",
        "nodes": [
          {"id": "gen", "type": "datagen", "position": {"x": 80, "y": 120},
           "properties": {"rowsPerSecond": 20, "columns": [
             {"name": "id", "type": "BIGINT", "kind": "random", "min": 1, "max": 1000},
             %s]}},
          {"id": "with_bad", "type": "sql", "position": {"x": 300, "y": 120},
           "properties": {
             "query": "SELECT * FROM {{in}} UNION ALL SELECT * FROM (VALUES (CAST(-1 AS BIGINT), CAST(NULL AS DOUBLE), 20.0E0, CAST(2 AS BIGINT), 1.5E0), (CAST(-2 AS BIGINT), 5.0E0, 20.0E0, CAST(2 AS BIGINT), CAST('NaN' AS DOUBLE)), (CAST(-3 AS BIGINT), CAST('NaN' AS DOUBLE), 20.0E0, CAST(2 AS BIGINT), 1.5E0)) AS bad(id, amount, avg_1min_spend, tx_count_1min, amount_ratio)",
             "columns": [
               {"name": "id", "type": "BIGINT"}, {"name": "amount", "type": "DOUBLE"},
               {"name": "avg_1min_spend", "type": "DOUBLE"},
               {"name": "tx_count_1min", "type": "BIGINT"},
               {"name": "amount_ratio", "type": "DOUBLE"}]}},
          {"id": "scored", "type": "model-score", "position": {"x": 520, "y": 120},
           "properties": {"model": "fraud-scorer/fraud-scorer.onnx", "onInvalidInput": "skip",
                          "batchSize": 8, "maxInFlight": 8}},
          {"id": "out", "type": "preview-sink", "position": {"x": 740, "y": 120},
           "properties": {}}
        ],
        "edges": [
          {"from": "gen", "fromPort": "out", "to": "with_bad", "toPort": "in"},
          {"from": "with_bad", "fromPort": "out", "to": "scored", "toPort": "in"},
          {"from": "scored", "fromPort": "out", "to": "out", "toPort": "in"}
        ]
      }
      """
          .formatted(COLUMNS.formatted("CAST(id AS DOUBLE) * 7.5"));

  /** Ten rows; the fifth has a NaN amount, and the model fails the job on it. */
  private static final String FAILING =
      """
      {
        "formatVersion": 1, "id": "failing", "name": "Failing",
        "nodes": [
          {"id": "gen", "type": "datagen", "position": {"x": 80, "y": 120},
           "properties": {"rowsPerSecond": 100, "numberOfRows": 10, "columns": [
             {"name": "id", "type": "BIGINT", "kind": "sequence", "start": 1, "end": 10},
             %s]}},
          {"id": "scored", "type": "model-score", "position": {"x": 360, "y": 120},
           "properties": {"model": "fraud-scorer/fraud-scorer.onnx", "onInvalidInput": "fail"}},
          {"id": "out", "type": "preview-sink", "position": {"x": 640, "y": 120},
           "properties": {}}
        ],
        "edges": [
          {"from": "gen", "fromPort": "out", "to": "scored", "toPort": "in"},
          {"from": "scored", "fromPort": "out", "to": "out", "toPort": "in"}
        ]
      }
      """
          .formatted(
              COLUMNS.formatted(
                  "CASE WHEN id = 5 THEN CAST('NaN' AS DOUBLE) ELSE CAST(id AS DOUBLE) END"));

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void skippedRowsBadgeTheModelNodeWhileTheJobRunsAndAModelFailureLandsOnItsNode()
      throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    PipelineCodec codec = new PipelineCodec();

    Pipeline skipping = codec.parse(SKIPPING);
    Pipeline failing = codec.parse(FAILING);
    studio.robot.interact(() -> studio.model().designer().open(skipping));
    studio.robot.clickOn("#run-button");
    // The three bad rows reach the model one after another, and a health read between two of them
    // shows fewer (e.g. "2 rows ...; last: feature 'amount_ratio' is NaN"): wait for all three.
    // The one that counts three names the third row's feature, never an earlier row's.
    StudioDriver.waitFor(RUN, () -> runProblem("3 rows skipped for invalid input").isPresent());

    Problem skipped = studio.fx(() -> runProblem("skipped for invalid input").orElseThrow());
    assertThat(skipped.isError()).isFalse();
    assertThat(skipped.message())
        .startsWith(
            "Model score: 3 rows skipped for invalid input; last: feature 'amount' is NaN (");
    assertThat(studio.fx(() -> studio.model().run().phaseProperty().get()))
        .isEqualTo(Phase.RUNNING);
    assertThat(studio.fx(() -> studio.view().canvas().badgeOf("scored"))).contains("1 warning");

    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(RUN, () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);

    studio.robot.interact(() -> studio.model().designer().open(failing));
    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(RUN, () -> studio.model().run().phaseProperty().get() == Phase.FAILED);

    Problem failure = studio.fx(() -> runProblem("The run failed").orElseThrow());
    assertThat(failure.nodeId()).isEqualTo("scored");
    assertThat(failure.message()).contains("INPUT column 'amount' is NaN");
    assertThat(studio.fx(() -> studio.view().canvas().badgeOf("scored"))).contains("error");
  }

  /** The first problem the designer shows on node 'scored' whose message contains the text. */
  private Optional<Problem> runProblem(String text) {
    List<Problem> problems = List.copyOf(studio.model().designer().outputs().problems());
    return problems.stream()
        .filter(p -> "scored".equals(p.nodeId()) && p.message().contains(text))
        .findFirst();
  }
}
