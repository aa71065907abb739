package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the Kafka source and sinks share: their common properties and connector options. */
final class KafkaOptions {

  /** The environment setting that names the brokers when a node leaves them blank. */
  static final String ENVIRONMENT_BOOTSTRAP = "kafka.bootstrap.servers";

  /**
   * The brokers used when neither the node nor the environment names any: Kafka's own default, so a
   * script generated without an environment still reads naturally and runs against a local broker.
   */
  static final String DEFAULT_BOOTSTRAP = "localhost:9092";

  static final String TOPIC = "topic";
  static final String BOOTSTRAP = "bootstrapServers";
  static final String FORMAT = "format";
  static final String KEY_FIELDS = "keyFields";
  static final String OPTIONS = "options";
  static final String DELIVERY = "deliveryGuarantee";

  private KafkaOptions() {}

  static PropertySpec topic() {
    return PropertySpec.of(TOPIC, PropertyKind.STRING)
        .label("Topic")
        .example("transactions")
        .required()
        .description("The Kafka topic")
        .build();
  }

  static PropertySpec bootstrapServers() {
    return PropertySpec.of(BOOTSTRAP, PropertyKind.STRING)
        .label("Bootstrap servers")
        .example("broker-1:9092,broker-2:9092")
        .description(
            "host:port list of brokers; blank uses the environment's kafka.bootstrap.servers,"
                + " else "
                + DEFAULT_BOOTSTRAP)
        .build();
  }

  static PropertySpec format() {
    return PropertySpec.of(FORMAT, PropertyKind.ENUM)
        .label("Format")
        .choices("json")
        .defaultValue("json")
        .description("How records are encoded")
        .build();
  }

  static PropertySpec keyFields(String description) {
    return PropertySpec.of(KEY_FIELDS, PropertyKind.COLUMNS)
        .label("Key columns")
        .example(List.of("user_id"))
        .description(description)
        .build();
  }

  static PropertySpec options() {
    return PropertySpec.of(OPTIONS, PropertyKind.MAP)
        .label("Extra options")
        .example(Map.of("properties.security.protocol", "SASL_SSL"))
        .description(
            "More Kafka connector options, e.g. properties.security.protocol; they win over the"
                + " node's own, except 'connector'")
        .build();
  }

  static PropertySpec deliveryGuarantee() {
    return PropertySpec.of(DELIVERY, PropertyKind.ENUM)
        .label("Delivery")
        .choices("at-least-once", "exactly-once")
        .defaultValue("at-least-once")
        .description(
            "exactly-once writes in Kafka transactions committed on checkpoints; readers"
                + " then need isolation.level=read_committed")
        .build();
  }

  /**
   * The sink options for the node's delivery guarantee. Exactly-once gets a transactional id prefix
   * unique to the node and a transaction timeout the broker accepts.
   */
  static Map<String, String> delivery(NodeProperties p, String nodeId) {
    Map<String, String> options = new TreeMap<>();
    String delivery = p.string(DELIVERY, "at-least-once");
    options.put("sink.delivery-guarantee", delivery);
    if (delivery.equals("exactly-once")) {
      options.put("sink.transactional-id-prefix", "streamwright-" + nodeId);
      options.put("properties.transaction.timeout.ms", KafkaSink.TRANSACTION_TIMEOUT_MS);
    }
    return options;
  }

  /** The brokers: the node's, else the environment's, else {@link #DEFAULT_BOOTSTRAP}. */
  static String bootstrapServers(RenderContext context) {
    String own = context.properties().string(BOOTSTRAP, "").trim();
    if (!own.isEmpty()) {
      return own;
    }
    String env = context.environment(ENVIRONMENT_BOOTSTRAP);
    return env == null || env.isBlank() ? DEFAULT_BOOTSTRAP : env.trim();
  }

  /** The options that put the key columns into the record key as JSON. */
  static Map<String, String> key(List<Column> keyColumns) {
    Map<String, String> options = new TreeMap<>();
    if (keyColumns.isEmpty()) {
      return options;
    }
    List<String> names = new ArrayList<>();
    keyColumns.forEach(c -> names.add(c.name()));
    options.put("key.format", "json");
    options.put("key.fields", String.join(";", names));
    options.put("value.fields-include", "ALL");
    return options;
  }

  /**
   * Checks the user's extra options against the node's own: 'connector' may not change; overriding
   * another of the node's options is allowed but flagged.
   */
  static void checkExtra(Derivation d, Map<String, String> own) {
    Map<String, String> extra = d.props().options(OPTIONS);
    for (Map.Entry<String, String> e : extra.entrySet()) {
      String key = e.getKey().trim();
      if (key.isEmpty()) {
        d.error(OPTIONS, "an option has an empty key; remove it or name the option");
      } else if (key.equals("connector")) {
        d.error(
            OPTIONS,
            "'connector' is fixed to "
                + own.getOrDefault("connector", "kafka")
                + " for this node; remove it (use the SQL node for other connectors)");
      } else if (own.containsKey(key)) {
        d.warning(
            OPTIONS,
            "'"
                + key
                + "' replaces the node's own value '"
                + own.get(key)
                + "' with '"
                + e.getValue()
                + "'");
      }
    }
  }

  /** The user's extra options, trimmed keys, without 'connector'. */
  static Map<String, String> extra(RenderContext context) {
    Map<String, String> out = new TreeMap<>();
    context
        .properties()
        .options(OPTIONS)
        .forEach(
            (k, v) -> {
              if (!k.isBlank() && !k.trim().equals("connector")) {
                out.put(k.trim(), v);
              }
            });
    return out;
  }
}
