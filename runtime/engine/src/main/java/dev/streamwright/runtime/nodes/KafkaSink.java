package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes its input as JSON records to a Kafka topic with Flink's {@code kafka} connector. The
 * connector takes append-only rows only; exactly-once delivery uses Kafka transactions committed on
 * checkpoints. Times are written as fixed-width ISO-8601 text ({@link SinkColumns}).
 */
public final class KafkaSink extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "kafka-sink";

  /**
   * Kafka transactions' timeout for exactly-once: the broker's default ceiling
   * (transaction.max.timeout.ms, 15 minutes). The connector's own default of one hour is refused by
   * a broker with default settings.
   */
  static final String TRANSACTION_TIMEOUT_MS = "900000";

  public KafkaSink() {
    super(
        ID,
        "Kafka sink",
        NodeCategory.SINK,
        "Writes the rows arriving here as JSON records to a Kafka topic.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(),
        List.of(
            KafkaOptions.topic(),
            KafkaOptions.bootstrapServers(),
            KafkaOptions.format(),
            KafkaOptions.keyFields(
                "Columns written as the record key (JSON), which also picks the partition"),
            KafkaOptions.deliveryGuarantee(),
            KafkaOptions.options()));
  }

  /** With exactly-once delivery its open transactions, committed on checkpoints; without, none. */
  @Override
  public NodeState state(NodeProperties properties) {
    return "exactly-once".equals(properties.string(KafkaOptions.DELIVERY, ""))
        ? NodeState.kept("open transactions", KafkaOptions.TOPIC, KafkaOptions.DELIVERY)
        : NodeState.NONE;
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    NodeProperties p = d.props();
    Schema input = d.input(PortSpec.IN);
    if (!p.isSet(KafkaOptions.TOPIC)) {
      d.error(KafkaOptions.TOPIC, "name the topic to write to, e.g. fraud-alerts");
    }
    Columns.checkDeclarable(d, input);
    List<Column> keys = Columns.findAll(d, KafkaOptions.KEY_FIELDS, input, "key column");
    KafkaOptions.checkExtra(d, own(p, d.nodeId(), KafkaOptions.DEFAULT_BOOTSTRAP, keys));
    return Map.of();
  }

  @Override
  public void render(RenderContext context) {
    Schema input = context.input(PortSpec.IN);
    List<Column> keys =
        Columns.findAll(Derivation.replay(context), KafkaOptions.KEY_FIELDS, input, "key column");
    String table = context.table("");
    context.ddl(
        new TableDdl(table)
            .lines(SinkColumns.definitions(input, Set.of()))
            .options(
                own(
                    context.properties(),
                    context.nodeId(),
                    KafkaOptions.bootstrapServers(context),
                    keys))
            .options(
                keys.isEmpty()
                    ? SinkColumns.formatOptions(input, Set.of(), "")
                    : SinkColumns.formatOptions(input, Set.of(), "", "key."))
            .options(KafkaOptions.extra(context))
            .render());
    context.insert(table, SinkColumns.select(input, context.inputRelation(PortSpec.IN), Set.of()));
  }

  private static Map<String, String> own(
      NodeProperties p, String nodeId, String bootstrap, List<Column> keys) {
    Map<String, String> options = new TreeMap<>();
    options.put("connector", "kafka");
    options.put("topic", p.string(KafkaOptions.TOPIC, "").trim());
    options.put("properties.bootstrap.servers", bootstrap);
    options.put("format", p.string(KafkaOptions.FORMAT, "json"));
    options.putAll(KafkaOptions.delivery(p, nodeId));
    options.putAll(KafkaOptions.key(keys));
    return options;
  }
}
