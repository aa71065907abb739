package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.VersionInfo;
import dev.streamwright.app.workspace.Workspace;
import java.util.List;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved versions of one pipeline and the difference between two of them, for the History
 * dialog. Versions and diffs are read in the background; a newer request wins over an older one.
 */
public final class HistoryViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);

  private final TaskExecutor tasks;
  private final Workspace workspace;
  private final String pipelineId;
  private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "Loading…");
  private long requests;

  HistoryViewModel(TaskExecutor tasks, Workspace workspace, String pipelineId) {
    this.tasks = tasks;
    this.workspace = workspace;
    this.pipelineId = pipelineId;
  }

  /** The pipeline whose history this is. */
  public String pipelineId() {
    return pipelineId;
  }

  /** The versions, newest first; filled by {@link #load()}. */
  public ObservableList<VersionInfo> versions() {
    return versions;
  }

  /** What changed between the two selected versions, one change per line. */
  public ReadOnlyStringProperty diffProperty() {
    return diff.getReadOnlyProperty();
  }

  /** What the diff area says when there is no diff to show. */
  public ReadOnlyStringProperty hintProperty() {
    return hint.getReadOnlyProperty();
  }

  /** Reads the version list. */
  public void load() {
    if (workspace == null) {
      hint.set("No workspace is open.");
      return;
    }
    tasks
        .supply("read the history of " + pipelineId, () -> workspace.history(pipelineId))
        .whenCompleteAsync(
            (list, error) -> {
              if (error != null) {
                LOG.warn("Cannot read the history of {}", pipelineId, error);
                hint.set("The history could not be read: " + message(error));
                return;
              }
              versions.setAll(list);
              hint.set(
                  list.size() < 2
                      ? "This pipeline has one saved version so far; edit it to make more."
                      : "Select two versions to see what changed between them.");
            },
            tasks.ui());
  }

  /** Shows the difference between the selected versions; anything but two selected clears it. */
  public void select(List<VersionInfo> selected) {
    long request = ++requests;
    if (selected.size() != 2) {
      diff.set("");
      if (!versions.isEmpty()) {
        hint.set("Select two versions to see what changed between them.");
      }
      return;
    }
    int a = Math.min(selected.get(0).number(), selected.get(1).number());
    int b = Math.max(selected.get(0).number(), selected.get(1).number());
    hint.set("Comparing version " + a + " with version " + b + "…");
    tasks
        .supply("diff versions " + a + " and " + b, () -> workspace.diff(pipelineId, a, b))
        .whenCompleteAsync(
            (text, error) -> {
              if (request != requests) {
                return;
              }
              if (error != null) {
                LOG.warn("Cannot compare versions {} and {} of {}", a, b, pipelineId, error);
                diff.set("");
                hint.set("The versions could not be compared: " + message(error));
                return;
              }
              String header = "Version " + a + " → version " + b + "\n\n";
              diff.set(header + (text.isBlank() ? "No differences." : text));
            },
            tasks.ui());
  }

  private static String message(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
