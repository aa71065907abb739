package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
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

/**
 * Checks data-quality rules on columns and splits the input in two: rows for which every rule holds
 * go to {@code valid}, the others to {@code rejected} (the dead-letter output) with a {@code
 * dlq_reason} column naming the first rule they failed.
 *
 * <p>NULL handling: every rule fails on a NULL value ({@code not-null} checks exactly that; a
 * range, allowed-values or regex rule on a NULL value fails too). Each rule's predicate is rendered
 * as {@code COALESCE(<predicate>, FALSE)}, so SQL's three-valued logic cannot drop a row: every row
 * lands in exactly one of the two outputs.
 *
 * <p>Rules are rendered from their structured properties only (identifiers via {@code
 * Sql.identifier}, strings via {@code Sql.literal}, numbers from numeric properties), never from
 * user-written SQL fragments.
 */
public final class Validate extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "validate";

  /** The output port of the rows that pass every rule. */
  public static final String VALID = "valid";

  /** The dead-letter output port of the rows that fail a rule. */
  public static final String REJECTED = "rejected";

  /** The column the rejected rows carry with the first failed rule in words. */
  public static final String REASON = "dlq_reason";

  static final String RULES = "rules";

  public Validate() {
    super(
        ID,
        "Validate",
        NodeCategory.QUALITY,
        "Checks rules on columns; rows that fail one go to the rejected (dead-letter) output"
            + " with the failed rule.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(PortSpec.output(VALID), PortSpec.output(REJECTED)),
        List.of(
            PropertySpec.of(RULES, PropertyKind.LIST)
                .label("Rules")
                .required()
                .fields(
                    PropertySpec.of(ValidateRule.COLUMN, PropertyKind.COLUMN)
                        .required()
                        .description("The input column the rule checks")
                        .example("amount")
                        .build(),
                    PropertySpec.of(ValidateRule.RULE, PropertyKind.ENUM)
                        .required()
                        .choices(ValidateRule.Kind.names())
                        .description(
                            "not-null, range (min/max), allowed (values) or regex (pattern)")
                        .example("range")
                        .build(),
                    PropertySpec.of(ValidateRule.MIN, PropertyKind.NUMBER)
                        .description("range: the smallest allowed value (inclusive)")
                        .example(0L)
                        .build(),
                    PropertySpec.of(ValidateRule.MAX, PropertyKind.NUMBER)
                        .description("range: the largest allowed value (inclusive)")
                        .example(50000L)
                        .build(),
                    PropertySpec.of(ValidateRule.VALUES, PropertyKind.STRING)
                        .description("allowed: the allowed values, comma-separated, e.g. EUR,USD")
                        .example("EUR,USD,GBP")
                        .build(),
                    PropertySpec.of(ValidateRule.PATTERN, PropertyKind.STRING)
                        .description(
                            "regex: a Java regular expression the value must contain a match"
                                + " of, e.g. ^[A-Z]{3}$")
                        .example("^[A-Z]{3}$")
                        .build())
                .description(
                    "The rules every valid row meets; a NULL value fails every rule on its column")
                .example(
                    List.of(
                        Map.of("column", "user_id", "rule", "not-null"),
                        Map.of("column", "amount", "rule", "range", "min", 0L, "max", 50000L),
                        Map.of("column", "currency", "rule", "allowed", "values", "EUR,USD,GBP")))
                .build()));
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    if (input == null) {
      return Map.of();
    }
    List<ValidateRule> rules = ValidateRule.read(d, RULES, input);
    if (input.has(REASON)) {
      d.error(
          null,
          "the input already has a column '"
              + REASON
              + "', which the rejected output adds; rename it upstream");
    }
    if (d.hasErrors() || rules.isEmpty()) {
      return Map.of();
    }
    List<Column> rejected = new ArrayList<>(input.columns());
    rejected.add(new Column(REASON, "STRING"));
    return Map.of(VALID, input, REJECTED, input.withColumns(rejected));
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    Schema input = context.input(PortSpec.IN);
    List<ValidateRule> rules = ValidateRule.read(d, RULES, input);
    List<String> holds = new ArrayList<>();
    StringBuilder reason = new StringBuilder("CAST(CASE");
    for (ValidateRule r : rules) {
      String predicate = "COALESCE(" + r.predicate() + ", FALSE)";
      holds.add(predicate);
      reason
          .append("\n    WHEN NOT ")
          .append(predicate)
          .append(" THEN ")
          .append(Sql.literal(r.reason()));
    }
    reason.append("\n  END AS STRING) AS ").append(Sql.identifier(REASON));
    String all = String.join("\n  AND ", holds);
    String from = "\nFROM " + context.inputRelation(PortSpec.IN);
    context.view(VALID, "SELECT *" + from + "\nWHERE " + all);
    context.view(REJECTED, "SELECT\n  *,\n  " + reason + from + "\nWHERE NOT (\n  " + all + ")");
  }
}
