package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import java.util.Objects;

/**
 * Several commands that the user sees as one edit, with one description and one undo step (for
 * example deleting a selection of nodes and edges). If any step is refused, the whole edit is.
 */
public final class CompositeCommand implements Command {

  private final String description;
  private final List<Command> steps;

  public CompositeCommand(String description, List<? extends Command> steps) {
    this.description = Objects.requireNonNull(description, "description");
    this.steps = List.copyOf(steps);
  }

  /** The steps, in the order they apply. */
  public List<Command> steps() {
    return steps;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Pipeline current = before;
    for (Command step : steps) {
      current = step.apply(current);
    }
    return current;
  }

  @Override
  public String toString() {
    return description;
  }
}
