package dev.streamwright.app.workspace;

import java.util.HashMap;

/**
 * One deployment's monitor history as the workspace stores it: downsampled series packed into
 * arrays. Persisted: class and field names are part of the store's type dictionary (decision 0005).
 */
final class StoredMonitorHistory {

  /** When it was saved, in epoch milliseconds. */
  long savedAt;

  /**
   * Series by key ({@code metric|scope}), each packed as consecutive {@code (start ms, min, max,
   * avg, count)} quintuples: one array per series keeps the store's object count small.
   */
  HashMap<String, double[]> series = new HashMap<>();
}
