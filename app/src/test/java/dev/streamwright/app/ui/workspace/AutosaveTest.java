package dev.streamwright.app.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.app.ui.workspace.Autosave.State;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {

  @TempDir Path folder;

  private final SameThreadTasks tasks = new SameThreadTasks();
  private final Autosave autosave = new Autosave(tasks, Autosave.DEFAULT_DELAY);
  private Workspace workspace;
  private PipelineDocument document;

  @BeforeEach
  void open() {
    workspace = Workspace.open(folder, OpenMode.READ_WRITE);
    Pipeline p = Pipeline.empty("p");
    workspace.save(p);
    document = new PipelineDocument(p);
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  private static Command add(String id) {
    return new Command() {
      @Override
      public String description() {
        return "Add " + id;
      }

      @Override
      public Pipeline apply(Pipeline before) {
        return before.withNode(Node.of(id, "filter", Map.of()));
      }
    };
  }

  @Test
  void aBurstOfEditsIsSavedOnceAfterTheQuietTime() throws Exception {
    autosave.follow(workspace, document);

    document.execute(add("a"));
    document.execute(add("b"));
    document.execute(add("c"));

    assertThat(autosave.stateProperty().get()).isEqualTo(State.UNSAVED);
    assertThat(tasks.pending()).isEqualTo(1);
    assertThat(tasks.fireDue()).isEqualTo(1);
    assertThat(workspace.history("p")).hasSize(2);
    assertThat(workspace.load("p").orElseThrow().nodes()).hasSize(3);
    assertThat(autosave.stateProperty().get()).isEqualTo(State.SAVED);
    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void undoingBackToTheSavedStateCancelsTheSave() throws Exception {
    autosave.follow(workspace, document);

    document.execute(add("a"));
    document.undo();

    assertThat(tasks.pending()).isZero();
    assertThat(autosave.stateProperty().get()).isEqualTo(State.SAVED);
    assertThat(workspace.history("p")).hasSize(1);
  }

  @Test
  void flushSavesWithoutWaitingForTheQuietTime() throws Exception {
    autosave.follow(workspace, document);
    document.execute(add("a"));

    autosave.flush().get();

    assertThat(workspace.load("p").orElseThrow().nodes()).hasSize(1);
    assertThat(tasks.pending()).isZero();
    assertThat(autosave.stateProperty().get()).isEqualTo(State.SAVED);
  }

  @Test
  void aReadOnlyWorkspaceIsNeverWrittenAndSaysSo() throws Exception {
    Workspace readOnly = Workspace.open(folder.resolve("other"), OpenMode.READ_ONLY);
    try {
      autosave.follow(readOnly, document);
      document.execute(add("a"));

      assertThat(tasks.pending()).isZero();
      assertThat(autosave.stateProperty().get()).isEqualTo(State.READ_ONLY);
      assertThat(autosave.stateProperty().get().text()).startsWith("Read-only");
    } finally {
      readOnly.close();
    }
  }

  @Test
  void aFailedSaveSaysWhyAndKeepsTheChangesUnsaved() throws Exception {
    autosave.follow(workspace, document);
    document.execute(add("a"));
    workspace.close();

    tasks.fireDue();

    assertThat(autosave.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(autosave.problemProperty().get()).isNotBlank().doesNotContain("Exception");
    assertThat(document.isDirty()).isTrue();
  }
}
