package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.SaveResult;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.designer.document.DocumentChange;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Subscription;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the open pipeline to the workspace shortly after each change, so there is no Save command
 * and a killed studio loses at most the last half second. Changes in quick succession (a drag, a
 * burst of typing) make one save; saves run in the background, one at a time, and the status bar
 * follows {@link #stateProperty()}. Confined to the FX thread.
 */
public final class Autosave {

  private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);

  /**
   * Quiet time before a save: long enough that typing a property or dragging a node makes one
   * version instead of dozens, short enough that little is lost if the studio is killed.
   */
  public static final Duration DEFAULT_DELAY = Duration.ofMillis(500);

  /** What the status bar says about saving. */
  public enum State {
    SAVED("Saved"),
    SAVING("Saving…"),
    UNSAVED("Unsaved changes"),
    READ_ONLY("Read-only: changes are not saved"),
    FAILED("Not saved");

    private final String text;

    State(String text) {
      this.text = text;
    }

    /** The status bar text. */
    public String text() {
      return text;
    }
  }

  private final TaskExecutor tasks;
  private final Duration delay;
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.SAVED);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

  private Workspace workspace;
  private PipelineDocument document;
  private Subscription subscription;
  private TaskExecutor.Scheduled pending;
  private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);
  private boolean savingNow;
  private boolean again;

  public Autosave(TaskExecutor tasks, Duration delay) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /** The saved state. */
  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Why the last save failed, in the user's words; empty after a save that worked. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Saves the document's changes to the workspace from now on. */
  public void follow(Workspace target, PipelineDocument doc) {
    stop();
    this.workspace = Objects.requireNonNull(target, "target");
    this.document = Objects.requireNonNull(doc, "doc");
    subscription = doc.addListener(this::changed);
    state.set(target.isReadOnly() ? State.READ_ONLY : doc.isDirty() ? State.UNSAVED : State.SAVED);
  }

  /** Stops following the document; a save in flight still completes. */
  public void stop() {
    cancelPending();
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
  }

  /**
   * Saves now if there are unsaved changes, without waiting for the quiet time.
   *
   * @return completes (on the FX thread) when the document's current state is saved or could not
   *     be; never completes exceptionally
   */
  public CompletableFuture<Void> flush() {
    cancelPending();
    if (document == null || workspace == null || workspace.isReadOnly() || !document.isDirty()) {
      return saving;
    }
    if (savingNow) {
      again = true;
      return saving.thenCompose(v -> flush());
    }
    return save();
  }

  private void changed(DocumentChange change) {
    if (!change.pipelineChanged() || workspace == null) {
      return;
    }
    if (workspace.isReadOnly()) {
      state.set(State.READ_ONLY);
      return;
    }
    if (!change.dirty()) {
      // Undone back to the saved state, or another pipeline was loaded: nothing to save.
      cancelPending();
      if (!savingNow) {
        state.set(State.SAVED);
      }
      return;
    }
    state.set(savingNow ? State.SAVING : State.UNSAVED);
    cancelPending();
    pending = tasks.schedule(delay, this::due);
  }

  private void due() {
    pending = null;
    if (savingNow) {
      again = true;
      return;
    }
    if (document != null && document.isDirty()) {
      save();
    }
  }

  private CompletableFuture<Void> save() {
    PipelineDocument doc = document;
    Workspace target = workspace;
    Pipeline snapshot = doc.pipeline();
    savingNow = true;
    state.set(State.SAVING);
    saving =
        tasks
            .supply("save pipeline " + snapshot.id(), () -> target.save(snapshot))
            .handleAsync((result, error) -> saved(doc, snapshot, result, error), tasks.ui());
    return saving;
  }

  private Void saved(PipelineDocument doc, Pipeline snapshot, SaveResult result, Throwable error) {
    savingNow = false;
    if (doc != document) {
      return null; // another pipeline is open now; its own state stands
    }
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      LOG.error("Autosave of pipeline {} failed", snapshot.id(), cause);
      problem.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
      state.set(State.FAILED);
      return null;
    }
    problem.set("");
    LOG.debug("Saved pipeline {}: {}", snapshot.id(), result);
    if (doc.pipeline().equals(snapshot)) {
      doc.markSaved();
      state.set(State.SAVED);
    } else {
      state.set(State.UNSAVED);
      if (again || pending == null) {
        pending = tasks.schedule(delay, this::due);
      }
    }
    again = false;
    return null;
  }

  private void cancelPending() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }
}
