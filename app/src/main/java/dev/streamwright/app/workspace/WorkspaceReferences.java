package dev.streamwright.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.live.LiveReference;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drift references set by users, kept in the workspace: per model version and column (a file's rows
 * or a frozen window of live data replacing the model card's profile for that version only; a new
 * version starts from its own card), or per pipeline node and column for a tapped node that is not
 * a model. Thread-safe (it shares the workspace's lock).
 */
public final class WorkspaceReferences {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspaceReferences(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The references of an open workspace. */
  public static WorkspaceReferences of(Workspace workspace) {
    return new WorkspaceReferences(Objects.requireNonNull(workspace, "workspace"));
  }

  /** The key of a model version's column. */
  static String modelKey(String modelId, int version, String column) {
    return "model:" + modelId + "@" + version + "/" + column;
  }

  /** The key of a pipeline node's column. */
  static String nodeKey(String pipelineId, String nodeId, String column) {
    return "node:" + pipelineId + "/" + nodeId + "/" + column;
  }

  /** Sets a model version's column reference, as one commit. */
  public void setForModel(String modelId, int version, String column, LiveReference reference) {
    put(modelKey(modelId, version, column), reference);
  }

  /** Sets a pipeline node's column reference, as one commit. */
  public void setForNode(String pipelineId, String nodeId, String column, LiveReference reference) {
    put(nodeKey(pipelineId, nodeId, column), reference);
  }

  /** A model version's references set by users, by column. */
  public Map<String, LiveReference> forModel(String modelId, int version) {
    return under("model:" + modelId + "@" + version + "/");
  }

  /** A pipeline node's references set by users, by column. */
  public Map<String, LiveReference> forNode(String pipelineId, String nodeId) {
    return under("node:" + pipelineId + "/" + nodeId + "/");
  }

  /** Forgets a model version's column reference (back to the card's); whether there was one. */
  public boolean clearForModel(String modelId, int version, String column) {
    return remove(modelKey(modelId, version, column));
  }

  private void put(String key, LiveReference reference) {
    StoredReference s = new StoredReference();
    try {
      s.profileJson = JSON.writeValueAsString(reference.profile());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    s.source = reference.source();
    s.setAt = System.currentTimeMillis();
    synchronized (workspace) {
      workspace.checkOpen();
      if (workspace.isReadOnly()) {
        throw new WorkspaceReadOnlyException(
            workspace.directory(),
            "set the drift reference of " + key.substring(key.indexOf(':') + 1));
      }
      HashMap<String, StoredReference> before =
          root.driftReferences == null ? null : new HashMap<>(root.driftReferences);
      HashMap<String, StoredReference> next =
          before == null ? new HashMap<>() : new HashMap<>(before);
      next.put(key, s);
      root.driftReferences = next;
      workspace.commit(
          new PendingChange(null, List.of(root), () -> root.driftReferences = before),
          "set the drift reference of " + key);
    }
  }

  private boolean remove(String key) {
    synchronized (workspace) {
      workspace.checkOpen();
      if (root.driftReferences == null
          || !root.driftReferences.containsKey(key)
          || workspace.isReadOnly()) {
        return false;
      }
      HashMap<String, StoredReference> before = new HashMap<>(root.driftReferences);
      HashMap<String, StoredReference> next = new HashMap<>(before);
      next.remove(key);
      root.driftReferences = next;
      workspace.commit(
          new PendingChange(null, List.of(root), () -> root.driftReferences = before),
          "clear the drift reference of " + key);
      return true;
    }
  }

  private Map<String, LiveReference> under(String prefix) {
    synchronized (workspace) {
      workspace.checkOpen();
      Map<String, LiveReference> out = new TreeMap<>();
      if (root.driftReferences == null) {
        return out;
      }
      root.driftReferences.forEach(
          (key, s) -> {
            if (key.startsWith(prefix)) {
              out.put(key.substring(prefix.length()), reference(s));
            }
          });
      return out;
    }
  }

  private static LiveReference reference(StoredReference s) {
    try {
      return new LiveReference(JSON.readValue(s.profileJson, ColumnProfile.class), s.source);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stored reference, if one is set for this key (for tests). */
  Optional<LiveReference> get(String key) {
    synchronized (workspace) {
      StoredReference s = root.driftReferences == null ? null : root.driftReferences.get(key);
      return Optional.ofNullable(s).map(WorkspaceReferences::reference);
    }
  }
}
