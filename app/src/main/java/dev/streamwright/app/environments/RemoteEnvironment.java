package dev.streamwright.app.environments;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named remote Flink session cluster pipelines deploy to, as the workspace keeps it: no secret in
 * it is readable, since secret-bearing values are {@code ${env:NAME}} references or {@link
 * ConfigValue.Stored stored secrets}. {@link EnvironmentResolver} turns it into a runtime API
 * {@code RemoteTarget}. Made through {@link #builder}, which checks every field.
 *
 * @param name the environment's name, e.g. {@code prod-eu}
 * @param gatewayUrl the SQL Gateway's REST endpoint
 * @param restUrl the Flink REST endpoint (JobManager)
 * @param kafkaBootstrapServers the brokers the pipelines' Kafka nodes use there, or empty
 * @param kafkaProperties Kafka client properties without the {@code properties.} prefix
 * @param jars jars the session loads with {@code ADD JAR}, as URIs or paths the gateway reads
 * @param parallelism default parallelism of deployed jobs, 0 for the cluster's default
 * @param savepointDir where savepoints go (a URI the cluster writes), or empty for its default
 * @param httpHeaders headers sent with every request to the gateway and REST API
 * @param clientOptions Flink REST client options, e.g. {@code security.ssl.rest.truststore}
 */
public record RemoteEnvironment(
    String name,
    URI gatewayUrl,
    URI restUrl,
    String kafkaBootstrapServers,
    Map<String, ConfigValue> kafkaProperties,
    List<String> jars,
    int parallelism,
    String savepointDir,
    Map<String, ConfigValue> httpHeaders,
    Map<String, ConfigValue> clientOptions) {

  public RemoteEnvironment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    Objects.requireNonNull(restUrl, "restUrl");
    kafkaBootstrapServers = kafkaBootstrapServers == null ? "" : kafkaBootstrapServers;
    kafkaProperties = sorted(kafkaProperties);
    jars = List.copyOf(jars == null ? List.of() : jars);
    savepointDir = savepointDir == null ? "" : savepointDir;
    httpHeaders = sorted(httpHeaders);
    clientOptions = sorted(clientOptions);
  }

  private static Map<String, ConfigValue> sorted(Map<String, ConfigValue> m) {
    return m == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** A builder for a new environment with this name. */
  public static RemoteEnvironmentBuilder builder(String name) {
    return new RemoteEnvironmentBuilder(name);
  }

  /** A builder holding this environment's fields, to change some of them. */
  public RemoteEnvironmentBuilder toBuilder() {
    RemoteEnvironmentBuilder b =
        builder(name)
            .gatewayUrl(gatewayUrl.toString())
            .restUrl(restUrl.toString())
            .kafkaBootstrapServers(kafkaBootstrapServers)
            .parallelism(parallelism)
            .savepointDir(savepointDir);
    jars.forEach(b::jar);
    kafkaProperties.forEach(b::kafkaProperty);
    httpHeaders.forEach(b::header);
    clientOptions.forEach(b::clientOption);
    return b;
  }

  /** The values of one secret-bearing field. */
  public Map<String, ConfigValue> values(SecretField field) {
    return switch (field) {
      case KAFKA_PROPERTY -> kafkaProperties;
      case HTTP_HEADER -> httpHeaders;
      case CLIENT_OPTION -> clientOptions;
    };
  }

  /** How many values are stored secrets. */
  public long storedSecretCount() {
    long n = 0;
    for (SecretField f : SecretField.values()) {
      n += values(f).values().stream().filter(ConfigValue.Stored.class::isInstance).count();
    }
    return n;
  }
}
