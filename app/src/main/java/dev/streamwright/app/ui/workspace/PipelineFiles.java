package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline files going in and out of the workspace: import (refused with a readable dialog when the
 * file is malformed or from a newer Streamwright, and then nothing is imported), export, and the
 * recent files they leave behind. Confined to the FX thread; file and store work runs in the
 * background.
 */
public final class PipelineFiles {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineFiles.class);

  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final DesignerViewModel designer;
  private final Autosave autosave;
  private final ObservableObjectValue<Workspace> workspace;
  private final Consumer<Pipeline> show;
  private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
  private final ObservableList<Path> recentFilesView =
      FXCollections.unmodifiableObservableList(recentFiles);

  PipelineFiles(
      TaskExecutor tasks,
      DialogService dialogs,
      DesignerViewModel designer,
      Autosave autosave,
      ObservableObjectValue<Workspace> workspace,
      Consumer<Pipeline> show) {
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.designer = designer;
    this.autosave = autosave;
    this.workspace = workspace;
    this.show = show;
  }

  /** Recently imported and exported files, most recent first. */
  public ObservableList<Path> recentFiles() {
    return recentFilesView;
  }

  void showRecent(List<Path> files) {
    recentFiles.setAll(files);
  }

  /** Asks for a pipeline file and imports it. */
  public void importFile() {
    dialogs.chooseFileToOpen("Import a pipeline file").ifPresent(this::importFile);
  }

  /**
   * Imports a pipeline file into the workspace and opens it. A file that is malformed or from a
   * newer Streamwright is refused with a dialog saying why; nothing is imported then.
   */
  public CompletableFuture<Void> importFile(Path file) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return CompletableFuture.completedFuture(null);
    }
    return autosave
        .flush()
        .thenCompose(v -> tasks.supply("import " + file, () -> ws.importFile(file)))
        .handleAsync(
            (imported, error) -> {
              if (error != null) {
                UserErrors.report(
                    dialogs,
                    "Cannot import " + file.getFileName(),
                    file.getFileName() + " was not imported",
                    error);
              } else {
                show.accept(imported);
                refreshRecentFiles(ws);
              }
              return null;
            },
            tasks.ui());
  }

  /** Asks where to write the open pipeline and exports it as a pipeline file. */
  public void export() {
    Workspace ws = workspace.get();
    Pipeline pipeline = designer.pipeline();
    Optional<Path> target =
        dialogs.chooseFileToSave("Export the pipeline", pipeline.id() + ".json");
    if (ws == null || target.isEmpty()) {
      return;
    }
    Path file = target.get();
    autosave
        .flush()
        .thenCompose(
            v -> {
              // Read-only edits (or a save that failed) live only in the editor: write what the
              // user sees rather than the workspace's newest version.
              boolean fromEditor = ws.isReadOnly() || designer.document().isDirty();
              Pipeline shown = designer.pipeline();
              return tasks.run(
                  "export to " + file,
                  () -> {
                    if (fromEditor) {
                      writeFile(shown, file);
                    } else {
                      ws.exportTo(shown.id(), file);
                    }
                  });
            })
        .whenCompleteAsync(
            (v, error) -> {
              if (error != null) {
                UserErrors.report(dialogs, "Cannot export", "The pipeline was not exported", error);
              } else {
                refreshRecentFiles(ws);
              }
            },
            tasks.ui());
  }

  private static void writeFile(Pipeline pipeline, Path file) {
    try {
      new PipelineCodec().write(pipeline, file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write " + file + " (" + e.getMessage() + "); choose another file", e);
    }
  }

  private void refreshRecentFiles(Workspace ws) {
    tasks
        .supply("list recent files", ws::recentFiles)
        .thenAcceptAsync(recentFiles::setAll, tasks.ui())
        .exceptionally(
            e -> {
              LOG.warn("Could not read the recent files", e);
              return null;
            });
  }
}
