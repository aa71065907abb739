package dev.streamwright.runtime.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One {@code CREATE TABLE} of a compiled pipeline with its connector options, as Flink runs it: the
 * node's own options with the user's extra options and the environment's brokers already applied.
 *
 * @param nodeId the node that rendered the table
 * @param table the table name as written in the statement (quoted)
 * @param sink whether the pipeline inserts into it (a sink) rather than reading it (a source)
 * @param options the connector options of its {@code WITH} clause
 */
public record ConnectorTable(
    String nodeId, String table, boolean sink, Map<String, String> options) {

  /** The node property that names a Kafka node's brokers. */
  public static final String BOOTSTRAP_PROPERTY = "bootstrapServers";

  /** The node property that names a Kafka node's topic. */
  public static final String TOPIC_PROPERTY = "topic";

  /** The Kafka client settings the connectors take as {@code properties.<key>}. */
  private static final String CLIENT_PREFIX = "properties.";

  public ConnectorTable {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(table, "table");
    options = Map.copyOf(options);
  }

  /** The connector, e.g. {@code kafka}, {@code upsert-kafka}, {@code filesystem}. */
  public String connector() {
    return options.getOrDefault("connector", "");
  }

  /** Whether Flink's Kafka or upsert-Kafka connector reads or writes this table. */
  public boolean isKafka() {
    return connector().equals("kafka") || connector().equals("upsert-kafka");
  }

  /** Whether Flink's filesystem connector writes or reads this table. */
  public boolean isFiles() {
    return connector().equals("filesystem");
  }

  /**
   * The Kafka topics named by the {@code topic} option (a semicolon-separated list for sources).
   */
  public List<String> topics() {
    List<String> topics = new ArrayList<>();
    for (String t : options.getOrDefault("topic", "").split(";")) {
      if (!t.isBlank()) {
        topics.add(t.trim());
      }
    }
    return topics;
  }

  /** The brokers the Kafka connector bootstraps from, as written; empty when none is set. */
  public String bootstrapServers() {
    return options.getOrDefault(CLIENT_PREFIX + "bootstrap.servers", "").trim();
  }

  /**
   * The Kafka client settings besides the brokers ({@code properties.security.protocol} becomes
   * {@code security.protocol}): what any client talking to the same cluster must use as well.
   */
  public Map<String, String> clientProperties() {
    Map<String, String> out = new TreeMap<>();
    options.forEach(
        (k, v) -> {
          if (k.startsWith(CLIENT_PREFIX) && !k.equals(CLIENT_PREFIX + "bootstrap.servers")) {
            out.put(k.substring(CLIENT_PREFIX.length()), v);
          }
        });
    return out;
  }

  /** Whether a Kafka sink writes in transactions committed on checkpoints. */
  public boolean exactlyOnce() {
    return "exactly-once".equals(options.get("sink.delivery-guarantee"));
  }

  /** A filesystem table's folder (a path or a URI), as written. */
  public String path() {
    return options.getOrDefault("path", "").trim();
  }

  /** A filesystem table's row format, e.g. {@code json}. */
  public String format() {
    return options.getOrDefault("format", "");
  }
}
