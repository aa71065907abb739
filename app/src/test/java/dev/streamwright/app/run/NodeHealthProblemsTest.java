package dev.streamwright.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.compile.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model node's health becomes warnings and errors on that node, in the user's words. */
class NodeHealthProblemsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant AT = Instant.parse("2026-11-23T18:22:01.250Z");

  private static NodeHealth health(long scored, long skipped, long defaulted, long errors) {
    return new NodeHealth(
        "scored", scored, skipped, defaulted, errors, "INPUT column 'amount' is NaN", AT);
  }

  @Test
  void skippedRowsAreAWarningOnTheNodeWithTheLastBadFeatureAndItsTime() {
    assertThat(NodeHealthProblems.of(Map.of("scored", health(100, 12, 0, 0)), UTC))
        .containsExactly(
            Problem.warning(
                "scored",
                null,
                "Model score: 12 rows skipped for invalid input; last: feature 'amount' is NaN"
                    + " (18:22:01). Clean the feature upstream, or choose dead-letter under On"
                    + " invalid input to keep such rows on the invalid output."));
  }

  @Test
  void defaultedRowsAreAWarningThatTheirScoresAreGuesses() {
    assertThat(NodeHealthProblems.of(Map.of("scored", health(100, 0, 1, 0)), UTC))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.nodeId()).isEqualTo("scored");
              assertThat(p.message())
                  .startsWith(
                      "Model score: 1 row scored with the default value for invalid input;"
                          + " last: feature 'amount' is NaN (18:22:01).");
            });
  }

  @Test
  void rowsThatCouldNotBeScoredAreAnErrorThatCarriesTheLastProblem() {
    NodeHealth h =
        new NodeHealth(
            "scored",
            0,
            3,
            0,
            16,
            "ONNX Runtime failed to score a batch of 16 rows with /m.onnx: out of memory.",
            AT);

    assertThat(NodeHealthProblems.of(Map.of("scored", h), UTC))
        .containsExactly(
            Problem.warning(
                "scored",
                null,
                "Model score: 3 rows skipped for invalid input. Clean the feature upstream, or"
                    + " choose dead-letter under On invalid input to keep such rows on the"
                    + " invalid output."),
            Problem.error(
                "scored",
                null,
                "Model score: 16 rows could not be scored; last: ONNX Runtime failed to score a"
                    + " batch of 16 rows with /m.onnx: out of memory (18:22:01)."));
  }

  @Test
  void aHealthyNodeHasNoProblems() {
    assertThat(
            NodeHealthProblems.of(
                Map.of("scored", new NodeHealth("scored", 500, 0, 0, 0, "", null)), UTC))
        .isEmpty();
  }
}
