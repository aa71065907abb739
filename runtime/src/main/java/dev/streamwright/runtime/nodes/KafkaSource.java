package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Kafka topic of JSON records with Flink's {@code kafka} connector. Brokers left blank come
 * from the environment the pipeline is compiled for, so one pipeline runs in the sandbox and on a
 * real cluster unchanged.
 */
public final class KafkaSource extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "kafka-source";

  private static final String COLUMNS = "columns";
  private static final String RECORD_TIMESTAMP = "recordTimestamp";

  public KafkaSource() {
    super(
        ID,
        "Kafka source",
        NodeCategory.SOURCE,
        "Reads JSON records from a Kafka topic.",
        List.of(),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            KafkaOptions.topic(),
            KafkaOptions.bootstrapServers(),
            PropertySpec.of("groupId", PropertyKind.STRING)
                .label("Consumer group")
                .description("Kafka consumer group id; blank means streamwright-<node id>")
                .build(),
            PropertySpec.of("startupMode", PropertyKind.ENUM)
                .label("Start from")
                .choices("earliest-offset", "latest-offset", "group-offsets")
                .defaultValue("earliest-offset")
                .description(
                    "Where reading starts without a savepoint; group-offsets resumes from the"
                        + " group's committed offsets, or the earliest when it has none")
                .build(),
            KafkaOptions.format(),
            PropertySpec.of(COLUMNS, PropertyKind.LIST)
                .label("Columns")
                .required()
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING).required().build(),
                    PropertySpec.of("type", PropertyKind.STRING)
                        .required()
                        .description("Flink SQL type, e.g. STRING, DOUBLE, TIMESTAMP(3)")
                        .build())
                .description("The fields of each JSON record")
                .build(),
            KafkaOptions.keyFields("Columns also read from the record key (JSON)"),
            PropertySpec.of("eventTime", PropertyKind.COLUMN)
                .label("Event time")
                .description(
                    "A TIMESTAMP(3) or TIMESTAMP_LTZ(3) column (or the record timestamp) that"
                        + " gets a watermark")
                .build(),
            TimeAttributes.WATERMARK_DELAY_SPEC,
            PropertySpec.of(RECORD_TIMESTAMP, PropertyKind.STRING)
                .label("Record timestamp column")
                .description("Adds a column of this name holding the Kafka record's timestamp")
                .build(),
            PropertySpec.of("procTime", PropertyKind.STRING)
                .label("Processing-time column")
                .description("Adds a column of this name holding the processing time")
                .build(),
            KafkaOptions.options()));
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    NodeProperties p = d.props();
    if (!p.isSet(KafkaOptions.TOPIC)) {
      d.error(KafkaOptions.TOPIC, "name the topic to read, e.g. transactions");
    }
    List<Column> declared = Columns.declared(d, COLUMNS, p.records(COLUMNS));
    if (p.records(COLUMNS).isEmpty()) {
      d.error(COLUMNS, "declare the fields of the JSON records, e.g. user_id STRING");
    }
    Schema physical = Schema.of(declared);
    List<Column> keys = Columns.findAll(d, KafkaOptions.KEY_FIELDS, physical, "key column");
    List<Column> columns = new ArrayList<>(declared);
    if (p.isSet(RECORD_TIMESTAMP)) {
      String name = p.string(RECORD_TIMESTAMP).trim();
      if (Columns.contains(columns, name)) {
        d.error(
            RECORD_TIMESTAMP,
            "'"
                + name
                + "' clashes with a declared column of that name; choose another name, e.g."
                + " kafka_time");
      } else {
        columns.add(new Column(name, TimeAttributes.LOCAL_TIMESTAMP_TYPE));
      }
    }
    String eventTime = null;
    if (p.isSet("eventTime")) {
      Column c = TimeAttributes.eventTime(d, "eventTime", columns, p.string("eventTime"));
      TimeAttributes.watermarkDelay(d);
      eventTime = c == null ? null : c.name();
    }
    String procTime = null;
    if (p.isSet("procTime")) {
      String name = p.string("procTime").trim();
      if (TimeAttributes.procTimeIsFree(d, "procTime", columns, name)) {
        columns.add(new Column(name, TimeAttributes.LOCAL_TIMESTAMP_TYPE));
        procTime = name;
      }
    }
    KafkaOptions.checkExtra(d, own(p, d.nodeId(), KafkaOptions.DEFAULT_BOOTSTRAP, keys));
    return d.out(new Schema(columns, eventTime, procTime, false));
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    NodeProperties p = context.properties();
    Schema out = context.output(PortSpec.OUT);
    List<Column> declared = Columns.declared(d, COLUMNS, p.records(COLUMNS));
    List<Column> keys = Columns.findAll(d, KafkaOptions.KEY_FIELDS, Schema.of(declared), "key");
    TableDdl ddl = new TableDdl(context.relation(PortSpec.OUT));
    declared.forEach(c -> ddl.line(Columns.definition(c)));
    if (p.isSet(RECORD_TIMESTAMP)) {
      ddl.line(
          Sql.identifier(p.string(RECORD_TIMESTAMP).trim())
              + " "
              + TimeAttributes.LOCAL_TIMESTAMP_TYPE
              + " METADATA FROM 'timestamp'");
    }
    if (out.procTime() != null) {
      ddl.line(TimeAttributes.procTime(out.procTime()));
    }
    if (out.eventTime() != null) {
      ddl.line(TimeAttributes.watermark(out.eventTime(), TimeAttributes.watermarkDelay(d)));
    }
    ddl.options(own(p, context.nodeId(), KafkaOptions.bootstrapServers(context), keys));
    ddl.options(KafkaOptions.extra(context));
    context.ddl(ddl.render());
  }

  private static Map<String, String> own(
      NodeProperties p, String nodeId, String bootstrap, List<Column> keys) {
    Map<String, String> options = new TreeMap<>();
    options.put("connector", "kafka");
    options.put("topic", p.string(KafkaOptions.TOPIC, "").trim());
    options.put("properties.bootstrap.servers", bootstrap);
    options.put("properties.group.id", p.string("groupId", "streamwright-" + nodeId).trim());
    String startup = p.string("startupMode", "earliest-offset");
    options.put("scan.startup.mode", startup);
    if (startup.equals("group-offsets")) {
      // The connector's reset strategy is NONE here, so a new group would fail on its first run.
      options.put("properties.auto.offset.reset", "earliest");
    }
    options.put("format", p.string(KafkaOptions.FORMAT, "json"));
    options.put("json.ignore-parse-errors", "false");
    options.putAll(KafkaOptions.key(keys));
    return options;
  }
}
