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
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Computes new columns from SQL expressions, optionally next to the input's. A column that just
 * names the input's event-time (or processing-time) column stays a time attribute, so windows can
 * follow a projection.
 */
public final class Project extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "project";

  private static final String COLUMNS = "columns";
  private static final String KEEP_INPUT = "keepInput";
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Project() {
    super(
        ID,
        "Project",
        NodeCategory.TRANSFORM,
        "Computes columns from SQL expressions over the input.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(COLUMNS, PropertyKind.LIST)
                .label("Columns")
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING)
                        .required()
                        .description("The output column's name")
                        .example("amount_eur")
                        .build(),
                    PropertySpec.of("expression", PropertyKind.EXPRESSION)
                        .required()
                        .description("SQL over the input columns, e.g. amount * 1.2")
                        .example("amount * 0.92")
                        .build(),
                    PropertySpec.of("type", PropertyKind.STRING)
                        .description(
                            "The column's type when Streamwright cannot infer it, e.g. DOUBLE")
                        .example("DOUBLE")
                        .build())
                .description("The output columns, in order")
                .example(List.of(Map.of("name", "amount_eur", "expression", "amount * 0.92")))
                .build(),
            PropertySpec.of(KEEP_INPUT, PropertyKind.BOOLEAN)
                .label("Keep input columns")
                .defaultValue(false)
                .description("Output the input's columns first, then the computed ones")
                .build()));
  }

  @Override
  public Map<String, Object> exampleProperties() {
    return examplesOf(COLUMNS);
  }

  /** One output column and the SQL that computes it. */
  private record Computed(Column column, String expression, String referenced) {}

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    boolean keepInput = d.props().bool(KEEP_INPUT);
    List<Computed> computed = read(d, input, keepInput);
    List<Column> columns = new ArrayList<>(keepInput ? input.columns() : List.of());
    String eventTime = keepInput ? input.eventTime() : null;
    String procTime = keepInput ? input.procTime() : null;
    for (Computed c : computed) {
      columns.add(c.column());
      if (eventTime == null
          && c.referenced() != null
          && c.referenced().equalsIgnoreCase(input.eventTime())) {
        eventTime = c.column().name();
      }
      if (procTime == null
          && c.referenced() != null
          && c.referenced().equalsIgnoreCase(input.procTime())) {
        procTime = c.column().name();
      }
    }
    return d.out(new Schema(columns, eventTime, procTime, input.updating()));
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    boolean keepInput = context.properties().bool(KEEP_INPUT);
    List<String> items = new ArrayList<>();
    if (keepInput) {
      items.add("*");
    }
    for (Computed c : read(d, context.input(PortSpec.IN), keepInput)) {
      items.add(c.expression() + " AS " + Sql.identifier(c.column().name()));
    }
    context.view(
        PortSpec.OUT,
        "SELECT\n  "
            + String.join(",\n  ", items)
            + "\nFROM "
            + context.inputRelation(PortSpec.IN));
  }

  private static List<Computed> read(Derivation d, Schema input, boolean keepInput) {
    List<NodeProperties> records = d.props().records(COLUMNS);
    if (records.isEmpty() && !keepInput) {
      d.error(COLUMNS, "add at least one column, e.g. name total and expression price * quantity");
    }
    Set<String> names = new TreeSet<>();
    if (keepInput) {
      input.names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    }
    List<Computed> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      NodeProperties r = records.get(i);
      String name = r.string("name", "").trim();
      String expression = r.string("expression", "").trim();
      String label = Columns.item("column", i, name);
      boolean ok = true;
      if (name.isEmpty()) {
        d.error(COLUMNS, label + " has no name; name every output column");
        ok = false;
      } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
        d.error(
            COLUMNS,
            label
                + ": the name is used twice in the output"
                + (keepInput && input.has(name) ? " (the input has it too)" : "")
                + "; choose another name");
        ok = false;
      }
      if (expression.isEmpty()) {
        d.error(COLUMNS, label + " has no expression; write one, e.g. amount * 2");
        continue;
      }
      if (!d.checkExpression(COLUMNS, expression) || !ok) {
        continue;
      }
      String type = type(d, r, label, expression, input);
      if (type != null) {
        out.add(new Computed(new Column(name, type), expression, reference(expression, input)));
      }
    }
    return out;
  }

  /** The output type: inferred, else declared, else UNKNOWN with a warning. */
  private static String type(
      Derivation d, NodeProperties r, String label, String expression, Schema input) {
    String inferred = d.typeOf(expression, input);
    String declared = r.string("type", "").trim();
    if (!declared.isEmpty()) {
      Optional<String> problem = SqlTypeSyntax.problem(SqlTypeSyntax.normalize(declared));
      if (problem.isPresent()) {
        d.error(COLUMNS, label + ": the type " + problem.get());
        return null;
      }
      declared = SqlTypeSyntax.normalize(declared);
    }
    if (!SqlTypes.isUnknown(inferred)) {
      if (!declared.isEmpty() && !declared.equals(inferred)) {
        d.warning(
            COLUMNS,
            label
                + ": the expression is "
                + inferred
                + ", so the declared type "
                + declared
                + " is ignored; write CAST(... AS "
                + declared
                + ") to change the type");
      }
      return inferred;
    }
    if (!declared.isEmpty()) {
      return declared;
    }
    d.warning(
        COLUMNS,
        label
            + ": its type is only known to the Flink planner; set the column's type so later"
            + " nodes can check it and sinks can declare it");
    return SqlTypes.UNKNOWN;
  }

  /** The input column the expression merely names, or null when it computes something. */
  private static String reference(String expression, Schema input) {
    String name = expression;
    if (name.length() > 1 && name.startsWith("`") && name.endsWith("`")) {
      name = name.substring(1, name.length() - 1).replace("``", "`");
    } else if (!PLAIN_NAME.matcher(name).matches()) {
      return null;
    }
    return input.column(name).map(Column::name).orElse(null);
  }
}
