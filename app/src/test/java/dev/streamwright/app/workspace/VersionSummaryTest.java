package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.diff.PipelineDiff;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionSummaryTest {

  @Test
  void namesChangedPropertiesButNeverTheirValues() {
    Pipeline before = orders("p");
    Pipeline after =
        before.withNode(
            before.node("big").orElseThrow().withProperty("password", "hunter2-secret"));

    String summary = VersionSummary.of(PipelineDiff.between(before, after));

    assertThat(summary).isEqualTo("changed big (password)").doesNotContain("hunter2");
  }

  @Test
  void countsAddedNodesMovesAndEdges() {
    Pipeline before = orders("p");
    Pipeline after =
        before
            .withNode(Node.of("extra", "print", Map.of()))
            .withNode(before.node("out").orElseThrow().withPosition(new Position(1, 1)))
            .withEdge(new Edge("big", "out", "extra", "in"));

    assertThat(VersionSummary.of(PipelineDiff.between(before, after)))
        .isEqualTo("added extra; moved out; 1 edge added");
  }

  @Test
  void longListsAreCountedAndTheSummaryStaysShort() {
    Pipeline before = Pipeline.empty("p");
    Pipeline after = before;
    for (int i = 0; i < 60; i++) {
      after = after.withNode(Node.of("node-with-a-long-id-" + i, "print", Map.of()));
    }

    String summary = VersionSummary.of(PipelineDiff.between(before, after));

    assertThat(summary).endsWith("and 57 more").hasSizeLessThanOrEqualTo(VersionSummary.MAX_LENGTH);
  }
}
