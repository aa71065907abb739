package dev.streamwright.app.environments;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The fields of an environment whose values may be secrets, and which of their keys are secrets:
 * those may not hold plain text, only {@code ${env:NAME}} or a stored secret.
 */
public enum SecretField {
  /** Kafka client properties of the pipelines' Kafka tables (SASL, SSL). */
  KAFKA_PROPERTY("Kafka property", "--kafka-property", "--kafka-secret"),
  /** HTTP headers sent to the SQL Gateway and the Flink REST API. */
  HTTP_HEADER("header", "--header", "--header-secret"),
  /** Flink REST client options, e.g. TLS trust and key stores. */
  CLIENT_OPTION("client option", "--client-option", "--client-secret");

  /** Words in a key that mark its value as a secret. */
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "secret", "token", "jaas", "credential", "apikey", "api-key", "api_key");

  /** Headers that carry credentials although their names do not say so. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "x-auth", "x-api-key");

  /** Kafka's own list: every client setting of type PASSWORD. */
  private static final Set<String> KAFKA_PASSWORDS = kafkaPasswords();

  private final String label;
  private final String option;
  private final String secretOption;

  SecretField(String label, String option, String secretOption) {
    this.label = label;
    this.option = option;
    this.secretOption = secretOption;
  }

  /** How messages name the field, e.g. {@code Kafka property}. */
  public String label() {
    return label;
  }

  /** The command-line option that sets a plain value or a reference, e.g. {@code --header}. */
  public String option() {
    return option;
  }

  /** The command-line option that prompts for a secret to store, e.g. {@code --header-secret}. */
  public String secretOption() {
    return secretOption;
  }

  /** Whether the key's value is a secret, so plain text is refused. */
  public boolean isSecret(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    if (this == KAFKA_PROPERTY && KAFKA_PASSWORDS.contains(k)) {
      return true;
    }
    if (this == HTTP_HEADER && SECRET_HEADERS.contains(k)) {
      return true;
    }
    return SECRET_WORDS.stream().anyMatch(k::contains);
  }

  private static Set<String> kafkaPasswords() {
    Set<String> out = new HashSet<>();
    for (ConfigDef def :
        new ConfigDef[] {
          ConsumerConfig.configDef(), ProducerConfig.configDef(), AdminClientConfig.configDef()
        }) {
      def.configKeys().values().stream()
          .filter(k -> k.type == ConfigDef.Type.PASSWORD)
          .forEach(k -> out.add(k.name));
    }
    return Set.copyOf(out);
  }
}
