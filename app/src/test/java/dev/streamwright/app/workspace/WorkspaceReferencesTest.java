package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.live.LiveReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift references survive a restart, per model version and per node. */
class WorkspaceReferencesTest {

  @TempDir Path dir;

  private static final NumericProfile AMOUNT =
      new NumericProfile(
          new double[] {0, 1, 2}, new long[] {0, 3, 5, 0}, 1, 1.1, 0.5, new double[] {0.5, 1.5});

  @Test
  void referencesAreKeptPerModelVersionAndPerNode() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceReferences r = WorkspaceReferences.of(w);
      assertThat(r.forModel("fraud-scorer", 1)).isEmpty();
      r.setForModel("fraud-scorer", 1, "amount", new LiveReference(AMOUNT, "file rows.csv"));
      r.setForNode(
          "shop",
          "filter",
          "country",
          new LiveReference(
              new CategoricalProfile(List.of("DE"), new long[] {4, 1}, 0), "live data"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceReferences r = WorkspaceReferences.of(w);
      LiveReference back = r.forModel("fraud-scorer", 1).get("amount");
      assertThat(back.profile()).isEqualTo(AMOUNT);
      assertThat(back.source()).isEqualTo("file rows.csv");
      assertThat(r.forModel("fraud-scorer", 2)).as("a new version has its own").isEmpty();
      assertThat(r.forNode("shop", "filter")).containsOnlyKeys("country");
      assertThat(r.clearForModel("fraud-scorer", 1, "amount")).isTrue();
      assertThat(r.forModel("fraud-scorer", 1)).isEmpty();
    }
  }

  @Test
  void aReadOnlyWorkspaceRefusesWithWhatWasAsked() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceReferences.of(w).setForModel("m", 1, "a", new LiveReference(AMOUNT, "x"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThatThrownBy(
              () ->
                  WorkspaceReferences.of(w)
                      .setForModel("m", 1, "a", new LiveReference(AMOUNT, "y")))
          .isInstanceOf(WorkspaceReadOnlyException.class)
          .hasMessageContaining("set the drift reference of m@1/a");
      assertThat(WorkspaceReferences.of(w).forModel("m", 1).get("a").source()).isEqualTo("x");
    }
  }
}
