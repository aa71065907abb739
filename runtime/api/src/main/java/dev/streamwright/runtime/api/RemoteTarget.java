package dev.streamwright.runtime.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a remote runtime deploys: a Flink session cluster reached through its SQL Gateway and its
 * REST API, with the Kafka brokers its pipelines read and write. Secrets in {@code
 * kafkaProperties}, {@code httpHeaders} and {@code clientOptions} are already resolved here (from
 * {@code ${env:NAME}} or the workspace's encrypted store), so a target is never written anywhere:
 * {@link #toString()} masks every value of those maps.
 *
 * @param name the environment's name, e.g. {@code dev-cluster} or {@code prod-eu}
 * @param gatewayUrl the SQL Gateway's REST endpoint, e.g. {@code http://127.0.0.1:8083}
 * @param restUrl the Flink cluster's REST endpoint (JobManager), e.g. {@code http://127.0.0.1:8081}
 * @param kafkaBootstrapServers the brokers the pipelines' Kafka nodes use on that cluster
 * @param kafkaProperties extra Kafka client properties for the pipelines' Kafka tables (SASL, SSL),
 *     without the {@code properties.} prefix, e.g. {@code security.protocol=SASL_SSL}
 * @param jars jars the session loads with {@code ADD JAR} before the pipeline (the onnx model
 *     provider, the Kafka SQL connector), as URIs or paths the gateway can read
 * @param parallelism default parallelism of deployed jobs, or 0 for the cluster's default
 * @param savepointDir where savepoints go, any URI the cluster writes ({@code file://}, {@code
 *     s3://}, ...); empty for the cluster's configured default
 * @param httpHeaders headers sent with every request to the gateway and the REST API, e.g. an
 *     {@code Authorization} header for a gateway behind an authenticating proxy
 * @param clientOptions Flink client configuration for both REST clients, e.g. {@code
 *     security.ssl.rest.enabled} and the trust store settings
 */
public record RemoteTarget(
    String name,
    URI gatewayUrl,
    URI restUrl,
    String kafkaBootstrapServers,
    Map<String, String> kafkaProperties,
    List<String> jars,
    int parallelism,
    String savepointDir,
    Map<String, String> httpHeaders,
    Map<String, String> clientOptions) {

  public RemoteTarget {
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

  private static Map<String, String> sorted(Map<String, String> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** The target without secrets: keys of the maps are shown, their values never. */
  @Override
  public String toString() {
    return "RemoteTarget[name="
        + name
        + ", gatewayUrl="
        + gatewayUrl
        + ", restUrl="
        + restUrl
        + ", kafkaBootstrapServers="
        + kafkaBootstrapServers
        + ", kafkaProperties="
        + kafkaProperties.keySet()
        + ", jars="
        + jars
        + ", parallelism="
        + parallelism
        + ", savepointDir="
        + savepointDir
        + ", httpHeaders="
        + httpHeaders.keySet()
        + ", clientOptions="
        + clientOptions.keySet()
        + "]";
  }
}
