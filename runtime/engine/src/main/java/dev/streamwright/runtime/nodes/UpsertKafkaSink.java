package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a keyed table that changes over time (a running count per user, the latest row per id) to
 * a Kafka topic with Flink's {@code upsert-kafka} connector, so readers of a compacted topic see
 * the current row of every key.
 *
 * <p>The key columns become the table's primary key and the record key (JSON); the whole row is the
 * record value (JSON). A new or changed row is written as the key's new value; a row that goes away
 * (e.g. a group a {@code HAVING} drops) is written as a tombstone, a record with the key and no
 * value, which compaction then removes. Create the topic with {@code cleanup.policy=compact} to
 * keep only the latest value per key. Rows whose key column is null fail the job: a primary key is
 * never null.
 *
 * <p>When a filter follows the aggregate (a {@code HAVING}, a filter node), Flink sends each update
 * as a retraction of the old row and the new row, and the connector writes the retraction as a
 * tombstone: readers then see the key vanish for a moment before every update. Buffering ({@code
 * bufferFlush}) merges the two into the new row.
 *
 * <p>Times are written as fixed-width ISO-8601 text ({@link SinkColumns}), except key columns of an
 * updating input: rendering those would make Flink keep every row in state, so Flink's JSON format
 * writes them (ISO-8601, with as few fractional digits as each value needs).
 */
public final class UpsertKafkaSink extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "upsert-kafka-sink";

  private static final String BUFFER_FLUSH = "bufferFlush";
  private static final String BUFFER_ROWS = "bufferRows";

  /**
   * Keys held while buffering before a write is forced: enough to absorb a burst of updates to a
   * few thousand hot keys, small enough that a buffer's rows never matter for memory.
   */
  static final long DEFAULT_BUFFER_ROWS = 1000;

  public UpsertKafkaSink() {
    super(
        ID,
        "Kafka upsert sink",
        NodeCategory.SINK,
        "Writes the latest row per key (updates and deletes included) to a compacted Kafka topic.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(),
        List.of(
            KafkaOptions.topic(),
            KafkaOptions.bootstrapServers(),
            PropertySpec.of(KafkaOptions.KEY_FIELDS, PropertyKind.COLUMNS)
                .label("Key columns")
                .example(List.of("user_id"))
                .required()
                .description(
                    "The columns that identify a row, e.g. the GROUP BY columns: they form the"
                        + " record key, and each key's latest row replaces its earlier ones")
                .build(),
            KafkaOptions.format(),
            KafkaOptions.deliveryGuarantee(),
            PropertySpec.of(BUFFER_FLUSH, PropertyKind.DURATION)
                .label("Buffer updates for")
                .example("1s")
                .description(
                    "Collect changes this long and write only each key's latest row: far fewer"
                        + " records for fast-changing aggregates, and no passing tombstone before"
                        + " each update when a filter follows the aggregate; blank writes every"
                        + " change at once")
                .build(),
            PropertySpec.of(BUFFER_ROWS, PropertyKind.INTEGER)
                .label("Buffer at most keys")
                .defaultValue(DEFAULT_BUFFER_ROWS)
                .description("While buffering, write as soon as this many keys are waiting")
                .build(),
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
      d.error(KafkaOptions.TOPIC, "name the topic to write to, e.g. clicks-per-user");
    }
    Columns.checkDeclarable(d, input);
    Columns.findAll(d, KafkaOptions.KEY_FIELDS, input, "key column");
    if (p.strings(KafkaOptions.KEY_FIELDS).isEmpty()) {
      d.error(
          KafkaOptions.KEY_FIELDS,
          "list the columns that identify a row (usually the GROUP BY columns), e.g. user_id;"
              + " the input has: "
              + Columns.describe(input));
    }
    if (!input.updating() && !input.columns().isEmpty()) {
      d.warning(
          null,
          "the input only appends rows, so each row replaces the previous row with the same key"
              + " and a compacted topic keeps only the last; to keep every row, use the Kafka"
              + " sink (kafka-sink) instead");
    }
    Duration flush = d.duration(BUFFER_FLUSH);
    if (flush != null && (flush.isZero() || flush.isNegative())) {
      d.error(BUFFER_FLUSH, "must be longer than zero; leave it blank to write every change");
    }
    d.atLeast(BUFFER_ROWS, 1);
    if (p.isSet(BUFFER_ROWS) && !p.isSet(BUFFER_FLUSH)) {
      d.warning(BUFFER_ROWS, "has no effect without bufferFlush; set how long to buffer, e.g. 1s");
    }
    KafkaOptions.checkExtra(d, own(p, d.nodeId(), KafkaOptions.DEFAULT_BOOTSTRAP, flush));
    return Map.of();
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    Schema input = context.input(PortSpec.IN);
    List<Column> keys = Columns.findAll(d, KafkaOptions.KEY_FIELDS, input, "key column");
    List<String> keyNames = new ArrayList<>();
    keys.forEach(c -> keyNames.add(Sql.identifier(c.name())));
    // Rendering a key column of an updating input would hide from Flink that it is the key, and
    // Flink would then keep every row in state to put the changes in order (upsert materialize).
    Set<String> keepTyped = new TreeSet<>();
    if (input.updating()) {
      keys.forEach(c -> keepTyped.add(c.name()));
    }
    String table = context.table("");
    context.ddl(
        new TableDdl(table)
            .lines(SinkColumns.definitions(input, keepTyped))
            .line("PRIMARY KEY (" + String.join(", ", keyNames) + ") NOT ENFORCED")
            .options(
                own(
                    context.properties(),
                    context.nodeId(),
                    KafkaOptions.bootstrapServers(context),
                    d.duration(BUFFER_FLUSH)))
            .options(SinkColumns.formatOptions(input, keepTyped, "key.", "value."))
            .options(KafkaOptions.extra(context))
            .render());
    context.insert(table, SinkColumns.select(input, context.inputRelation(PortSpec.IN), keepTyped));
  }

  private static Map<String, String> own(
      NodeProperties p, String nodeId, String bootstrap, Duration flush) {
    Map<String, String> options = new TreeMap<>();
    options.put("connector", "upsert-kafka");
    options.put("topic", p.string(KafkaOptions.TOPIC, "").trim());
    options.put("properties.bootstrap.servers", bootstrap);
    String format = p.string(KafkaOptions.FORMAT, "json");
    options.put("key.format", format);
    options.put("value.format", format);
    // The key columns stay in the value too: readers get whole rows without joining the key.
    options.put("value.fields-include", "ALL");
    options.putAll(KafkaOptions.delivery(p, nodeId));
    if (flush != null && !flush.isZero() && !flush.isNegative()) {
      // The connector buffers only when both are set (and both above zero).
      options.put("sink.buffer-flush.interval", Intervals.option(flush));
      Long rows = p.integer(BUFFER_ROWS);
      long maxRows = rows == null || rows < 1 ? DEFAULT_BUFFER_ROWS : rows;
      options.put("sink.buffer-flush.max-rows", Long.toString(maxRows));
    }
    return options;
  }
}
