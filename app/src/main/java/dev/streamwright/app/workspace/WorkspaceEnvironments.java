package dev.streamwright.app.workspace;

import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.RemoteEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's remote environments: list, add, replace and remove, each change one commit. The
 * {@code embedded} environment is not stored: it is always there. Thread-safe (it shares the
 * workspace's lock); environments arrive validated, so nothing invalid or half-made is stored.
 */
public final class WorkspaceEnvironments {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceEnvironments.class);

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspaceEnvironments(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The environments of an open workspace. */
  public static WorkspaceEnvironments of(Workspace workspace) {
    return new WorkspaceEnvironments(Objects.requireNonNull(workspace, "workspace"));
  }

  /** The remote environments, by name. */
  public List<RemoteEnvironment> list() {
    synchronized (workspace) {
      workspace.checkOpen();
      if (root.environments == null) {
        return List.of();
      }
      List<RemoteEnvironment> out = new ArrayList<>();
      for (StoredEnvironment s : root.environments.values()) {
        out.add(s.toEnvironment());
      }
      out.sort(Comparator.comparing(RemoteEnvironment::name));
      return out;
    }
  }

  /** The remote environment with this name, if there is one. */
  public Optional<RemoteEnvironment> get(String name) {
    synchronized (workspace) {
      workspace.checkOpen();
      StoredEnvironment s = root.environments == null ? null : root.environments.get(name);
      return Optional.ofNullable(s).map(StoredEnvironment::toEnvironment);
    }
  }

  /**
   * Adds a new environment.
   *
   * @throws EnvironmentException when the name is taken (or is {@code embedded})
   */
  public void add(RemoteEnvironment e) {
    synchronized (workspace) {
      workspace.checkWritable("add the environment " + e.name());
      checkName(e.name());
      if (root.environments != null && root.environments.containsKey(e.name())) {
        throw nameTaken(e.name());
      }
      store(e, "add the environment " + e.name());
    }
  }

  /** The error for a name already in use. */
  public static EnvironmentException nameTaken(String name) {
    return new EnvironmentException(
        "There is already an environment named '"
            + name
            + "'. Choose another name, replace it (streamwright env add "
            + name
            + " --replace ...) or remove it first (streamwright env remove "
            + name
            + ").");
  }

  /** Adds the environment, or replaces the one with its name. */
  public void put(RemoteEnvironment e) {
    synchronized (workspace) {
      workspace.checkWritable("save the environment " + e.name());
      checkName(e.name());
      store(e, "save the environment " + e.name());
    }
  }

  /**
   * Removes an environment. Its deployment records stay, for their history.
   *
   * @return whether there was one
   * @throws EnvironmentException for {@code embedded}, or when deployments there may still run
   */
  public boolean remove(String name) {
    synchronized (workspace) {
      workspace.checkWritable("remove the environment " + name);
      if (EnvironmentNames.EMBEDDED.equals(name)) {
        throw new EnvironmentException(
            "'embedded' is the Flink inside Streamwright; it is always there and cannot be"
                + " removed.");
      }
      if (root.environments == null || !root.environments.containsKey(name)) {
        return false;
      }
      List<String> live = WorkspaceDeployments.of(workspace).liveIn(name);
      if (!live.isEmpty()) {
        throw new EnvironmentException(
            "Environment '"
                + name
                + "' has deployments that may still run ("
                + String.join(", ", live)
                + "); stop them first, so they are not left running where Streamwright no longer"
                + " looks.");
      }
      StoredEnvironment removed = root.environments.remove(name);
      workspace.commit(
          new PendingChange(
              null, List.of(root.environments), () -> root.environments.put(name, removed)),
          "remove the environment " + name);
      LOG.info("Removed the environment {} from the workspace {}", name, workspace.directory());
      return true;
    }
  }

  private static void checkName(String name) {
    EnvironmentNames.problem(name)
        .ifPresent(
            p -> {
              throw new EnvironmentException(p);
            });
  }

  private void store(RemoteEnvironment e, String action) {
    StoredEnvironment fresh = StoredEnvironment.of(e, System.currentTimeMillis());
    PendingChange change;
    if (root.environments == null) {
      // The first environment in a store from before environments: the root gains the field.
      HashMap<String, StoredEnvironment> map = new HashMap<>();
      map.put(e.name(), fresh);
      root.environments = map;
      change = new PendingChange(null, List.of(root), () -> root.environments = null);
    } else {
      StoredEnvironment old = root.environments.put(e.name(), fresh);
      change =
          new PendingChange(
              null,
              List.of(root.environments),
              () -> {
                if (old == null) {
                  root.environments.remove(e.name());
                } else {
                  root.environments.put(e.name(), old);
                }
              });
    }
    workspace.commit(change, action);
    LOG.info(
        "Saved the environment {} (gateway {}, REST {}, {} stored secrets) in the workspace {}",
        e.name(),
        e.gatewayUrl(),
        e.restUrl(),
        e.storedSecretCount(),
        workspace.directory());
  }
}
