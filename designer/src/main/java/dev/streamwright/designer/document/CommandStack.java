package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The undo and redo history of a document: each step keeps the pipeline before and after an edit,
 * so undo and redo swap snapshots instead of re-running commands. The oldest steps are dropped past
 * a limit.
 */
public final class CommandStack {

  /**
   * How many edits can be undone. Snapshots share every unchanged node with their neighbours, so a
   * step costs about one array of node references (4 KB for a 500-node pipeline); 200 steps is a
   * long editing session and stays around a megabyte even for the largest pipelines we benchmark.
   */
  public static final int DEFAULT_LIMIT = 200;

  /**
   * One undoable step.
   *
   * @param description the edit's description
   * @param before the pipeline before the edit
   * @param beforeState the state id of {@code before} (see {@link PipelineDocument#isDirty()})
   * @param after the pipeline after the edit
   * @param afterState the state id of {@code after}
   */
  public record Step(
      String description, Pipeline before, long beforeState, Pipeline after, long afterState) {

    public Step {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  private final int limit;
  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();

  /** A stack of {@link #DEFAULT_LIMIT} steps. */
  public CommandStack() {
    this(DEFAULT_LIMIT);
  }

  /** A stack that keeps at most {@code limit} undoable steps. */
  public CommandStack(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the history limit must be at least 1, not " + limit);
    }
    this.limit = limit;
  }

  /** How many steps the stack keeps at most. */
  public int limit() {
    return limit;
  }

  /** Records a new edit: it becomes the step to undo, and nothing can be redone any more. */
  public void push(Step step) {
    undo.push(Objects.requireNonNull(step, "step"));
    redo.clear();
    while (undo.size() > limit) {
      undo.removeLast();
    }
  }

  /** Takes the step to undo and makes it the step to redo. */
  public Optional<Step> undo() {
    Step step = undo.poll();
    if (step != null) {
      redo.push(step);
    }
    return Optional.ofNullable(step);
  }

  /** Takes the step to redo and makes it the step to undo again. */
  public Optional<Step> redo() {
    Step step = redo.poll();
    if (step != null) {
      undo.push(step);
    }
    return Optional.ofNullable(step);
  }

  /** Forgets every step. */
  public void clear() {
    undo.clear();
    redo.clear();
  }

  /** Whether there is a step to undo. */
  public boolean canUndo() {
    return !undo.isEmpty();
  }

  /** Whether there is a step to redo. */
  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** The description of the step undo would revert. */
  public Optional<String> undoDescription() {
    return Optional.ofNullable(undo.peek()).map(Step::description);
  }

  /** The description of the step redo would repeat. */
  public Optional<String> redoDescription() {
    return Optional.ofNullable(redo.peek()).map(Step::description);
  }

  /** The descriptions of the undoable steps, most recent first, for an undo history list. */
  public List<String> undoDescriptions() {
    List<String> out = new ArrayList<>(undo.size());
    undo.forEach(s -> out.add(s.description()));
    return out;
  }

  /** The descriptions of the redoable steps, next first. */
  public List<String> redoDescriptions() {
    List<String> out = new ArrayList<>(redo.size());
    redo.forEach(s -> out.add(s.description()));
    return out;
  }
}
