package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * A change already made to the in-memory graph and waiting for its commit: the objects the storer
 * must write, and how to take the change back when the commit fails, so memory never claims what
 * the store does not hold.
 *
 * @param result what a save reports, or null for other changes
 * @param toStore the changed objects, for one storer
 * @param undo reverts the in-memory change
 */
record PendingChange(SaveResult result, List<Object> toStore, Runnable undo) {

  /** Nothing to write. */
  static final PendingChange NONE = new PendingChange(null, List.of(), () -> {});

  PendingChange {
    toStore = List.copyOf(toStore);
  }

  /** This change reporting {@code r}. */
  PendingChange with(SaveResult r) {
    return new PendingChange(r, toStore, undo);
  }

  /** This change and then {@code next}, in one commit; undone in reverse order. */
  PendingChange and(PendingChange next) {
    List<Object> objects = new ArrayList<>(toStore);
    objects.addAll(next.toStore);
    Runnable first = undo;
    Runnable second = next.undo;
    return new PendingChange(
        result != null ? result : next.result,
        objects,
        () -> {
          second.run();
          first.run();
        });
  }
}
