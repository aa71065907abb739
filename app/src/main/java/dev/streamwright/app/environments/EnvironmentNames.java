package dev.streamwright.app.environments;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for environment names, and the one environment that is always there. */
public final class EnvironmentNames {

  /** The Flink inside Streamwright's own process: always there, never edited or removed. */
  public static final String EMBEDDED = "embedded";

  /** The environment {@code streamwright dev-cluster start} registers. */
  public static final String DEV_CLUSTER = "dev-cluster";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private EnvironmentNames() {}

  /** Why the name is not a valid name for a new remote environment, or empty when it is. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("An environment needs a name, e.g. 'prod-eu'.");
    }
    if (EMBEDDED.equals(name)) {
      return Optional.of(
          "'embedded' is the Flink inside Streamwright; it is always there and cannot be added,"
              + " changed or removed. Choose another name, e.g. 'prod-eu'.");
    }
    if (!NAME.matcher(name).matches() || name.endsWith("-")) {
      return Optional.of(
          "'"
              + name
              + "' is not a valid environment name: use lowercase letters, digits and '-',"
              + " starting with a letter and not ending with '-', at most 63 characters, e.g."
              + " 'prod-eu'.");
    }
    return Optional.empty();
  }
}
