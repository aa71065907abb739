package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The workspace's alert rules, channels and history as the store keeps them ({@link
 * WorkspaceAlerts}). Persisted: class and field names are part of the store's type dictionary
 * (decision 0005). Added after the first release: {@link WorkspaceRoot#alerts} is null in a store
 * from before it.
 */
final class StoredAlerts {

  /** The rule set as {@code RuleSetJson} writes it; null until the user changes the defaults. */
  String rules;

  /** Configured channels by name. */
  HashMap<String, StoredAlertChannel> channels = new HashMap<>();

  /**
   * The alert history: one alert JSON document per event, oldest first, in chunks of at most {@link
   * WorkspaceAlerts#CHUNK} so appending an event stores one small chunk, not the whole history.
   */
  ArrayList<ArrayList<String>> history = new ArrayList<>();
}
