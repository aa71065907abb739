package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipelines File > Open lists with their details, and those File > Open Recent offers. */
class RecentPipelinesTest {

  @TempDir Path dir;

  /** A clock a minute further on each time it is read, so every save has its own time. */
  private static Clock ticking() {
    return new Clock() {
      private Instant now = Instant.parse("2026-12-01T10:00:00Z");

      @Override
      public synchronized Instant instant() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
  }

  private Workspace open() {
    return Workspace.open(dir, OpenMode.READ_WRITE, ticking());
  }

  private static List<String> ids(List<PipelineInfo> infos) {
    return infos.stream().map(PipelineInfo::id).toList();
  }

  @Test
  void recentPipelinesAreMostRecentFirstAndKeptAcrossReopening() {
    try (Workspace w = open()) {
      for (String id : List.of("a", "b", "c")) {
        w.save(orders(id));
      }
      assertThat(w.recentPipelines()).isEmpty();
      w.addRecentPipeline("a");
      w.addRecentPipeline("b");
      w.addRecentPipeline("c");
      w.addRecentPipeline("a");
      w.addRecentPipeline("unknown");
      assertThat(ids(w.recentPipelines())).containsExactly("a", "c", "b");
    }
    try (Workspace w = open()) {
      assertThat(ids(w.recentPipelines())).containsExactly("a", "c", "b");
      assertThat(w.recentPipelines().get(0).name()).isEqualTo("Orders a");
    }
  }

  @Test
  void onlyTheLastTenAreKept() {
    try (Workspace w = open()) {
      for (int i = 1; i <= 12; i++) {
        w.save(orders("p" + i));
        w.addRecentPipeline("p" + i);
      }
      assertThat(ids(w.recentPipelines()))
          .containsExactly("p12", "p11", "p10", "p9", "p8", "p7", "p6", "p5", "p4", "p3");
    }
  }

  @Test
  void aDeletedPipelineLeavesTheRecentPipelines() {
    try (Workspace w = open()) {
      w.save(orders("a"));
      w.save(orders("b"));
      w.addRecentPipeline("a");
      w.addRecentPipeline("b");
      w.delete("a");
      assertThat(ids(w.recentPipelines())).containsExactly("b");
    }
    try (Workspace w = open()) {
      assertThat(ids(w.recentPipelines())).containsExactly("b");
      w.save(orders("a"));
      assertThat(ids(w.recentPipelines())).as("a new pipeline is not recent").containsExactly("b");
    }
  }

  @Test
  void detailsShowDescriptionTagsAndVersionsNewestSaveFirst() {
    try (Workspace w = open()) {
      w.save(orders("old"));
      w.save(
          new Pipeline(
              "tagged",
              "Tagged",
              "Counts clicks",
              1,
              List.of("web", "demo"),
              List.of(),
              List.of()));
      w.save(withCondition(orders("old"), "amount > 99"));

      List<PipelineDetails> details = w.details();
      assertThat(details).extracting(PipelineDetails::id).containsExactly("old", "tagged");
      PipelineDetails old = details.get(0);
      assertThat(old.description()).isEqualTo("Orders above ten");
      assertThat(old.tags()).containsExactly("test");
      assertThat(old.versionCount()).isEqualTo(2);
      assertThat(details.get(1).tags()).as("in canonical order").containsExactly("demo", "web");

      // A new version with another description shows at once.
      w.save(
          new Pipeline(
              "tagged", "Tagged", "Counts views", 1, List.of("web"), List.of(), List.of()));
      assertThat(w.details().get(0))
          .satisfies(
              d -> {
                assertThat(d.id()).isEqualTo("tagged");
                assertThat(d.description()).isEqualTo("Counts views");
                assertThat(d.tags()).containsExactly("web");
                assertThat(d.versionCount()).isEqualTo(2);
              });
    }
  }
}
