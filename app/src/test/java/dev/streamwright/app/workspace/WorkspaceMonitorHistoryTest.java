package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's last-known figures survive a restart, bounded to the newest deployments. */
class WorkspaceMonitorHistoryTest {

  @TempDir Path dir;

  @Test
  void aSavedHistoryIsThereAfterARestart() {
    double[] packed = {1_000, 1, 5, 3, 2, 61_000, 2, 2, 2, 1};
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceMonitorHistory.of(w).load("d1")).isEmpty();
      WorkspaceMonitorHistory.of(w).save("d1", Map.of("records_out_per_s|node:score", packed));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      Map<String, double[]> back = WorkspaceMonitorHistory.of(w).load("d1").orElseThrow();
      assertThat(back).containsOnlyKeys("records_out_per_s|node:score");
      assertThat(back.get("records_out_per_s|node:score")).containsExactly(packed);
      assertThat(WorkspaceMonitorHistory.of(w).load("d2")).isEmpty();
    }
  }

  @Test
  void aNewerSaveReplacesTheOldAndOnlyTheNewestDeploymentsAreKept() throws Exception {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceMonitorHistory h = WorkspaceMonitorHistory.of(w);
      for (int i = 0; i <= WorkspaceMonitorHistory.KEPT; i++) {
        h.save("d" + i, Map.of("k", new double[] {i}));
        Thread.sleep(2); // distinct save times, so "oldest" is well defined
      }
      h.save("d5", Map.of("k", new double[] {55}));
      assertThat(h.load("d0")).as("the oldest beyond the bound").isEmpty();
      assertThat(h.load("d1").orElseThrow().get("k")).containsExactly(1);
      assertThat(h.load("d5").orElseThrow().get("k")).containsExactly(55);
      assertThat(h.load("d" + WorkspaceMonitorHistory.KEPT)).isPresent();
    }
  }

  @Test
  void aReadOnlyWorkspaceIsLeftAlone() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceMonitorHistory.of(w).save("d1", Map.of("k", new double[] {1}));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      WorkspaceMonitorHistory.of(w).save("d1", Map.of("k", new double[] {2}));
      assertThat(WorkspaceMonitorHistory.of(w).load("d1").orElseThrow().get("k"))
          .containsExactly(1);
    }
  }
}
