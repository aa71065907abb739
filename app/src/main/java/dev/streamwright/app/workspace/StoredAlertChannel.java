package dev.streamwright.app.workspace;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * One configured alert channel in the store. Persisted (see {@link StoredAlerts}); plain fields
 * only. A webhook's URL and header values are kept only as the ciphertext {@link
 * dev.streamwright.app.environments.SecretBox} made (they may carry tokens). Replaced whole on
 * every change.
 */
final class StoredAlertChannel {

  /** {@code desktop}, {@code webhook} or {@code command}. */
  String kind;

  String name;

  /** A webhook's URL, sealed. */
  String url;

  /** A webhook's headers, each value sealed. */
  HashMap<String, String> headers;

  /** A command's program and arguments. */
  ArrayList<String> command;

  long timeoutMillis;

  int attempts;
}
