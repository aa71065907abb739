package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Pipeline;
import java.util.Objects;

/**
 * What just happened to a {@link PipelineDocument}, sent to its listeners so views, the compile
 * service and the dirty marker follow the document without polling it.
 *
 * @param kind what kind of change
 * @param description the edit's description (for undo and redo the edit undone or redone); empty
 *     for loads and saves
 * @param before the pipeline before the change
 * @param after the pipeline now
 * @param revision the document's revision after the change
 * @param dirty whether the document now differs from its saved state
 */
public record DocumentChange(
    Kind kind, String description, Pipeline before, Pipeline after, long revision, boolean dirty) {

  /** The kinds of change. */
  public enum Kind {
    /** A command was executed. */
    EXECUTED,
    /** The last command was undone. */
    UNDONE,
    /** An undone command was redone. */
    REDONE,
    /** A whole new pipeline was loaded; the history was cleared. */
    REPLACED,
    /** The current state was marked as saved; the pipeline did not change. */
    SAVED
  }

  public DocumentChange {
    Objects.requireNonNull(kind, "kind");
    description = description == null ? "" : description;
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** Whether the pipeline changed (every kind but {@link Kind#SAVED}). */
  public boolean pipelineChanged() {
    return kind != Kind.SAVED;
  }
}
