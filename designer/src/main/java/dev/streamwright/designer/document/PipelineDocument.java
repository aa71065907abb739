package dev.streamwright.designer.document;

import dev.streamwright.designer.document.CommandStack.Step;
import dev.streamwright.designer.document.DocumentChange.Kind;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline being edited in one designer window: the only way to change it is a {@link Command},
 * so every edit can be undone, bumps the {@link #revision()} that previews and the compile service
 * follow, and reaches every listener.
 *
 * <p>Not thread-safe: like the scene graph it is confined to one thread (the FX thread in the
 * studio). Background work reads {@link #pipeline()} snapshots, which are immutable.
 */
public final class PipelineDocument {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineDocument.class);

  private final CommandStack history;
  private final List<Consumer<DocumentChange>> listeners = new CopyOnWriteArrayList<>();
  private final Deque<DocumentChange> outbox = new ArrayDeque<>();
  private boolean dispatching;

  private Pipeline pipeline;
  private long revision;
  // Each distinct pipeline state gets an id (the revision that created it); undo and redo restore
  // the id with the snapshot, so undoing back to the saved state makes the document clean again.
  private long state;
  private long savedState;

  /** A clean document holding {@code pipeline}, with the default history limit. */
  public PipelineDocument(Pipeline pipeline) {
    this(pipeline, new CommandStack());
  }

  /** A clean document holding {@code pipeline} that records edits in {@code history}. */
  public PipelineDocument(Pipeline pipeline, CommandStack history) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.history = Objects.requireNonNull(history, "history");
    history.clear();
  }

  /** The pipeline as it is now. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** Counts every change of the pipeline (edit, undo, redo, load); it never goes back. */
  public long revision() {
    return revision;
  }

  /**
   * Applies the command and records it for undo.
   *
   * @return whether the pipeline changed; a command that changes nothing (moving a node onto its
   *     own position) leaves no undo step and no revision
   * @throws CommandRefused when the command cannot apply; the document is unchanged
   */
  public boolean execute(Command command) throws CommandRefused {
    Pipeline before = pipeline;
    Pipeline after = command.apply(before);
    if (after == null) {
      throw new IllegalStateException(
          "command '" + command.description() + "' returned no pipeline");
    }
    if (after.equals(before)) {
      return false;
    }
    long beforeState = state;
    change(after, ++revision);
    history.push(new Step(command.description(), before, beforeState, after, state));
    publish(Kind.EXECUTED, command.description(), before);
    return true;
  }

  /** Reverts the most recent edit; returns false when there is nothing to undo. */
  public boolean undo() {
    Optional<Step> step = history.undo();
    if (step.isEmpty()) {
      return false;
    }
    Pipeline before = pipeline;
    revision++;
    change(step.get().before(), step.get().beforeState());
    publish(Kind.UNDONE, step.get().description(), before);
    return true;
  }

  /** Repeats the most recently undone edit; returns false when there is nothing to redo. */
  public boolean redo() {
    Optional<Step> step = history.redo();
    if (step.isEmpty()) {
      return false;
    }
    Pipeline before = pipeline;
    revision++;
    change(step.get().after(), step.get().afterState());
    publish(Kind.REDONE, step.get().description(), before);
    return true;
  }

  /**
   * Loads another pipeline (open, import, revert to a saved version): the history is cleared and
   * the document is clean.
   */
  public void replace(Pipeline next) {
    Objects.requireNonNull(next, "next");
    Pipeline before = pipeline;
    history.clear();
    change(next, ++revision);
    savedState = state;
    publish(Kind.REPLACED, "", before);
  }

  /** Records that the current pipeline has been saved, which makes the document clean. */
  public void markSaved() {
    savedState = state;
    publish(Kind.SAVED, "", pipeline);
  }

  /** Whether the pipeline differs from the last saved (or loaded) state. */
  public boolean isDirty() {
    return state != savedState;
  }

  /** Whether there is an edit to undo. */
  public boolean canUndo() {
    return history.canUndo();
  }

  /** Whether there is an undone edit to redo. */
  public boolean canRedo() {
    return history.canRedo();
  }

  /** What undo would revert, for the Edit menu: {@code Undo Add Filter 'filter_1'}. */
  public Optional<String> undoDescription() {
    return history.undoDescription();
  }

  /** What redo would repeat. */
  public Optional<String> redoDescription() {
    return history.redoDescription();
  }

  /** The undoable edits, most recent first. */
  public List<String> undoDescriptions() {
    return history.undoDescriptions();
  }

  /**
   * Calls {@code listener} after every change, in the order the changes happened, on the thread
   * that made the change. A listener may itself execute commands; its change is delivered after the
   * current one has reached every listener.
   */
  public Subscription addListener(Consumer<DocumentChange> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void change(Pipeline next, long nextState) {
    pipeline = next;
    state = nextState;
  }

  private void publish(Kind kind, String description, Pipeline before) {
    outbox.add(new DocumentChange(kind, description, before, pipeline, revision, isDirty()));
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      DocumentChange change;
      while ((change = outbox.poll()) != null) {
        for (Consumer<DocumentChange> l : listeners) {
          try {
            l.accept(change);
          } catch (RuntimeException e) {
            LOG.error(
                "A document listener failed on {} '{}'", change.kind(), change.description(), e);
          }
        }
      }
    } finally {
      dispatching = false;
    }
  }
}
