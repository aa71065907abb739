package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.List;
import java.util.Map;

/** Keeps the rows for which a condition holds; the columns pass through unchanged. */
public final class Filter extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "filter";

  private static final String CONDITION = "condition";

  public Filter() {
    super(
        ID,
        "Filter",
        NodeCategory.TRANSFORM,
        "Keeps the rows for which a condition is true.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(CONDITION, PropertyKind.EXPRESSION)
                .label("Condition")
                .required()
                .description("A boolean SQL expression over the input columns, e.g. amount > 100")
                .example("amount > 100 AND currency = 'EUR'")
                .build()));
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    String condition = d.props().string(CONDITION, "");
    if (d.checkExpression(CONDITION, condition)) {
      String type = d.typeOf(condition, input);
      if (!SqlTypes.isUnknown(type) && !SqlTypes.base(type).equals("BOOLEAN")) {
        d.error(
            CONDITION,
            "the condition is "
                + type
                + ", not BOOLEAN; compare it with something, e.g. "
                + condition.trim()
                + " > 0");
      }
    }
    return d.out(input);
  }

  @Override
  public void render(RenderContext context) {
    String condition = context.properties().string(CONDITION).trim();
    context.view(
        PortSpec.OUT,
        "SELECT *\nFROM " + context.inputRelation(PortSpec.IN) + "\nWHERE (" + condition + ")");
  }
}
