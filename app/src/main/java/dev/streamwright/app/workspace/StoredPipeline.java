package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.serializer.reference.Lazy;

/**
 * A pipeline in the store: its current text, the facts the pipeline list shows, and its version
 * history in lazily loaded buckets. Persisted (see {@link WorkspaceRoot}).
 *
 * <p>{@link #current} is the same array as the newest version's text, so the store writes it once.
 */
final class StoredPipeline {

  final String id;
  String name;
  byte[] current;
  int versionCount;
  long lastSavedMillis;

  /**
   * The history, oldest bucket first. A list of lazy references: appending rewrites at most the
   * newest bucket's reference list, and opening the workspace loads none of the history.
   */
  final ArrayList<Lazy<VersionBucket>> buckets = new ArrayList<>();

  StoredPipeline(String id) {
    this.id = id;
  }

  /** The version with this number (1 is the oldest), or empty when there is none. */
  Optional<StoredVersion> version(int number) {
    if (number < 1 || number > versionCount) {
      return Optional.empty();
    }
    int index = (number - 1) / VersionBucket.CAPACITY;
    StoredVersion v = buckets.get(index).get().versions.get((number - 1) % VersionBucket.CAPACITY);
    if (v.number != number) {
      throw new IllegalStateException(
          "version "
              + number
              + " of pipeline "
              + id
              + " is stored out of order ("
              + v.number
              + ")");
    }
    return Optional.of(v);
  }

  /** All versions, oldest first; loads every bucket. */
  List<StoredVersion> versions() {
    List<StoredVersion> out = new ArrayList<>(versionCount);
    for (Lazy<VersionBucket> bucket : buckets) {
      out.addAll(bucket.get().versions);
    }
    return out;
  }

  /**
   * Appends {@code v} as the newest version and makes it current.
   *
   * @return the already stored objects that changed, for one storer, and how to undo the append in
   *     memory when the commit fails
   */
  Append append(StoredVersion v, String newName) {
    if (v.number != versionCount + 1) {
      throw new IllegalArgumentException(
          "version " + v.number + " does not follow " + versionCount + " of pipeline " + id);
    }
    String oldName = name;
    byte[] oldCurrent = current;
    int oldCount = versionCount;
    long oldSaved = lastSavedMillis;
    List<Object> changed = new ArrayList<>(3);
    VersionBucket newest = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1).get();
    boolean newBucket = newest == null || newest.isFull();
    VersionBucket target = newBucket ? new VersionBucket() : newest;
    target.versions.add(v);
    if (newBucket) {
      buckets.add(Lazy.Reference(target));
      changed.add(buckets);
    } else {
      changed.add(target.versions);
    }
    name = newName;
    current = v.text;
    versionCount = v.number;
    lastSavedMillis = v.savedAtMillis;
    changed.add(this);
    Runnable undo =
        () -> {
          target.versions.remove(target.versions.size() - 1);
          if (newBucket) {
            buckets.remove(buckets.size() - 1);
          }
          name = oldName;
          current = oldCurrent;
          versionCount = oldCount;
          lastSavedMillis = oldSaved;
        };
    return new Append(List.copyOf(changed), undo);
  }

  /**
   * The result of {@link #append}.
   *
   * @param changed objects to hand to the storer
   * @param undo reverts the in-memory append
   */
  record Append(List<Object> changed, Runnable undo) {}
}
