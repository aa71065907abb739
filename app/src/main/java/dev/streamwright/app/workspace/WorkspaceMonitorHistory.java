package dev.streamwright.app.workspace;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The monitor's last-known figures per deployment, kept in the workspace so a reopened studio shows
 * a deployment's recent history at once. Bounded: the histories of the {@value #KEPT} deployments
 * saved most recently. Thread-safe (it shares the workspace's lock).
 */
public final class WorkspaceMonitorHistory {

  /** How many deployments' histories are kept. */
  static final int KEPT = 20;

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspaceMonitorHistory(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The monitor histories of an open workspace. */
  public static WorkspaceMonitorHistory of(Workspace workspace) {
    return new WorkspaceMonitorHistory(Objects.requireNonNull(workspace, "workspace"));
  }

  /**
   * Replaces a deployment's history, as one commit; the oldest history beyond {@value #KEPT} is
   * dropped. Does nothing in a read-only workspace.
   *
   * @param series packed series by key (see {@link #load})
   */
  public void save(String deploymentId, Map<String, double[]> series) {
    synchronized (workspace) {
      workspace.checkOpen();
      if (workspace.isReadOnly()) {
        return;
      }
      StoredMonitorHistory fresh = new StoredMonitorHistory();
      fresh.savedAt = System.currentTimeMillis();
      fresh.series = new HashMap<>(series);
      HashMap<String, StoredMonitorHistory> before =
          root.monitorHistory == null ? null : new HashMap<>(root.monitorHistory);
      HashMap<String, StoredMonitorHistory> next =
          before == null ? new HashMap<>() : new HashMap<>(before);
      next.put(deploymentId, fresh);
      while (next.size() > KEPT) {
        next.entrySet().stream()
            .min(Comparator.comparingLong(e -> e.getValue().savedAt))
            .map(Map.Entry::getKey)
            .ifPresent(next::remove);
      }
      root.monitorHistory = next;
      workspace.commit(
          new PendingChange(null, List.of(root), () -> root.monitorHistory = before),
          "save the monitor history of deployment " + deploymentId);
    }
  }

  /**
   * A deployment's saved history: series by key {@code metric|scope}, each packed as consecutive
   * {@code (start ms, min, max, avg, count)} quintuples; empty when none was saved.
   */
  public Optional<Map<String, double[]>> load(String deploymentId) {
    synchronized (workspace) {
      workspace.checkOpen();
      StoredMonitorHistory s =
          root.monitorHistory == null ? null : root.monitorHistory.get(deploymentId);
      return s == null ? Optional.empty() : Optional.of(Map.copyOf(s.series));
    }
  }
}
