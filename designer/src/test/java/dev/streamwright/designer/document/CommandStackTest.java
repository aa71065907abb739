package dev.streamwright.designer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandStack.Step;
import dev.streamwright.runtime.model.Pipeline;
import org.junit.jupiter.api.Test;

class CommandStackTest {

  private static Step step(String description) {
    return new Step(description, Pipeline.empty("a"), 0, Pipeline.empty("b"), 1);
  }

  @Test
  void stackDropsTheOldestStepPastItsLimit() {
    CommandStack stack = new CommandStack(2);
    stack.push(step("one"));
    stack.push(step("two"));
    stack.push(step("three"));

    assertThat(stack.undoDescriptions()).containsExactly("three", "two");
  }

  @Test
  void undoMovesTheStepToTheRedoSide() {
    CommandStack stack = new CommandStack();
    stack.push(step("one"));

    assertThat(stack.undo()).map(Step::description).contains("one");

    assertThat(stack.canUndo()).isFalse();
    assertThat(stack.redoDescription()).contains("one");
  }

  @Test
  void redoMovesTheStepBackToTheUndoSide() {
    CommandStack stack = new CommandStack();
    stack.push(step("one"));
    stack.undo();

    stack.redo();

    assertThat(stack.undoDescription()).contains("one");
    assertThat(stack.redoDescriptions()).isEmpty();
  }

  @Test
  void limitBelowOneIsRejected() {
    assertThatThrownBy(() -> new CommandStack(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
