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

/**
 * Rolling features with Flink OVER windows: each row keeps its columns and gains aggregates over
 * the rows of the same partition in a trailing time range or row count, e.g. a user's average spend
 * over the last minute. One row in, one row out, so the stream stays append-only.
 */
public final class OverFeatures extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "over-features";

  private static final List<AggregateFunction> FUNCTIONS =
      List.of(
          AggregateFunction.COUNT,
          AggregateFunction.SUM,
          AggregateFunction.AVG,
          AggregateFunction.MIN,
          AggregateFunction.MAX,
          AggregateFunction.STDDEV_POP);
  private static final String PARTITION_BY = "partitionBy";
  private static final String TIME = "time";
  private static final String FRAME = "frame";
  private static final String RANGE = "range";
  private static final String ROWS = "rows";
  private static final String FEATURES = "features";

  /** The name of the one window all features share; window names do not clash with columns. */
  private static final String WINDOW_NAME = "w";

  public OverFeatures() {
    super(
        ID,
        "Rolling features",
        NodeCategory.FEATURE,
        "Adds rolling aggregates over the preceding rows of the same key (OVER windows).",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(PARTITION_BY, PropertyKind.COLUMNS)
                .label("Partition by")
                .description("Key columns; each key gets its own rolling window")
                .example(List.of("user_id"))
                .build(),
            PropertySpec.of(TIME, PropertyKind.ENUM)
                .label("Time")
                .choices("event", "processing")
                .defaultValue("event")
                .description("Order rows by the input's event time or by processing time")
                .build(),
            PropertySpec.of(FRAME, PropertyKind.ENUM)
                .label("Frame")
                .choices("range", "rows")
                .defaultValue("range")
                .description(
                    "The rows each feature aggregates, always ending at the current row: range"
                        + " takes those of the trailing time span (rows with the current row's"
                        + " time included), rows the given number of preceding rows")
                .build(),
            PropertySpec.of(RANGE, PropertyKind.DURATION)
                .label("Range")
                .description("For frame range: how far back, e.g. 1min")
                .example("1min")
                .build(),
            PropertySpec.of(ROWS, PropertyKind.INTEGER)
                .label("Rows")
                .description("For frame rows: how many preceding rows, e.g. 10")
                .example(10L)
                .build(),
            PropertySpec.of(FEATURES, PropertyKind.LIST)
                .label("Features")
                .required()
                .fields(Aggregate.fieldSpecs(FUNCTIONS, "The new column's name"))
                .description("The rolling aggregates to add")
                .example(
                    List.of(Map.of("function", "AVG", "column", "amount", "as", "avg_1min_spend")))
                .build()));
  }

  @Override
  public Map<String, Object> exampleProperties() {
    return examplesOf(PARTITION_BY, RANGE, FEATURES);
  }

  /** What the properties say, as far as they could be read. */
  private record Plan(
      Column time, List<Column> partition, Duration range, Long rows, List<Aggregate> features) {}

  /** The rows in each key's frame and their running aggregates. */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept(
        "recent rows and running aggregates per key",
        PARTITION_BY,
        TIME,
        FRAME,
        RANGE,
        ROWS,
        FEATURES);
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    Plan plan = plan(d, input);
    if (plan.partition().isEmpty() && d.props().strings(PARTITION_BY).isEmpty()) {
      d.warning(
          PARTITION_BY,
          "without partition columns every row goes through one task and the features span all"
              + " keys; partition by a key such as user_id");
    }
    List<Column> columns = new ArrayList<>(input.columns());
    plan.features().forEach(f -> columns.add(f.output()));
    return d.out(input.withColumns(columns).withUpdating(false));
  }

  @Override
  public void render(RenderContext context) {
    Plan plan = plan(Derivation.replay(context), context.input(PortSpec.IN));
    List<String> items = new ArrayList<>();
    items.add("*");
    plan.features().forEach(f -> items.add(f.selectItem(WINDOW_NAME)));
    List<String> window = new ArrayList<>();
    if (!plan.partition().isEmpty()) {
      window.add(
          "PARTITION BY "
              + String.join(
                  ", ", plan.partition().stream().map(c -> Sql.identifier(c.name())).toList()));
    }
    window.add("ORDER BY " + Sql.identifier(plan.time().name()));
    window.add(
        (plan.range() != null
                ? "RANGE BETWEEN " + Intervals.sql(plan.range())
                : "ROWS BETWEEN " + plan.rows())
            + " PRECEDING AND CURRENT ROW");
    context.view(
        PortSpec.OUT,
        "SELECT\n  "
            + String.join(",\n  ", items)
            + "\nFROM "
            + context.inputRelation(PortSpec.IN)
            + "\nWINDOW "
            + WINDOW_NAME
            + " AS (\n  "
            + String.join("\n  ", window)
            + ")");
  }

  private static Plan plan(Derivation d, Schema input) {
    NodeProperties p = d.props();
    boolean eventTime = !"processing".equals(p.string(TIME, "event"));
    String timeName = eventTime ? input.eventTime() : input.procTime();
    Column time = timeName == null ? null : input.column(timeName).orElse(null);
    if (time == null) {
      d.error(
          TIME,
          eventTime
              ? "event-time OVER windows need an event-time column with a watermark, and the"
                  + " input has none; set eventTime on the upstream source, or choose time ="
                  + " processing"
              : "processing-time OVER windows need a processing-time column, and the input has"
                  + " none; set procTime on the upstream source, or choose time = event");
    }
    Duration range = null;
    Long rows = null;
    if ("rows".equals(p.string(FRAME, "range"))) {
      rows = d.atLeast(ROWS, 1);
      if (!p.isSet(ROWS)) {
        d.error(ROWS, "a rows frame needs the number of preceding rows; set rows, e.g. 10");
      }
      if (p.isSet(RANGE)) {
        d.warning(RANGE, "does not apply to a rows frame; it is ignored");
      }
    } else {
      range = d.requiredDuration(RANGE, "a range frame needs how far back it reaches");
      if (p.isSet(ROWS)) {
        d.warning(ROWS, "does not apply to a range frame; it is ignored");
      }
    }
    List<Column> partition = Columns.findAll(d, PARTITION_BY, input, "partition column");
    if (p.records(FEATURES).isEmpty()) {
      d.error(FEATURES, "add at least one feature, e.g. AVG of amount as avg_amount");
    }
    List<Aggregate> features =
        Aggregate.read(d, FEATURES, "feature", FUNCTIONS, input, input.names());
    return new Plan(time, partition, range, rows, features);
  }
}
