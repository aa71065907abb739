package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written before {@code WorkspaceRoot} gained a field still opens with everything in
 * it, and takes the new field on: the store maps the old root onto the new class by field names.
 */
class WorkspaceUpgradeTest {

  /** A store written before the recent pipelines existed (see its README). */
  private static final Path BEFORE_RECENT_PIPELINES =
      Path.of("src/test/resources/workspaces/before-recent-pipelines");

  @TempDir Path dir;

  @BeforeEach
  void copyTheOldStore() throws IOException {
    try (Stream<Path> files = Files.walk(BEFORE_RECENT_PIPELINES)) {
      for (Path from : files.toList()) {
        Path to = dir.resolve(BEFORE_RECENT_PIPELINES.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  @Test
  void aStoreFromBeforeRecentPipelinesOpensWithEverythingInIt() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(w.pipelines())
          .extracting(PipelineInfo::id, PipelineInfo::versionCount)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("orders", 2),
              org.assertj.core.groups.Tuple.tuple("returns", 1));
      assertThat(w.load("orders").orElseThrow().node("big").orElseThrow().properties())
          .containsEntry("condition", "amount > 20");
      assertThat(w.history("orders")).hasSize(2);
      assertThat(w.settings()).isEqualTo(Map.of("studio.lastPipeline", "returns"));
      assertThat(w.recentFiles()).containsExactly(Path.of("/home/ann/pipelines/orders.json"));
      assertThat(w.recentPipelines()).isEmpty();
      assertThat(w.details()).extracting(PipelineDetails::description).contains("Orders above ten");

      assertThat(WorkspaceAlerts.of(w).rules())
          .isEqualTo(dev.streamwright.monitor.alerts.DefaultRules.ruleSet());
      assertThat(WorkspaceAlerts.of(w).history()).isEmpty();
      assertThat(WorkspaceAlerts.of(w).channelNames()).isEmpty();

      w.addRecentPipeline("returns");
      w.addRecentPipeline("orders");
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(w.recentPipelines())
          .extracting(PipelineInfo::id)
          .containsExactly("orders", "returns");
      w.addRecentPipeline("returns");
      w.setSetting("studio.theme", "dark");
      WorkspaceAlerts.of(w).saveRules(dev.streamwright.monitor.alerts.RuleSet.EMPTY);
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThat(w.recentPipelines())
          .extracting(PipelineInfo::id)
          .containsExactly("returns", "orders");
      assertThat(w.settings()).containsEntry("studio.theme", "dark");
      assertThat(w.pipelines()).hasSize(2);
      assertThat(w.recentFiles()).hasSize(1);
      assertThat(WorkspaceAlerts.of(w).rules().rules()).isEmpty();
    }
    assertThat(List.of(dir.resolve("store"))).allMatch(Files::isDirectory);
  }

  @Test
  void aStoreFromBeforeDriftReferencesOpensAndTakesOne() {
    var amount =
        new dev.streamwright.monitor.drift.NumericProfile(
            new double[] {0, 1}, new long[] {0, 2, 0}, 0, 0.5, 0.5, new double[0]);
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceReferences.of(w).forModel("m", 1)).isEmpty();
      WorkspaceReferences.of(w)
          .setForModel(
              "m", 1, "a", new dev.streamwright.monitor.drift.live.LiveReference(amount, "file"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceReferences.of(w).forModel("m", 1).get("a").profile()).isEqualTo(amount);
      assertThat(w.pipelines()).hasSize(2);
    }
  }

  @Test
  void aStoreFromBeforePriceProfilesHasThePresetsAndTakesProfilesOn() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspacePrices p = WorkspacePrices.of(w);
      assertThat(p.profiles())
          .containsExactlyElementsOf(dev.streamwright.monitor.cost.PricePresets.all());
      assertThat(p.profileFor("embedded"))
          .isEqualTo(dev.streamwright.monitor.cost.PricePresets.LOCAL_MACHINE);
      p.save(WorkspacePricesTest.OURS);
      p.use("embedded", WorkspacePricesTest.OURS.name());
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThat(WorkspacePrices.of(w).profileFor("embedded")).isEqualTo(WorkspacePricesTest.OURS);
      assertThat(w.pipelines()).hasSize(2);
    }
  }
}
