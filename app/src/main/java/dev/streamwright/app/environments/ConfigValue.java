package dev.streamwright.app.environments;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a field that may carry a secret (a Kafka client property, an HTTP header, a client
 * option): plain text, a reference to an environment variable read at use, or a secret stored
 * encrypted in the workspace. Only plain values are ever shown; the others show how they are found,
 * never what they hold.
 */
public sealed interface ConfigValue {

  /** What a stored secret shows instead of its value. */
  String MASK = "(secret)";

  /** {@code ${env:NAME}}: the whole value is one environment variable. */
  Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  /** How the value shows in lists and JSON: the text, {@code ${env:NAME}} or {@code (secret)}. */
  String shown();

  /**
   * A value as typed on a command line or in a form: {@code ${env:NAME}} is a reference, anything
   * else is plain text.
   *
   * @throws EnvironmentException when it looks like a reference but is not a valid one
   */
  static ConfigValue parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = ENV_REFERENCE.matcher(text.strip());
    if (m.matches()) {
      return new FromEnv(m.group(1));
    }
    if (text.contains("${env:")) {
      throw new EnvironmentException(
          "'"
              + text
              + "' is not a valid environment variable reference: write the whole value as"
              + " ${env:NAME}, where NAME has letters, digits and '_' and does not start with a"
              + " digit.");
    }
    return new Plain(text);
  }

  /**
   * Plain text, stored and shown as it is; refused for keys that hold secrets.
   *
   * @param text the value
   */
  record Plain(String text) implements ConfigValue {
    public Plain {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String shown() {
      return text;
    }
  }

  /**
   * Read from an environment variable whenever the environment is used; only the variable's name is
   * stored.
   *
   * @param variable the variable's name
   */
  record FromEnv(String variable) implements ConfigValue {
    public FromEnv {
      Objects.requireNonNull(variable, "variable");
    }

    @Override
    public String shown() {
      return "${env:" + variable + "}";
    }
  }

  /**
   * A secret encrypted with the user's secret key ({@link SecretBox}); only {@link SecretBox#open}
   * turns it back into its value.
   *
   * @param sealed the key's id, nonce and ciphertext in {@link SecretBox}'s text form
   */
  record Stored(String sealed) implements ConfigValue {
    public Stored {
      Objects.requireNonNull(sealed, "sealed");
    }

    @Override
    public String shown() {
      return MASK;
    }

    /** Shows {@link #MASK}: even the ciphertext stays out of logs. */
    @Override
    public String toString() {
      return "Stored[" + MASK + "]";
    }
  }
}
