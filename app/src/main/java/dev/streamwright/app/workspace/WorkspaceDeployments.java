package dev.streamwright.app.workspace;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.app.environments.EnvironmentNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.eclipse.serializer.reference.Lazy;

/**
 * The workspace's deployment records: what was deployed where, its job, state, history, savepoints
 * and retained checkpoints, surviving restarts. Thread-safe (it shares the workspace's lock); each
 * {@link #create} and {@link #update} is one commit, all of it or nothing. Records are kept in a
 * map by id; listing reads no pipeline JSON.
 */
public final class WorkspaceDeployments {

  /** Retained checkpoints kept per deployment: the newest; Flink itself retains only a few. */
  public static final int MAX_CHECKPOINTS = 20;

  private static final SecureRandom IDS = new SecureRandom();

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspaceDeployments(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The deployment records of an open workspace. */
  public static WorkspaceDeployments of(Workspace workspace) {
    return new WorkspaceDeployments(Objects.requireNonNull(workspace, "workspace"));
  }

  /**
   * Records a new deployment in state DEPLOYING with its pipeline as version 1, before anything is
   * submitted.
   *
   * @throws WorkspaceException when the environment does not exist
   */
  public DeploymentRecord create(NewDeployment n) {
    synchronized (workspace) {
      workspace.checkWritable("record a deployment of " + n.pipelineId());
      if (!EnvironmentNames.EMBEDDED.equals(n.environment())
          && WorkspaceEnvironments.of(workspace).get(n.environment()).isEmpty()) {
        throw new WorkspaceException(
            "There is no environment named '"
                + n.environment()
                + "'; add it first (streamwright env add "
                + n.environment()
                + " ...).");
      }
      long now = System.currentTimeMillis();
      StoredDeployment d = new StoredDeployment(newId());
      d.pipelineId = n.pipelineId();
      d.pipelineName = n.pipelineName();
      d.environment = n.environment();
      d.createdAtMillis = now;
      d.updatedAtMillis = now;
      d.versions.add(version(1, n.pipelineJson(), n.pipelineVersion(), now));
      d.currentVersion = 1;
      PendingChange change;
      if (root.deployments == null) {
        HashMap<String, StoredDeployment> map = new HashMap<>();
        map.put(d.id, d);
        root.deployments = map;
        change = new PendingChange(null, List.of(root), () -> root.deployments = null);
      } else {
        root.deployments.put(d.id, d);
        change =
            new PendingChange(null, List.of(root.deployments), () -> root.deployments.remove(d.id));
      }
      workspace.commit(change, "record a deployment of " + n.pipelineId());
      return d.toRecord();
    }
  }

  /**
   * Applies the changes to one deployment in one commit.
   *
   * @return the record as it is now
   * @throws WorkspaceException when there is no such deployment or the version to make current does
   *     not exist; nothing is changed
   */
  public DeploymentRecord update(String id, DeploymentUpdate u) {
    synchronized (workspace) {
      workspace.checkWritable("update deployment " + id);
      StoredDeployment d = stored(id);
      if (u.currentVersion().isPresent()) {
        int n = u.currentVersion().get();
        if (d.versions.stream().noneMatch(v -> v.number == n)) {
          throw new WorkspaceException(
              "Deployment " + id + " has versions 1 to " + d.versions.size() + "; not " + n + ".");
        }
      }
      Snapshot before = new Snapshot(d);
      long now = System.currentTimeMillis();
      List<Object> changed = new ArrayList<>();
      changed.add(d);
      u.state().ifPresent(s -> d.state = s.name());
      if (u.state().isPresent()) {
        d.stateMessage = u.stateMessage();
      }
      u.jobId().ifPresent(j -> d.jobId = j);
      if (u.newVersionJson().isPresent()) {
        int number = d.versions.size() + 1;
        d.versions.add(
            version(number, u.newVersionJson().get(), u.newVersionPipelineVersion(), now));
        d.currentVersion = number;
        changed.add(d.versions);
      }
      u.currentVersion().ifPresent(n -> d.currentVersion = n);
      for (DeploymentEvent e : u.events()) {
        d.events.add(StoredDeployment.event(e));
      }
      for (SavepointRecord s : u.savepoints()) {
        d.savepoints.add(StoredDeployment.savepoint(s));
      }
      for (CheckpointRecord c : u.checkpoints()) {
        d.checkpoints.add(StoredDeployment.checkpoint(c));
      }
      while (d.checkpoints.size() > MAX_CHECKPOINTS) {
        d.checkpoints.remove(0);
      }
      if (!u.events().isEmpty()) {
        changed.add(d.events);
      }
      if (!u.savepoints().isEmpty()) {
        changed.add(d.savepoints);
      }
      if (!u.checkpoints().isEmpty()) {
        changed.add(d.checkpoints);
      }
      d.updatedAtMillis = now;
      workspace.commit(new PendingChange(null, changed, () -> before.restore(d)), "update " + id);
      return d.toRecord();
    }
  }

  /** The deployment, if it exists. */
  public Optional<DeploymentRecord> get(String id) {
    synchronized (workspace) {
      workspace.checkOpen();
      StoredDeployment d = root.deployments == null ? null : root.deployments.get(id);
      return Optional.ofNullable(d).map(StoredDeployment::toRecord);
    }
  }

  /**
   * The deployment whose id is {@code idOrPrefix} or starts with it.
   *
   * @throws WorkspaceException when none or several match, naming them
   */
  public DeploymentRecord find(String idOrPrefix) {
    synchronized (workspace) {
      workspace.checkOpen();
      Optional<DeploymentRecord> exact = get(idOrPrefix);
      if (exact.isPresent()) {
        return exact.get();
      }
      List<String> matches =
          all().stream().map(d -> d.id).filter(i -> i.startsWith(idOrPrefix)).sorted().toList();
      if (matches.size() == 1) {
        return root.deployments.get(matches.get(0)).toRecord();
      }
      throw new WorkspaceException(
          matches.isEmpty()
              ? "There is no deployment '" + idOrPrefix + "'; list them: streamwright deployments."
              : "'"
                  + idOrPrefix
                  + "' matches several deployments ("
                  + String.join(", ", matches)
                  + "); give more of the id.");
    }
  }

  /** Every deployment, newest first. */
  public List<DeploymentRecord> list() {
    return list(null);
  }

  /** The deployments in one environment (every one for null), newest first. */
  public List<DeploymentRecord> list(String environment) {
    synchronized (workspace) {
      workspace.checkOpen();
      List<DeploymentRecord> out = new ArrayList<>();
      for (StoredDeployment d : all()) {
        if (environment == null || environment.equals(d.environment)) {
          out.add(d.toRecord());
        }
      }
      out.sort(
          Comparator.comparing(DeploymentRecord::createdAt)
              .reversed()
              .thenComparing(DeploymentRecord::id));
      return out;
    }
  }

  /**
   * The exact pipeline JSON of one version of a deployment.
   *
   * @throws WorkspaceException when there is no such deployment or version, or it cannot be read
   */
  public String pipelineJson(String id, int version) {
    synchronized (workspace) {
      workspace.checkOpen();
      StoredDeployment d = stored(id);
      StoredDeployment.Version v =
          d.versions.stream()
              .filter(x -> x.number == version)
              .findFirst()
              .orElseThrow(
                  () ->
                      new WorkspaceException(
                          "Deployment "
                              + id
                              + " has versions 1 to "
                              + d.versions.size()
                              + "; not "
                              + version
                              + "."));
      try {
        return CompressedText.decompress(v.text.get());
      } catch (DataFormatException | RuntimeException e) {
        throw new WorkspaceException(
            "Version "
                + version
                + " of deployment "
                + id
                + " cannot be read ("
                + WorkspaceStorage.rootMessage(e)
                + "); restore a workspace backup to redeploy it.",
            e);
      }
    }
  }

  /** Ids of the deployments in the environment that may still run. */
  List<String> liveIn(String environment) {
    return all().stream()
        .filter(d -> environment.equals(d.environment) && !d.stateValue().isEnded())
        .map(d -> d.id)
        .sorted()
        .toList();
  }

  private List<StoredDeployment> all() {
    return root.deployments == null ? List.of() : List.copyOf(root.deployments.values());
  }

  private StoredDeployment stored(String id) {
    StoredDeployment d = root.deployments == null ? null : root.deployments.get(id);
    if (d == null) {
      throw new WorkspaceException(
          "There is no deployment '" + id + "' in the workspace " + workspace.directory() + ".");
    }
    return d;
  }

  private String newId() {
    HexFormat hex = HexFormat.of();
    while (true) {
      byte[] b = new byte[4];
      IDS.nextBytes(b);
      String id = hex.formatHex(b);
      if (root.deployments == null || !root.deployments.containsKey(id)) {
        return id;
      }
    }
  }

  private static StoredDeployment.Version version(
      int number, String json, long pipelineVersion, long now) {
    StoredDeployment.Version v = new StoredDeployment.Version();
    v.number = number;
    v.pipelineVersion = pipelineVersion;
    v.sha256 = sha256(json);
    v.deployedAtMillis = now;
    v.text = Lazy.Reference(CompressedText.compress(json));
    return v;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A deployment's fields before an update, to put back when its commit fails. */
  private static final class Snapshot {
    private final int currentVersion;
    private final String jobId;
    private final String state;
    private final String stateMessage;
    private final long updatedAtMillis;
    private final List<StoredDeployment.Version> versions;
    private final List<StoredDeployment.Event> events;
    private final List<StoredDeployment.Savepoint> savepoints;
    private final List<StoredDeployment.Checkpoint> checkpoints;

    Snapshot(StoredDeployment d) {
      currentVersion = d.currentVersion;
      jobId = d.jobId;
      state = d.state;
      stateMessage = d.stateMessage;
      updatedAtMillis = d.updatedAtMillis;
      versions = List.copyOf(d.versions);
      events = List.copyOf(d.events);
      savepoints = List.copyOf(d.savepoints);
      checkpoints = List.copyOf(d.checkpoints);
    }

    void restore(StoredDeployment d) {
      d.currentVersion = currentVersion;
      d.jobId = jobId;
      d.state = state;
      d.stateMessage = stateMessage;
      d.updatedAtMillis = updatedAtMillis;
      reset(d.versions, versions);
      reset(d.events, events);
      reset(d.savepoints, savepoints);
      reset(d.checkpoints, checkpoints);
    }

    private static <T> void reset(List<T> list, List<T> before) {
      list.clear();
      list.addAll(before);
    }
  }
}
