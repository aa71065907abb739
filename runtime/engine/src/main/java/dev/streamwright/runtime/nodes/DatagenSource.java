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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Flink's {@code datagen} connector as a source: random, sequential or computed columns at a set
 * rate, the quickest way to try a pipeline without Kafka. Random TIMESTAMP columns hold the current
 * time, which is what an event-time column wants.
 */
public final class DatagenSource extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "datagen";

  private static final String COLUMNS = "columns";

  /** A rate a laptop sandbox and the studio's preview table keep up with easily. */
  private static final long DEFAULT_ROWS_PER_SECOND = 100;

  private static final Set<String> LENGTH_TYPES =
      Set.of(
          "STRING", "VARCHAR", "CHAR", "BYTES", "VARBINARY", "BINARY", "ARRAY", "MAP", "MULTISET");

  public DatagenSource() {
    super(
        ID,
        "Data generator",
        NodeCategory.SOURCE,
        "Generates rows with Flink's datagen connector: random, sequence or computed columns.",
        List.of(),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(COLUMNS, PropertyKind.LIST)
                .label("Columns")
                .required()
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING)
                        .required()
                        .description("The column's name")
                        .example("user_num")
                        .build(),
                    PropertySpec.of("type", PropertyKind.STRING)
                        .required()
                        .description("Flink SQL type, e.g. STRING, INT, DOUBLE, TIMESTAMP(3)")
                        .example("INT")
                        .build(),
                    PropertySpec.of("kind", PropertyKind.ENUM)
                        .choices("random", "sequence", "expression")
                        .defaultValue("random")
                        .description(
                            "random values, a sequence from start to end, or an SQL expression")
                        .build(),
                    PropertySpec.of("min", PropertyKind.NUMBER)
                        .description("Smallest random value of a numeric column")
                        .example(1L)
                        .build(),
                    PropertySpec.of("max", PropertyKind.NUMBER)
                        .description("Largest random value of a numeric column")
                        .example(20L)
                        .build(),
                    PropertySpec.of("length", PropertyKind.INTEGER)
                        .description("Length of random strings, bytes and collections")
                        .example(8L)
                        .build(),
                    PropertySpec.of("start", PropertyKind.INTEGER)
                        .description("First value of a sequence")
                        .example(1L)
                        .build(),
                    PropertySpec.of("end", PropertyKind.INTEGER)
                        .description("Last value of a sequence; the source ends after it")
                        .example(1000L)
                        .build(),
                    PropertySpec.of("expression", PropertyKind.EXPRESSION)
                        .description("For kind=expression: SQL over the other columns")
                        .example("CONCAT('user-', CAST(user_num AS STRING))")
                        .build())
                .description("The generated columns")
                .example(
                    List.of(
                        Map.of("name", "user_num", "type", "INT", "min", 1L, "max", 20L),
                        Map.of("name", "event_time", "type", "TIMESTAMP(3)"),
                        Map.of(
                            "name",
                            "user_id",
                            "type",
                            "STRING",
                            "kind",
                            "expression",
                            "expression",
                            "CONCAT('user-', CAST(user_num AS STRING))")))
                .build(),
            PropertySpec.of("rowsPerSecond", PropertyKind.INTEGER)
                .label("Rows per second")
                .defaultValue(DEFAULT_ROWS_PER_SECOND)
                .description("How many rows to generate per second")
                .build(),
            PropertySpec.of("numberOfRows", PropertyKind.INTEGER)
                .label("Number of rows")
                .description("Stop after this many rows; empty means run forever")
                .example(1000L)
                .build(),
            PropertySpec.of("eventTime", PropertyKind.COLUMN)
                .label("Event time")
                .description("A TIMESTAMP(3) or TIMESTAMP_LTZ(3) column that gets a watermark")
                .example("event_time")
                .build(),
            TimeAttributes.WATERMARK_DELAY_SPEC,
            PropertySpec.of("procTime", PropertyKind.STRING)
                .label("Processing-time column")
                .description("Adds a column of this name holding the processing time")
                .example("proc_time")
                .build()));
  }

  @Override
  public Map<String, Object> exampleProperties() {
    return examplesOf(COLUMNS, "eventTime");
  }

  /** One generated column as the properties describe it. */
  private record Generated(Column column, String expression, Map<String, String> options) {}

  /** Where its sequence columns are: random and computed columns keep nothing. */
  @Override
  public NodeState state(NodeProperties properties) {
    for (NodeProperties c : properties.records(COLUMNS)) {
      if ("sequence".equals(c.string("kind", ""))) {
        return NodeState.kept("sequence positions", COLUMNS);
      }
    }
    return NodeState.NONE;
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    List<Generated> generated = read(d);
    d.atLeast("rowsPerSecond", 1);
    d.atLeast("numberOfRows", 1);
    List<Column> columns = new ArrayList<>();
    generated.forEach(g -> columns.add(g.column()));
    Schema schema = Schema.of(columns);
    NodeProperties p = d.props();
    if (p.isSet("eventTime")) {
      Column c = TimeAttributes.eventTime(d, "eventTime", columns, p.string("eventTime"));
      TimeAttributes.watermarkDelay(d);
      schema = c == null ? schema : schema.withEventTime(c.name());
    }
    if (p.isSet("procTime")) {
      String name = p.string("procTime").trim();
      if (TimeAttributes.procTimeIsFree(d, "procTime", columns, name)) {
        List<Column> withProc = new ArrayList<>(columns);
        withProc.add(new Column(name, TimeAttributes.LOCAL_TIMESTAMP_TYPE));
        schema = new Schema(withProc, schema.eventTime(), name, false);
      }
    }
    return d.out(schema);
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    NodeProperties p = context.properties();
    Schema out = context.output(PortSpec.OUT);
    TableDdl ddl = new TableDdl(context.relation(PortSpec.OUT));
    ddl.option("connector", "datagen");
    Long rate = p.integer("rowsPerSecond");
    ddl.option("rows-per-second", String.valueOf(rate == null ? DEFAULT_ROWS_PER_SECOND : rate));
    if (p.isSet("numberOfRows")) {
      ddl.option("number-of-rows", String.valueOf(p.integer("numberOfRows")));
    }
    for (Generated g : read(d)) {
      String name = Sql.identifier(g.column().name());
      if (g.expression() != null) {
        ddl.line(name + " AS CAST(" + g.expression() + " AS " + g.column().type() + ")");
        continue;
      }
      ddl.line(Columns.definition(g.column()));
      g.options().forEach((k, v) -> ddl.option("fields." + g.column().name() + "." + k, v));
    }
    if (out.procTime() != null) {
      ddl.line(TimeAttributes.procTime(out.procTime()));
    }
    if (out.eventTime() != null) {
      ddl.line(TimeAttributes.watermark(out.eventTime(), TimeAttributes.watermarkDelay(d)));
    }
    context.ddl(ddl.render());
  }

  /** Reads the column records, reporting everything that does not fit the datagen connector. */
  private static List<Generated> read(Derivation d) {
    List<NodeProperties> records = d.props().records(COLUMNS);
    if (records.isEmpty()) {
      d.error(COLUMNS, "declare at least one column, e.g. user_id STRING");
    }
    List<Column> declared = Columns.declared(d, COLUMNS, records);
    List<Generated> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < records.size(); i++) {
      NodeProperties r = records.get(i);
      String name = r.string("name", "");
      Column column = Schema.of(declared).column(name).orElse(null);
      if (column == null || !seen.add(name.toLowerCase(Locale.ROOT))) {
        continue; // reported by Columns.declared
      }
      String label = Columns.item("column", i, name);
      String kind = r.string("kind", "random");
      Generated g =
          switch (kind) {
            case "sequence" -> sequence(d, r, label, column);
            case "expression" -> expression(d, r, label, column);
            case "random" -> random(d, r, label, column);
            default -> {
              d.error(
                  COLUMNS,
                  label + ": kind '" + kind + "' is unknown; use random, sequence or expression");
              yield null;
            }
          };
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  private static Generated random(Derivation d, NodeProperties r, String label, Column c) {
    Map<String, String> options = new TreeMap<>();
    options.put("kind", "random");
    ignore(d, r, label, "random", "start", "end", "expression");
    String base = SqlTypes.base(c.type());
    if (r.isSet("min") || r.isSet("max")) {
      if (!SqlTypes.isNumeric(c.type())) {
        d.warning(
            COLUMNS,
            label
                + ": min and max apply to numeric columns, not "
                + c.type()
                + "; they are ignored");
      } else {
        String min = number(d, r, label, "min", c);
        String max = number(d, r, label, "max", c);
        if (min != null && max != null && new BigDecimal(min).compareTo(new BigDecimal(max)) > 0) {
          d.error(COLUMNS, label + ": min " + min + " is larger than max " + max + "; swap them");
        }
        if (min != null) {
          options.put("min", min);
        }
        if (max != null) {
          options.put("max", max);
        }
      }
    }
    if (r.isSet("length")) {
      Long length = r.integer("length");
      if (!LENGTH_TYPES.contains(base)) {
        d.warning(
            COLUMNS,
            label
                + ": length applies to strings, bytes and collections, not "
                + c.type()
                + "; it is ignored");
      } else if (length == null || length < 1) {
        d.error(COLUMNS, label + ": length must be a whole number of at least 1");
      } else {
        options.put("length", String.valueOf(length));
      }
    }
    return new Generated(c, null, options);
  }

  private static Generated sequence(Derivation d, NodeProperties r, String label, Column c) {
    ignore(d, r, label, "sequence", "min", "max", "length", "expression");
    if (!SqlTypes.isNumeric(c.type()) && !SqlTypes.isString(c.type())) {
      d.error(
          COLUMNS,
          label
              + ": a sequence can only fill a number or string column, not "
              + c.type()
              + "; use kind random (timestamps hold the current time) or expression");
      return null;
    }
    Long start = r.integer("start");
    Long end = r.integer("end");
    if (start == null || end == null) {
      d.error(
          COLUMNS,
          label + ": a sequence needs whole-number start and end, e.g. start 1 and end 1000000");
      return null;
    }
    if (start > end) {
      d.error(COLUMNS, label + ": start " + start + " is after end " + end + "; swap them");
      return null;
    }
    Map<String, String> options = new TreeMap<>();
    options.put("kind", "sequence");
    options.put("start", String.valueOf(start));
    options.put("end", String.valueOf(end));
    return new Generated(c, null, options);
  }

  private static Generated expression(Derivation d, NodeProperties r, String label, Column c) {
    ignore(d, r, label, "expression", "min", "max", "length", "start", "end");
    String expression = r.string("expression", "");
    if (expression.isBlank()) {
      d.error(
          COLUMNS,
          label
              + ": kind expression needs an expression, e.g. CONCAT('user-', CAST(id AS STRING))");
      return null;
    }
    if (!d.checkExpression(COLUMNS, expression)) {
      return null;
    }
    return new Generated(c, expression.trim(), Map.<String, String>of());
  }

  private static void ignore(
      Derivation d, NodeProperties r, String label, String kind, String... fields) {
    for (String f : fields) {
      if (r.isSet(f)) {
        d.warning(
            COLUMNS, label + ": " + f + " does not apply to kind " + kind + "; it is ignored");
      }
    }
  }

  /** A numeric bound as option text, whole for integral columns. */
  private static String number(
      Derivation d, NodeProperties r, String label, String field, Column c) {
    if (!r.isSet(field)) {
      return null;
    }
    Object raw = r.raw(field);
    BigDecimal value;
    try {
      value = new BigDecimal(raw.toString().trim());
    } catch (NumberFormatException e) {
      d.error(COLUMNS, label + ": " + field + " must be a number, got '" + raw + "'");
      return null;
    }
    if (SqlTypes.isIntegral(c.type())) {
      if (value.stripTrailingZeros().scale() > 0) {
        d.error(
            COLUMNS,
            label + ": " + field + " must be a whole number for a " + c.type() + " column");
        return null;
      }
      return value.toBigInteger().toString();
    }
    return value.stripTrailingZeros().toPlainString();
  }
}
