package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Pipeline;

/**
 * One user edit of a pipeline (add a node, connect two ports, set a property), applied through
 * {@link PipelineDocument#execute(Command)} so that it can be undone. The model is immutable, so a
 * command only computes the next pipeline; the document keeps the before and after snapshots, and
 * undo and redo never call the command again.
 */
public interface Command {

  /** What the edit does in the user's words, for the Edit menu: {@code Add Filter 'filter_1'}. */
  String description();

  /**
   * Computes the pipeline after this edit. Must not depend on anything but {@code before} and the
   * command's own fields, so applying it twice to the same pipeline gives the same result.
   *
   * @throws CommandRefused when the edit cannot apply, with a reason the user can act on
   */
  Pipeline apply(Pipeline before) throws CommandRefused;
}
