package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's recently opened pipelines ({@link WorkspaceRoot#recentPipelines}): at most {@link
 * #MAX} ids, most recent first, changed only through a {@link PendingChange} so a failed commit
 * leaves memory as the store has it. A root from a store written before the list existed has none
 * until the first change creates it.
 */
final class RecentPipelines {

  /** Recent pipelines kept: what a File menu shows without scrolling. */
  static final int MAX = 10;

  private RecentPipelines() {}

  /** The ids, most recent first; empty when the store predates the list. */
  static List<String> ids(WorkspaceRoot root) {
    return root.recentPipelines == null ? List.of() : List.copyOf(root.recentPipelines);
  }

  /** Puts the id first, dropping ids no longer in the workspace and any beyond {@link #MAX}. */
  static PendingChange prepareAdd(WorkspaceRoot root, String id) {
    List<String> next = new ArrayList<>();
    next.add(id);
    for (String other : ids(root)) {
      if (!other.equals(id) && root.pipelines.containsKey(other) && next.size() < MAX) {
        next.add(other);
      }
    }
    return prepare(root, next);
  }

  /** Forgets the id, e.g. of a deleted pipeline. */
  static PendingChange prepareRemove(WorkspaceRoot root, String id) {
    List<String> next = new ArrayList<>(ids(root));
    next.remove(id);
    return prepare(root, next);
  }

  private static PendingChange prepare(WorkspaceRoot root, List<String> next) {
    ArrayList<String> list = root.recentPipelines;
    if (list != null && list.equals(next)) {
      return PendingChange.NONE;
    }
    if (list == null) {
      // The first change in a store from before the list: the root gains the field.
      root.recentPipelines = new ArrayList<>(next);
      return new PendingChange(null, List.of(root), () -> root.recentPipelines = null);
    }
    List<String> before = List.copyOf(list);
    list.clear();
    list.addAll(next);
    return new PendingChange(
        null,
        List.of(list),
        () -> {
          list.clear();
          list.addAll(before);
        });
  }
}
