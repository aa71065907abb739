package dev.streamwright.app.workspace;

import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.cost.PriceProfileJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's price profiles and what each environment is priced with: the shipped presets
 * (dated estimates, never edited), the user's own profiles (added, replaced, removed), per
 * environment the profile it uses and the shape of its task slots and JobManager. Without a choice
 * the embedded runtime and the dev cluster (this machine) use the {@link PricePresets#LOCAL_MACHINE
 * local machine} profile, other environments the AWS preset; every environment has {@link
 * EnvironmentProfile#DEFAULT} resources until set. Each change is one commit; thread-safe (it
 * shares the workspace's lock). Bad input is refused with an {@link IllegalArgumentException} that
 * says what to do.
 */
public final class WorkspacePrices {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspacePrices.class);

  /** Short names of the presets, for the command line, in {@link PricePresets#all()} order. */
  public static final Map<String, PriceProfile> PRESETS = presets();

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspacePrices(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The prices of an open workspace. */
  public static WorkspacePrices of(Workspace workspace) {
    return new WorkspacePrices(Objects.requireNonNull(workspace, "workspace"));
  }

  private static Map<String, PriceProfile> presets() {
    Map<String, PriceProfile> m = new LinkedHashMap<>();
    m.put("local", PricePresets.LOCAL_MACHINE);
    m.put("aws-us-east-1", PricePresets.AWS_US_EAST_1);
    m.put("gcp-us-central1", PricePresets.GCP_US_CENTRAL1);
    m.put("azure-eastus", PricePresets.AZURE_EAST_US);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Whether a name is a preset's short name or full name. */
  public static boolean isPreset(String name) {
    return presetByName(name).isPresent();
  }

  private static Optional<PriceProfile> presetByName(String name) {
    String n = name == null ? "" : name.trim();
    PriceProfile p = PRESETS.get(n.toLowerCase(Locale.ROOT));
    if (p != null) {
      return Optional.of(p);
    }
    return PRESETS.values().stream().filter(x -> x.name().equalsIgnoreCase(n)).findFirst();
  }

  /** The presets first, then the user's profiles by name. */
  public List<PriceProfile> profiles() {
    synchronized (workspace) {
      workspace.checkOpen();
      List<PriceProfile> out = new ArrayList<>(PRESETS.values());
      List<PriceProfile> own = new ArrayList<>();
      stored().profiles.values().forEach(json -> readStored(json).ifPresent(own::add));
      own.sort(Comparator.comparing(PriceProfile::name, String.CASE_INSENSITIVE_ORDER));
      out.addAll(own);
      return out;
    }
  }

  /** A profile by a preset's short or full name or a user profile's name (case-insensitive). */
  public Optional<PriceProfile> profile(String name) {
    Optional<PriceProfile> preset = presetByName(name);
    if (preset.isPresent()) {
      return preset;
    }
    synchronized (workspace) {
      workspace.checkOpen();
      return ownKey(name).flatMap(k -> readStored(stored().profiles.get(k)));
    }
  }

  /**
   * Adds a user profile, or replaces the user profile of the same name.
   *
   * @throws IllegalArgumentException when the profile has problems (each field named) or has a
   *     preset's name
   */
  public void save(PriceProfile p) {
    p.check();
    if (isPreset(p.name())) {
      throw new IllegalArgumentException(
          "'"
              + p.name()
              + "' is the name of a preset, which cannot be changed; give your profile a name"
              + " of its own.");
    }
    synchronized (workspace) {
      workspace.checkWritable("save the price profile " + p.name());
      StoredPrices next = stored().copy();
      ownKey(p.name()).ifPresent(next.profiles::remove);
      next.profiles.put(p.name(), PriceProfileJson.write(p));
      commit(next, "save the price profile " + p.name());
    }
  }

  /**
   * Removes a user profile.
   *
   * @return whether there was one
   * @throws IllegalArgumentException for a preset, or a profile an environment uses
   */
  public boolean remove(String name) {
    if (isPreset(name)) {
      throw new IllegalArgumentException("'" + name + "' is a preset; presets cannot be removed.");
    }
    synchronized (workspace) {
      workspace.checkWritable("remove the price profile " + name);
      Optional<String> key = ownKey(name);
      if (key.isEmpty()) {
        return false;
      }
      List<String> users = new ArrayList<>();
      stored()
          .environmentProfiles
          .forEach(
              (env, profile) -> {
                if (profile.equalsIgnoreCase(key.get())) {
                  users.add(env);
                }
              });
      if (!users.isEmpty()) {
        users.sort(Comparator.naturalOrder());
        throw new IllegalArgumentException(
            "Price profile '"
                + key.get()
                + "' is used by "
                + String.join(", ", users)
                + "; give those environments another profile first (streamwright prices use"
                + " ENV NAME).");
      }
      StoredPrices next = stored().copy();
      next.profiles.remove(key.get());
      commit(next, "remove the price profile " + name);
      return true;
    }
  }

  /** The profile an environment is priced with: its choice, or the default (see the class). */
  public PriceProfile profileFor(String environment) {
    synchronized (workspace) {
      workspace.checkOpen();
      String chosen = stored().environmentProfiles.get(environment);
      if (chosen != null) {
        Optional<PriceProfile> p = profile(chosen);
        if (p.isPresent()) {
          return p.get();
        }
        LOG.warn("Environment {} uses the unknown price profile {}", environment, chosen);
      }
      return defaultProfile(environment);
    }
  }

  /** The profile an environment uses without a choice of its own. */
  public static PriceProfile defaultProfile(String environment) {
    return EnvironmentNames.EMBEDDED.equals(environment)
            || EnvironmentNames.DEV_CLUSTER.equals(environment)
        ? PricePresets.LOCAL_MACHINE
        : PricePresets.AWS_US_EAST_1;
  }

  /**
   * Prices an environment with a profile.
   *
   * @throws IllegalArgumentException when the environment or the profile is not known
   */
  public void use(String environment, String profileName) {
    synchronized (workspace) {
      workspace.checkWritable("choose the price profile of " + environment);
      checkEnvironment(environment);
      PriceProfile p =
          profile(profileName)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "There is no price profile '"
                              + profileName
                              + "'; see streamwright prices list, or add one with streamwright"
                              + " prices import FILE."));
      StoredPrices next = stored().copy();
      next.environmentProfiles.put(environment, p.name());
      commit(next, "price " + environment + " with " + p.name());
    }
  }

  /** The shape of an environment's slots and JobManager: its own, or the default. */
  public EnvironmentProfile resources(String environment) {
    synchronized (workspace) {
      workspace.checkOpen();
      double[] r = stored().environmentResources.get(environment);
      return r == null || r.length != 4
          ? EnvironmentProfile.DEFAULT
          : new EnvironmentProfile(r[0], r[1], r[2], r[3]);
    }
  }

  /**
   * Sets the shape of an environment's slots and JobManager.
   *
   * @throws IllegalArgumentException when the environment is not known or a value is wrong
   */
  public void setResources(String environment, EnvironmentProfile resources) {
    List<String> problems = resources.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "The resources of " + environment + " are not valid: " + String.join("; ", problems));
    }
    synchronized (workspace) {
      workspace.checkWritable("set the resources of " + environment);
      checkEnvironment(environment);
      StoredPrices next = stored().copy();
      next.environmentResources.put(
          environment,
          new double[] {
            resources.coresPerSlot(),
            resources.memoryGibPerSlot(),
            resources.jobManagerCores(),
            resources.jobManagerMemoryGib()
          });
      commit(next, "set the resources of " + environment);
    }
  }

  /**
   * How a monitor prices a deployment in an environment.
   *
   * @param parallelism the job's slots until its plan is read; 0 or less counts as 1
   */
  public CostSettings costSettings(String environment, int parallelism) {
    return new CostSettings(
        resources(environment), profileFor(environment), Math.max(parallelism, 1));
  }

  /**
   * How a monitor prices a deployment in an environment, assuming the environment's default
   * parallelism (1 for the embedded runtime or a cluster default) until the job's plan is read.
   */
  public CostSettings costSettings(String environment) {
    int parallelism =
        WorkspaceEnvironments.of(workspace)
            .get(environment)
            .map(dev.streamwright.app.environments.RemoteEnvironment::parallelism)
            .orElse(1);
    return costSettings(environment, parallelism);
  }

  private void checkEnvironment(String environment) {
    if (EnvironmentNames.EMBEDDED.equals(environment)
        || WorkspaceEnvironments.of(workspace).get(environment).isPresent()) {
      return;
    }
    throw new IllegalArgumentException(
        "There is no environment '"
            + environment
            + "'; the environments are embedded and those streamwright env list shows.");
  }

  private StoredPrices stored() {
    return root.prices == null ? new StoredPrices() : root.prices;
  }

  private Optional<String> ownKey(String name) {
    String n = name == null ? "" : name.trim();
    return stored().profiles.keySet().stream().filter(k -> k.equalsIgnoreCase(n)).findFirst();
  }

  private static Optional<PriceProfile> readStored(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PriceProfileJson.read(json));
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring an unreadable stored price profile: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private void commit(StoredPrices next, String action) {
    StoredPrices before = root.prices;
    root.prices = next;
    workspace.commit(new PendingChange(null, List.of(root), () -> root.prices = before), action);
  }

  /** The environments with a price choice or resources of their own, and their choice. */
  public Map<String, String> choices() {
    synchronized (workspace) {
      workspace.checkOpen();
      return Map.copyOf(new HashMap<>(stored().environmentProfiles));
    }
  }
}
