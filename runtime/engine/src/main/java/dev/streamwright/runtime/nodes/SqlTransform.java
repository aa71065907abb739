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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Free-form Flink SQL for what no other node does. Streamwright cannot read the query's result
 * type, so the user declares the output columns; the Flink planner checks them when the pipeline is
 * validated.
 */
public final class SqlTransform extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "sql";

  private static final String QUERY = "query";
  private static final String COLUMNS = "columns";
  private static final String EVENT_TIME = "eventTime";
  private static final String UPDATING = "updating";

  public SqlTransform() {
    super(
        ID,
        "SQL",
        NodeCategory.TRANSFORM,
        "A Flink SQL query over the input ({{in}}) with declared output columns.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(QUERY, PropertyKind.SQL)
                .label("Query")
                .required()
                .description("A SELECT query; write {{in}} where it reads the input")
                .example("SELECT user_id, amount FROM {{in}} WHERE amount > 100")
                .build(),
            PropertySpec.of(COLUMNS, PropertyKind.LIST)
                .label("Output columns")
                .required()
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING)
                        .required()
                        .description("The name of a column the query returns")
                        .example("amount")
                        .build(),
                    PropertySpec.of("type", PropertyKind.STRING)
                        .required()
                        .description("Its Flink SQL type, e.g. STRING, DOUBLE, TIMESTAMP(3)")
                        .example("DOUBLE")
                        .build())
                .description("The columns the query returns, in order, with their types")
                .example(
                    List.of(
                        Map.of("name", "user_id", "type", "STRING"),
                        Map.of("name", "amount", "type", "DOUBLE")))
                .build(),
            PropertySpec.of(EVENT_TIME, PropertyKind.COLUMN)
                .label("Event time")
                .description("The output column that still carries the input's watermark")
                .example("event_time")
                .build(),
            PropertySpec.of(UPDATING, PropertyKind.BOOLEAN)
                .label("Produces updates")
                .defaultValue(false)
                .description(
                    "Whether the query updates earlier rows (e.g. a GROUP BY without a window)")
                .build()));
  }

  /**
   * Whatever the query aggregates, joins or deduplicates: Streamwright does not read the query, so
   * a changed query is taken to lose it (a query that keeps nothing loses nothing).
   */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept(
        "aggregates, joined rows or seen keys (whatever the query keeps)", QUERY, COLUMNS);
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    NodeProperties p = d.props();
    String query = p.string(QUERY, "");
    Optional<String> problem = QueryTemplate.problem(query);
    if (problem.isPresent()) {
      d.error(QUERY, "the query " + problem.get());
    } else if (!QueryTemplate.readsInput(query)) {
      d.warning(
          QUERY,
          "the query does not read its input; write "
              + QueryTemplate.INPUT
              + " where it should, e.g. SELECT * FROM "
              + QueryTemplate.INPUT);
    }
    List<Column> columns = Columns.declared(d, COLUMNS, p.records(COLUMNS));
    if (p.records(COLUMNS).isEmpty()) {
      d.error(COLUMNS, "declare the columns the query returns, e.g. user_id STRING");
    }
    String eventTime = null;
    if (p.isSet(EVENT_TIME)) {
      Column c = TimeAttributes.eventTime(d, EVENT_TIME, columns, p.string(EVENT_TIME));
      eventTime = c == null ? null : c.name();
    }
    return d.out(new Schema(columns, eventTime, null, p.bool(UPDATING)));
  }

  @Override
  public void render(RenderContext context) {
    String query = context.properties().string(QUERY);
    context.view(PortSpec.OUT, QueryTemplate.fill(query, context.inputRelation(PortSpec.IN)));
  }
}
