package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The root of the workspace's Eclipse Store graph. Persisted: its class name and field names are
 * part of the store's type dictionary, so rename or move it only together with a legacy type
 * mapping (decision 0005). Plain classes rather than records, so no JVM flags are needed to store
 * or load it.
 */
final class WorkspaceRoot {

  /** The layout of this graph; bumped with a migration when the graph changes shape. */
  static final int CURRENT_LAYOUT = 1;

  int layout = CURRENT_LAYOUT;

  /** Pipelines by id. Stored as one small map: each entry is two references, not the pipeline. */
  final HashMap<String, StoredPipeline> pipelines = new HashMap<>();

  /** Absolute paths of recently used pipeline files, most recent first. */
  final ArrayList<String> recentFiles = new ArrayList<>();

  /** Studio settings (theme, last open pipeline, ...). */
  final HashMap<String, String> settings = new HashMap<>();

  /** Whether the sample pipelines were added once; deleting them all must not bring them back. */
  boolean seeded;

  /**
   * Ids of the pipelines opened most recently, most recent first. Added after the first release:
   * null in a root loaded from an older store (the store does not run initializers), so read it
   * through {@link RecentPipelines}, which creates it on the first change.
   */
  ArrayList<String> recentPipelines = new ArrayList<>();

  /**
   * Remote environments by name ({@link WorkspaceEnvironments}). Added after the first release:
   * null in a root from an older store until the first environment is added.
   */
  HashMap<String, StoredEnvironment> environments = new HashMap<>();

  /**
   * Deployment records by id ({@link WorkspaceDeployments}). Added after the first release: null in
   * a root from an older store until the first deployment is recorded.
   */
  HashMap<String, StoredDeployment> deployments = new HashMap<>();

  /**
   * The monitor's last-known figures by deployment id ({@link WorkspaceMonitorHistory}). Added
   * after the first release: null in a root from an older store until the first history is saved.
   */
  HashMap<String, StoredMonitorHistory> monitorHistory;

  /**
   * Alert rules, channels and history ({@link WorkspaceAlerts}). Added after the first release:
   * null in a root from an older store until the first alert change.
   */
  StoredAlerts alerts;

  /**
   * Drift references set by users, by {@code model:<id>@<version>/<column>} or {@code
   * node:<pipeline>/<node>/<column>} ({@link WorkspaceReferences}). Added after the first release:
   * null in a root from an older store until the first reference is set.
   */
  HashMap<String, StoredReference> driftReferences;

  /**
   * The user's price profiles and each environment's pricing ({@link WorkspacePrices}). Added after
   * the first release: null in a root from an older store until the first price change.
   */
  StoredPrices prices;
}
