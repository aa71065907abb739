package dev.streamwright.app.workspace;

import java.util.HashMap;

/**
 * The price profiles a user added and what each environment is priced with, as the workspace stores
 * them ({@link WorkspacePrices}). Persisted: class and field names are part of the store's type
 * dictionary (decision 0005). Replaced whole on every change, never edited in place.
 */
final class StoredPrices {

  /** The user's price profiles by name, each as the JSON {@code PriceProfileJson} writes. */
  HashMap<String, String> profiles = new HashMap<>();

  /** Per environment name, the name of the price profile it is priced with. */
  HashMap<String, String> environmentProfiles = new HashMap<>();

  /**
   * Per environment name, its slot and JobManager shape: cores per slot, GiB per slot, JobManager
   * cores, JobManager GiB, in that order.
   */
  HashMap<String, double[]> environmentResources = new HashMap<>();

  StoredPrices copy() {
    StoredPrices c = new StoredPrices();
    c.profiles = new HashMap<>(profiles == null ? new HashMap<>() : profiles);
    c.environmentProfiles =
        new HashMap<>(environmentProfiles == null ? new HashMap<>() : environmentProfiles);
    c.environmentResources =
        new HashMap<>(environmentResources == null ? new HashMap<>() : environmentResources);
    return c;
  }
}
