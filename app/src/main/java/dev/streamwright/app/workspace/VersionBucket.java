package dev.streamwright.app.workspace;

import java.util.ArrayList;

/**
 * Up to {@link #CAPACITY} consecutive versions of one pipeline, loaded lazily as a unit. Persisted
 * (see {@link WorkspaceRoot}).
 */
final class VersionBucket {

  /**
   * Versions per bucket. Appending a version rewrites the bucket's list of references (at most 32 x
   * 8 bytes) and never the older versions, and reading one version loads at most 32 small
   * compressed texts; both stay constant however long the history grows.
   */
  static final int CAPACITY = 32;

  final ArrayList<StoredVersion> versions = new ArrayList<>(CAPACITY);

  boolean isFull() {
    return versions.size() >= CAPACITY;
  }
}
