package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.PipelineDetails;
import dev.streamwright.app.workspace.Workspace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open dialog's state: the workspace's pipelines with their description, tags, last save and
 * version count, newest save first, filtered as the user types. The list is read in the background;
 * every word typed must appear in the name, id, description or a tag (any case). Confined to the FX
 * thread.
 */
public final class OpenPipelineViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(OpenPipelineViewModel.class);

  private final TaskExecutor tasks;
  private final Workspace workspace;
  private final ObservableList<PipelineDetails> all = FXCollections.observableArrayList();
  private final FilteredList<PipelineDetails> filtered = new FilteredList<>(all);
  private final SortedList<PipelineDetails> rows = new SortedList<>(filtered);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", "Loading…");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

  OpenPipelineViewModel(TaskExecutor tasks, Workspace workspace) {
    this.tasks = tasks;
    this.workspace = workspace;
    filter.addListener((obs, old, now) -> refilter());
  }

  /** The workspace folder, for the dialog's header; null when no workspace is open. */
  public Path folder() {
    return workspace == null ? null : workspace.directory();
  }

  /**
   * The pipelines that match the filter, newest save first until the table sorts them otherwise
   * (bind {@link SortedList#comparatorProperty()} to the table's comparator).
   */
  public SortedList<PipelineDetails> rows() {
    return rows;
  }

  /** What the user typed to filter by. */
  public StringProperty filterProperty() {
    return filter;
  }

  /** One line on what the table shows: loading, how many match, or why there are none. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether the pipelines have been read. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** Reads the pipelines in the background. */
  public void load() {
    if (workspace == null) {
      status.set("No workspace is open.");
      return;
    }
    tasks
        .supply("list the pipelines of " + workspace.directory(), workspace::details)
        .whenCompleteAsync(
            (list, error) -> {
              if (error != null) {
                LOG.warn("Cannot list the pipelines of {}", workspace.directory(), error);
                status.set("The pipelines could not be read: " + message(error));
                return;
              }
              all.setAll(list);
              loaded.set(true);
              refilter();
            },
            tasks.ui());
  }

  private void refilter() {
    filtered.setPredicate(matcher(filter.get()));
    if (!loaded.get()) {
      return;
    }
    String typed = filter.get() == null ? "" : filter.get().strip();
    if (all.isEmpty()) {
      status.set("The workspace has no pipelines yet; File > New pipeline starts one.");
    } else if (filtered.isEmpty()) {
      status.set("No pipeline matches “" + typed + "” in its name, description or tags.");
    } else if (typed.isEmpty()) {
      status.set(all.size() + (all.size() == 1 ? " pipeline" : " pipelines"));
    } else {
      status.set(filtered.size() + " of " + all.size() + " pipelines match “" + typed + "”");
    }
  }

  /** Whether the pipeline matches what was typed: every word somewhere in its texts. */
  static Predicate<PipelineDetails> matcher(String typed) {
    List<String> words =
        typed == null || typed.isBlank()
            ? List.of()
            : Arrays.asList(typed.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    if (words.isEmpty()) {
      return p -> true;
    }
    return p -> {
      String text =
          (p.name() + "\n" + p.id() + "\n" + p.description() + "\n" + String.join("\n", p.tags()))
              .toLowerCase(Locale.ROOT);
      return words.stream().allMatch(text::contains);
    };
  }

  private static String message(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
