package dev.streamwright.runtime.connectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Kafka cluster as a pipeline's nodes reach it: the brokers and the client settings (security
 * protocol, SASL, TLS) of the nodes that use it. Nodes with the same brokers but other settings are
 * other clusters here, since one of them may be able to connect where the other cannot.
 *
 * @param bootstrap the brokers, as the nodes name them
 * @param clientProperties the nodes' Kafka client settings besides the brokers
 * @param tables the Kafka tables that use it, in pipeline order
 */
record KafkaCluster(
    String bootstrap, Map<String, String> clientProperties, List<ConnectorTable> tables) {

  /** The settings an admin client accepts; the connectors' others (group.id, ...) are left out. */
  private static final Set<String> ADMIN_SETTINGS = AdminClientConfig.configNames();

  KafkaCluster {
    clientProperties = Map.copyOf(clientProperties);
    tables = List.copyOf(tables);
  }

  /** The clusters of the pipeline's Kafka tables, in order of their first node. */
  static List<KafkaCluster> of(ConnectorTables tables) {
    Map<List<Object>, List<ConnectorTable>> byCluster = new LinkedHashMap<>();
    for (ConnectorTable t : tables.kafka()) {
      byCluster
          .computeIfAbsent(
              List.of(t.bootstrapServers(), adminSettings(t.clientProperties())),
              k -> new ArrayList<>())
          .add(t);
    }
    List<KafkaCluster> clusters = new ArrayList<>();
    byCluster.forEach(
        (key, members) ->
            clusters.add(
                new KafkaCluster(
                    (String) key.get(0),
                    adminSettings(members.get(0).clientProperties()),
                    members)));
    return clusters;
  }

  private static Map<String, String> adminSettings(Map<String, String> client) {
    Map<String, String> out = new java.util.TreeMap<>();
    client.forEach(
        (k, v) -> {
          if (ADMIN_SETTINGS.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** The {@code host:port} entries of the broker list. */
  List<String> addresses() {
    return ConnectorTables.addresses(bootstrap);
  }

  /** The node ids that use this cluster, quoted and joined, e.g. {@code 'orders', 'alerts'}. */
  String nodeNames() {
    List<String> ids = new ArrayList<>();
    for (ConnectorTable t : tables) {
      String q = "'" + t.nodeId() + "'";
      if (!ids.contains(q)) {
        ids.add(q);
      }
    }
    return String.join(", ", ids);
  }

  /**
   * An admin client with the nodes' settings whose every call gives up after {@code timeout}.
   *
   * @throws org.apache.kafka.common.KafkaException when the broker list cannot be used (no port, a
   *     host name that does not resolve)
   */
  Admin admin(String clientId, Duration timeout) {
    int ms = (int) Math.max(1, timeout.toMillis());
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) Math.min(ms, 3_000));
    p.put(
        AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
        (long) Math.min(ms, 3_000));
    return Admin.create(p);
  }
}
