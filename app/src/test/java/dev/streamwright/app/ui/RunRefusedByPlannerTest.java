package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.problems.ProblemsView;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter whose condition names a column that does not exist passes the designer's own checks; at
 * Run, Flink's planner refuses it, and the error shows where the designer's errors show: as a badge
 * on the filter and in Problems, on the property 'condition'. The next edit clears it.
 */
class RunRefusedByPlannerTest {

  /** The planner's first check starts Flink's table environment cold: seconds on a slow machine. */
  private static final Duration CHECKED = Duration.ofSeconds(60);

  private static final String PIPELINE =
      """
      {
        "formatVersion": 1,
        "id": "missing-column",
        "name": "Missing column",
        "nodes": [
          {"id": "gen", "type": "datagen", "position": {"x": 80, "y": 120},
           "properties": {"columns": [{"name": "amount", "type": "INT", "kind": "random"}]}},
          {"id": "big", "type": "filter", "position": {"x": 360, "y": 120},
           "properties": {"condition": "no_such_column > 10"}},
          {"id": "out", "type": "preview-sink", "position": {"x": 640, "y": 120},
           "properties": {}}
        ],
        "edges": [
          {"from": "gen", "fromPort": "out", "to": "big", "toPort": "in"},
          {"from": "big", "fromPort": "out", "to": "out", "toPort": "in"}
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
  void thePlannersRefusalBadgesTheFilterAndIsListedInProblemsUntilTheNextEdit() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    Pipeline pipeline = new PipelineCodec().parse(PIPELINE);
    studio.robot.interact(() -> studio.model().designer().open(pipeline));
    StudioDriver.waitFor(
        CHECKED,
        () ->
            studio.model().designer().lastCompilation() != null
                && !studio.model().designer().outputs().compilingProperty().get());
    assertThat(studio.fx(() -> studio.model().designer().outputs().problems()))
        .as("the designer's own checks pass")
        .noneMatch(Problem::isError);

    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(CHECKED, () -> studio.model().run().phaseProperty().get() == Phase.FAILED);

    Problem refusal =
        studio.fx(
            () ->
                studio.model().designer().outputs().problems().stream()
                    .filter(p -> "big".equals(p.nodeId()))
                    .findFirst()
                    .orElseThrow());
    assertThat(refusal.isError()).isTrue();
    assertThat(refusal.property()).isEqualTo("condition");
    assertThat(
            studio.fx(
                () ->
                    studio
                        .model()
                        .designer()
                        .outputs()
                        .summary(studio.model().designer().pipeline().node("big").orElseThrow())
                        .badgeText()))
        .isEqualTo("1 error");
    assertThat(studio.fx(() -> studio.view().canvas().badgeOf("big"))).isEqualTo("1 error");
    assertThat(
            studio.fx(
                () -> studio.view().bottomTabs().getSelectionModel().getSelectedItem().getId()))
        .isEqualTo(MainView.PROBLEMS_TAB);
    ProblemsView problems = studio.find("." + DesignerStyles.PROBLEMS);
    assertThat(studio.fx(() -> problems.table().getItems())).contains(refusal);

    studio.robot.interact(
        () -> studio.model().designer().moveNodes(Map.of("big", new Position(380, 140))));

    assertThat(studio.fx(() -> problems.table().getItems())).doesNotContain(refusal);
    assertThat(studio.fx(() -> studio.view().canvas().badgeOf("big"))).isEmpty();
  }
}
