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
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Kafka topic of JSON records with Flink's {@code kafka} connector. Brokers left blank come
 * from the environment the pipeline is compiled for, so one pipeline runs in the sandbox and on a
 * real cluster unchanged.
 *
 * <p>What happens to a record that is not valid JSON for the declared columns is the user's choice:
 * {@code fail} (Flink's JSON format fails the job), {@code skip} (the format's {@code
 * ignore-parse-errors}: unparsable records vanish, fields of the wrong type become NULL) or {@code
 * dead-letter}. In dead-letter mode the topic is read with the {@code raw} format and every column
 * is a computed column extracting its field with {@code JSON_VALUE} and {@code TRY_CAST}; a record
 * that is not a JSON object, has a field its column cannot take (an object or array, text in a
 * number column, a number out of range, a timestamp that does not parse), or lacks a usable event
 * time goes to the {@code malformed} output with its original text and the reason ({@link
 * DeadLetterSql}), and never stops the job. Only plain SQL is generated, so the same pipeline runs
 * on any Flink cluster without extra jars.
 *
 * <p>By default a source reads on forever; with <em>Stop at = latest-offset</em> (or {@link
 * #ENVIRONMENT_STOP_AT} in the environment) it reads what the topic holds when the job starts and
 * finishes, and Flink's final watermark then closes the last event-time windows.
 */
public final class KafkaSource extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "kafka-source";

  /** The output of malformed records in dead-letter mode. */
  public static final String MALFORMED = "malformed";

  /** The malformed output's column holding the record's original text. */
  public static final String ORIGINAL = "original_record";

  /**
   * The environment setting that makes every Kafka source without a stop of its own read to the end
   * offsets present when the job starts, then finish ({@code streamwright run --bounded}).
   */
  public static final String ENVIRONMENT_STOP_AT = "kafka.stop-at";

  /** The stop at the end offsets present when the job starts. */
  public static final String LATEST_OFFSET = "latest-offset";

  private static final String COLUMNS = "columns";
  private static final String RECORD_TIMESTAMP = "recordTimestamp";
  private static final String ON_MALFORMED = "onMalformed";
  private static final String DEAD_LETTER = "dead-letter";
  private static final String STOP_AT = "stopAt";
  private static final String NEVER = "never";
  private static final String TIMESTAMP_FORMAT = "timestampFormat";
  private static final String SQL_TIMESTAMPS = "sql";
  private static final String ISO_TIMESTAMPS = "iso-8601";

  /** The physical column holding the record value in dead-letter mode. */
  static final String RAW = "__record_value";

  /** The column of the dead-letter mode's checked view that says why a record is malformed. */
  private static final String REASON = "__malformed_reason";

  public KafkaSource() {
    super(
        ID,
        "Kafka source",
        NodeCategory.SOURCE,
        "Reads JSON records from a Kafka topic.",
        List.of(),
        List.of(PortSpec.output(PortSpec.OUT), PortSpec.output(MALFORMED)),
        List.of(
            KafkaOptions.topic(),
            KafkaOptions.bootstrapServers(),
            PropertySpec.of("groupId", PropertyKind.STRING)
                .label("Consumer group")
                .example("fraud-detection")
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
            PropertySpec.of(STOP_AT, PropertyKind.ENUM)
                .label("Stop at")
                .choices(NEVER, LATEST_OFFSET)
                .defaultValue(NEVER)
                .description(
                    "Where reading ends: never keeps reading new records; latest-offset reads what"
                        + " the topic holds when the job starts and then finishes, closing the last"
                        + " event-time windows (streamwright run --bounded sets it on every Kafka"
                        + " source)")
                .build(),
            KafkaOptions.format(),
            PropertySpec.of(TIMESTAMP_FORMAT, PropertyKind.ENUM)
                .label("Timestamp text")
                .choices(SQL_TIMESTAMPS, ISO_TIMESTAMPS)
                .defaultValue(SQL_TIMESTAMPS)
                .description(
                    "How the records write timestamps, for Malformed records = fail or skip: sql"
                        + " is 2026-11-23 07:40:36.190 (Flink's default, the sample generators),"
                        + " iso-8601 is 2026-11-23T07:40:36.190 (what Streamwright's sinks write);"
                        + " dead-letter mode reads both")
                .build(),
            PropertySpec.of(ON_MALFORMED, PropertyKind.ENUM)
                .label("Malformed records")
                .choices("fail", "skip", DEAD_LETTER)
                .defaultValue("fail")
                .description(
                    "A record that is not JSON or has a field of the wrong type: fail stops the"
                        + " job, skip drops it (wrong-typed fields become NULL), dead-letter sends"
                        + " it with the reason to the 'malformed' output")
                .build(),
            PropertySpec.of(COLUMNS, PropertyKind.LIST)
                .label("Columns")
                .required()
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING)
                        .required()
                        .description("The JSON field's name, which is also the column's name")
                        .example("amount")
                        .build(),
                    PropertySpec.of("type", PropertyKind.STRING)
                        .required()
                        .description("Flink SQL type, e.g. STRING, DOUBLE, TIMESTAMP(3)")
                        .example("DOUBLE")
                        .build())
                .description("The fields of each JSON record")
                .example(
                    List.of(
                        Map.of("name", "user_id", "type", "STRING"),
                        Map.of("name", "amount", "type", "DOUBLE"),
                        Map.of("name", "transaction_time", "type", "TIMESTAMP(3)")))
                .build(),
            KafkaOptions.keyFields("Columns also read from the record key (JSON)"),
            PropertySpec.of("eventTime", PropertyKind.COLUMN)
                .label("Event time")
                .example("transaction_time")
                .description(
                    "A TIMESTAMP(3) or TIMESTAMP_LTZ(3) column (or the record timestamp) that"
                        + " gets a watermark")
                .build(),
            TimeAttributes.WATERMARK_DELAY_SPEC,
            PropertySpec.of(RECORD_TIMESTAMP, PropertyKind.STRING)
                .label("Record timestamp column")
                .example("kafka_time")
                .description("Adds a column of this name holding the Kafka record's timestamp")
                .build(),
            PropertySpec.of("procTime", PropertyKind.STRING)
                .label("Processing-time column")
                .example("proc_time")
                .description("Adds a column of this name holding the processing time")
                .build(),
            KafkaOptions.options()));
  }

  /**
   * Its read positions in the topic's partitions: a job resumed from a savepoint reads on where it
   * stopped, whatever the startup mode says.
   */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept("read positions in the topic's partitions", KafkaOptions.TOPIC);
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
    boolean deadLetter = deadLetter(p);
    if (deadLetter) {
      checkDeadLetter(d, declared, keys);
    }
    KafkaOptions.checkExtra(
        d,
        own(
            p,
            d.nodeId(),
            KafkaOptions.DEFAULT_BOOTSTRAP,
            deadLetter ? List.of() : keys,
            stopAt(p, d.environment(ENVIRONMENT_STOP_AT))));
    if (d.hasErrors()) {
      return Map.of();
    }
    Schema out = new Schema(columns, eventTime, procTime, false);
    return deadLetter ? Map.of(PortSpec.OUT, out, MALFORMED, malformedSchema()) : d.out(out);
  }

  /** The malformed output: the original text, why it was refused and where it was in Kafka. */
  static Schema malformedSchema() {
    return Schema.of(
        List.of(
            new Column(ORIGINAL, "STRING"),
            new Column(Validate.REASON, "STRING"),
            new Column("kafka_partition", "INT"),
            new Column("kafka_offset", "BIGINT"),
            new Column("kafka_timestamp", TimeAttributes.LOCAL_TIMESTAMP_TYPE)));
  }

  private static boolean deadLetter(NodeProperties p) {
    return p.string(ON_MALFORMED, "fail").equals(DEAD_LETTER);
  }

  private static void checkDeadLetter(Derivation d, List<Column> declared, List<Column> keys) {
    for (Column c : declared) {
      if (c.name().equalsIgnoreCase(RAW)
          || c.name().equalsIgnoreCase(REASON)
          || c.name().toLowerCase(java.util.Locale.ROOT).startsWith("__kafka_")) {
        d.error(COLUMNS, "the column name '" + c.name() + "' is reserved in dead-letter mode");
      }
      if (!isScalar(c.type())) {
        d.error(
            COLUMNS,
            "column '"
                + c.name()
                + "' is "
                + c.type()
                + "; dead-letter mode reads scalar columns only (strings, numbers, booleans, dates,"
                + " times); to read nested fields set Malformed records to fail or skip, where"
                + " a STRING column also takes a nested field's JSON text");
      }
    }
    if (!keys.isEmpty()) {
      d.warning(
          KafkaOptions.KEY_FIELDS,
          "dead-letter mode reads every column from the record value; the key columns must be in"
              + " the value too (Streamwright's sinks write them there)");
    }
  }

  private static boolean isScalar(String type) {
    String base = SqlTypes.base(type);
    return switch (base) {
      case "ARRAY", "MAP", "MULTISET", "ROW", "RAW", "BYTES", "BINARY", "VARBINARY" -> false;
      default -> true;
    };
  }

  @Override
  public void render(RenderContext context) {
    if (deadLetter(context.properties())) {
      renderDeadLetter(context);
      return;
    }
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
    ddl.options(
        own(
            p,
            context.nodeId(),
            KafkaOptions.bootstrapServers(context),
            keys,
            stopAt(p, context.environment(ENVIRONMENT_STOP_AT))));
    ddl.options(KafkaOptions.extra(context));
    context.ddl(ddl.render());
  }

  /**
   * Dead-letter mode: a raw-format table whose columns are extracted from the record text, and two
   * views splitting it into well-formed rows and malformed records.
   */
  private void renderDeadLetter(RenderContext context) {
    Derivation d = Derivation.replay(context);
    NodeProperties p = context.properties();
    Schema out = context.output(PortSpec.OUT);
    List<Column> declared = Columns.declared(d, COLUMNS, p.records(COLUMNS));
    String raw = Sql.identifier(RAW);
    String table = context.table("records");
    TableDdl ddl = new TableDdl(table);
    ddl.line(raw + " STRING");
    for (Column c : declared) {
      String value =
          c.name().equals(out.eventTime())
              ? DeadLetterSql.eventTime(c, raw)
              : DeadLetterSql.value(c, raw);
      ddl.line(Sql.identifier(c.name()) + " AS " + value);
    }
    if (p.isSet(RECORD_TIMESTAMP)) {
      ddl.line(
          Sql.identifier(p.string(RECORD_TIMESTAMP).trim())
              + " "
              + TimeAttributes.LOCAL_TIMESTAMP_TYPE
              + " METADATA FROM 'timestamp'");
    }
    ddl.line("`__kafka_partition` INT METADATA FROM 'partition' VIRTUAL");
    ddl.line("`__kafka_offset` BIGINT METADATA FROM 'offset' VIRTUAL");
    ddl.line("`__kafka_timestamp` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL");
    if (out.procTime() != null) {
      ddl.line(TimeAttributes.procTime(out.procTime()));
    }
    if (out.eventTime() != null) {
      ddl.line(TimeAttributes.watermark(out.eventTime(), TimeAttributes.watermarkDelay(d)));
    }
    Map<String, String> options =
        own(
            p,
            context.nodeId(),
            KafkaOptions.bootstrapServers(context),
            List.of(),
            stopAt(p, context.environment(ENVIRONMENT_STOP_AT)));
    options.put("format", "raw");
    options.remove("json.ignore-parse-errors");
    options.remove("json.timestamp-format.standard");
    ddl.options(options);
    ddl.options(KafkaOptions.extra(context));
    context.ddl(ddl.render());

    // The reason once, in a view both outputs read; the planner splits it into their filters.
    String checked = context.table("checked");
    String reason = Sql.identifier(REASON);
    context.ddl(
        "CREATE TEMPORARY VIEW "
            + checked
            + " AS\nSELECT\n  *,\n  "
            + DeadLetterSql.reason(declared, out.eventTime(), raw)
            + " AS "
            + reason
            + "\nFROM "
            + table);
    List<String> names = new ArrayList<>();
    out.columns().forEach(c -> names.add(Sql.identifier(c.name())));
    context.view(
        PortSpec.OUT,
        "SELECT\n  "
            + String.join(",\n  ", names)
            + "\nFROM "
            + checked
            + "\nWHERE "
            + reason
            + " IS NULL");
    context.view(
        MALFORMED,
        "SELECT\n  "
            + raw
            + " AS "
            + Sql.identifier(ORIGINAL)
            + ",\n  "
            + reason
            + " AS "
            + Sql.identifier(Validate.REASON)
            + ",\n  `__kafka_partition` AS `kafka_partition`"
            + ",\n  `__kafka_offset` AS `kafka_offset`"
            + ",\n  `__kafka_timestamp` AS `kafka_timestamp`"
            + "\nFROM "
            + checked
            + "\nWHERE "
            + reason
            + " IS NOT NULL");
  }

  /**
   * Where reading stops: the node's own choice, else the environment's (a bounded run), else never.
   */
  private static String stopAt(NodeProperties p, String environment) {
    String own = p.string(STOP_AT, NEVER);
    if (!own.equals(NEVER) || environment == null || environment.isBlank()) {
      return own;
    }
    return environment.trim();
  }

  private static Map<String, String> own(
      NodeProperties p, String nodeId, String bootstrap, List<Column> keys, String stopAt) {
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
    if (!stopAt.equals(NEVER)) {
      options.put("scan.bounded.mode", stopAt);
    }
    options.put("format", p.string(KafkaOptions.FORMAT, "json"));
    options.put(
        "json.ignore-parse-errors",
        Boolean.toString(p.string(ON_MALFORMED, "fail").equals("skip")));
    options.putAll(KafkaOptions.key(keys));
    if (p.string(TIMESTAMP_FORMAT, SQL_TIMESTAMPS).equals(ISO_TIMESTAMPS)) {
      options.put("json.timestamp-format.standard", "ISO-8601");
      if (!keys.isEmpty()) {
        options.put("key.json.timestamp-format.standard", "ISO-8601");
      }
    }
    return options;
  }
}
