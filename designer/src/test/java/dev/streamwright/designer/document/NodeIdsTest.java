package dev.streamwright.designer.document;

import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Pipeline;
import org.junit.jupiter.api.Test;

class NodeIdsTest {

  @Test
  void firstIdOfATypeIsNumberedOne() {
    assertThat(NodeIds.next(Pipeline.empty("p"), "filter")).isEqualTo("filter_1");
  }

  @Test
  void newIdIsOnePastTheHighestOfItsType() {
    Pipeline p = pipeline().node("filter_1", "filter").node("filter_7", "filter").build();

    assertThat(NodeIds.next(p, "filter")).isEqualTo("filter_8");
  }

  @Test
  void idsOfOtherTypesDoNotCount() {
    Pipeline p = pipeline().node("project_4", "project").node("f", "filter").build();

    assertThat(NodeIds.next(p, "filter")).isEqualTo("filter_1");
  }

  @Test
  void typeIdsWithDashesGiveIdsWithUnderscores() {
    assertThat(NodeIds.next(Pipeline.empty("p"), "window-aggregate"))
        .isEqualTo("window_aggregate_1");
  }

  @Test
  void typeIdsThatDoNotStartWithALetterGetAPrefix() {
    assertThat(NodeIds.next(Pipeline.empty("p"), "3d")).isEqualTo("node_3d_1");
  }

  @Test
  void idsAllocatedInOneRunAreDistinct() {
    NodeIds ids = new NodeIds(pipeline().node("filter_2", "filter").build());

    assertThat(ids.next("filter")).isEqualTo("filter_3");
    assertThat(ids.next("filter")).isEqualTo("filter_4");
  }
}
