package dev.streamwright.app.environments;

import dev.streamwright.runtime.api.RemoteTarget;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a stored environment into the {@link RemoteTarget} a remote runtime uses, reading each
 * {@code ${env:NAME}} from the process environment and decrypting each stored secret at that
 * moment. The target holds the secrets in memory only; its {@code toString} masks them.
 */
public final class EnvironmentResolver {

  private final SecretBox secrets;
  private final Function<String, String> variables;

  /**
   * A resolver.
   *
   * @param secrets decrypts stored secrets
   * @param variables reads environment variables ({@code System::getenv} outside tests)
   */
  public EnvironmentResolver(SecretBox secrets, Function<String, String> variables) {
    this.secrets = secrets;
    this.variables = variables;
  }

  /** A resolver reading this process's environment variables. */
  public static EnvironmentResolver withSystemEnvironment(SecretBox secrets) {
    return new EnvironmentResolver(secrets, System::getenv);
  }

  /**
   * The target with every value resolved.
   *
   * @throws EnvironmentException when a variable is not set or a stored secret cannot be decrypted;
   *     the message names the environment, the field, the key and the variable
   */
  public RemoteTarget resolve(RemoteEnvironment e) {
    return new RemoteTarget(
        e.name(),
        e.gatewayUrl(),
        e.restUrl(),
        e.kafkaBootstrapServers(),
        resolve(e, SecretField.KAFKA_PROPERTY),
        e.jars(),
        e.parallelism(),
        e.savepointDir(),
        resolve(e, SecretField.HTTP_HEADER),
        resolve(e, SecretField.CLIENT_OPTION));
  }

  private Map<String, String> resolve(RemoteEnvironment e, SecretField field) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : e.values(field).entrySet()) {
      out.put(entry.getKey(), value(e.name(), field, entry.getKey(), entry.getValue()));
    }
    return out;
  }

  private String value(String env, SecretField field, String key, ConfigValue v) {
    if (v instanceof ConfigValue.Plain p) {
      return p.text();
    }
    if (v instanceof ConfigValue.FromEnv ref) {
      String value = variables.apply(ref.variable());
      if (value == null || value.isEmpty()) {
        throw new EnvironmentException(
            "Environment '"
                + env
                + "': the "
                + field.label()
                + " '"
                + key
                + "' is read from the environment variable "
                + ref.variable()
                + ", which is "
                + (value == null ? "not set" : "empty")
                + ". Set it before running Streamwright (export "
                + ref.variable()
                + "=...), or store the value encrypted instead: streamwright env add "
                + env
                + " --replace ... "
                + field.secretOption()
                + " "
                + key
                + ".");
      }
      return value;
    }
    return secrets.open(env, field, key, (ConfigValue.Stored) v);
  }
}
