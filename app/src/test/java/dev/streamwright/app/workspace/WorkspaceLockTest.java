package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLockTest {

  @TempDir Path dir;

  @Test
  void aSecondOpenOfALockedFolderOffersReadOnlyOrAnotherFolder() {
    try (Workspace first = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_WRITE))
          .isInstanceOf(WorkspaceLockedException.class)
          .hasMessageContaining("in use by another Streamwright")
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining("read-only")
          .hasMessageContaining("another workspace folder")
          .satisfies(
              e ->
                  assertThat(((WorkspaceLockedException) e).directory())
                      .isEqualTo(dir.toAbsolutePath().normalize()));
    }
  }

  @Test
  void theLockIsReleasedOnClose() {
    Workspace.open(dir, OpenMode.READ_WRITE).close();
    try (Workspace again = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(again.isReadOnly()).isFalse();
    }
  }

  @Test
  void readOnlyOpensWhileLockedShowsThePipelinesAndLeavesTheFolderAlone() {
    try (Workspace writer = Workspace.open(dir, OpenMode.READ_WRITE)) {
      writer.save(orders("orders"));
      writer.save(withCondition(orders("orders"), "amount > 20"));
      var storeBefore = StoreFiles.fingerprint(dir.resolve(Workspace.STORE_FOLDER));

      try (Workspace reader = Workspace.open(dir, OpenMode.READ_ONLY)) {
        assertThat(reader.isReadOnly()).isTrue();
        assertThat(reader.load("orders")).contains(withCondition(orders("orders"), "amount > 20"));
        assertThat(reader.history("orders")).hasSize(2);
      }

      assertThat(StoreFiles.fingerprint(dir.resolve(Workspace.STORE_FOLDER)))
          .isEqualTo(storeBefore);
    }
  }

  @Test
  void readOnlyRefusesChangesWithAClearMessage() {
    try (Workspace writer = Workspace.open(dir, OpenMode.READ_WRITE)) {
      writer.save(orders("orders"));
      try (Workspace reader = Workspace.open(dir, OpenMode.READ_ONLY)) {
        assertThatThrownBy(() -> reader.save(withCondition(orders("orders"), "amount > 99")))
            .isInstanceOf(WorkspaceReadOnlyException.class)
            .hasMessageContaining("Cannot save pipeline orders")
            .hasMessageContaining("open read-only")
            .hasMessageContaining("Export");
        assertThatThrownBy(() -> reader.delete("orders"))
            .isInstanceOf(WorkspaceReadOnlyException.class);
        assertThatThrownBy(() -> reader.setSetting("theme", "dark"))
            .isInstanceOf(WorkspaceReadOnlyException.class);
        assertThat(reader.seedIfEmpty(java.util.List.of(orders("s")))).isFalse();
      }
      assertThat(writer.history("orders")).hasSize(1);
    }
  }

  @Test
  void readOnlyCanExportSoChangesCanLeave() throws Exception {
    try (Workspace writer = Workspace.open(dir, OpenMode.READ_WRITE)) {
      writer.save(orders("orders"));
      try (Workspace reader = Workspace.open(dir, OpenMode.READ_ONLY)) {
        reader.exportTo("orders", dir.resolve("copy.json"));
      }
    }
    assertThat(new dev.streamwright.runtime.codec.PipelineCodec().read(dir.resolve("copy.json")))
        .isEqualTo(orders("orders"));
  }

  @Test
  void restoringABackupIsRefusedWhileTheWorkspaceIsOpen() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThatThrownBy(() -> Workspace.restoreBackup(dir, "any"))
          .isInstanceOf(WorkspaceLockedException.class);
    }
  }

  @Test
  void readOnlyOfAFolderWithoutAWorkspaceIsEmptyAndWritesNothing() {
    Path missing = dir.resolve("nothing-here");
    try (Workspace w = Workspace.open(missing, OpenMode.READ_ONLY)) {
      assertThat(w.pipelines()).isEmpty();
    }
    assertThat(missing).doesNotExist();
  }
}
