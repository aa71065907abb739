package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One rule of a {@link Validate} node, read and checked from its record: the SQL predicate that
 * holds for a valid value and the reason a rejected row carries when it does not.
 *
 * @param column the input column the rule checks (its name as the input spells it)
 * @param predicate the boolean SQL predicate, built from identifiers and literals only; it may be
 *     NULL for a NULL value, so callers wrap it in {@code COALESCE(..., FALSE)}
 * @param reason the failed rule in words, e.g. {@code amount: not between 0 and 1000}
 */
record ValidateRule(String column, String predicate, String reason) {

  static final String COLUMN = "column";
  static final String RULE = "rule";
  static final String MIN = "min";
  static final String MAX = "max";
  static final String VALUES = "values";
  static final String PATTERN = "pattern";

  /** The rule kinds, as pipeline files spell them. */
  enum Kind {
    NOT_NULL("not-null"),
    RANGE("range"),
    ALLOWED("allowed"),
    REGEX("regex");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    static String[] names() {
      Kind[] kinds = values();
      String[] out = new String[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        out[i] = kinds[i].id;
      }
      return out;
    }

    static Kind of(String id) {
      for (Kind k : values()) {
        if (k.id.equalsIgnoreCase(id.trim())) {
          return k;
        }
      }
      return null;
    }
  }

  /**
   * Reads and checks every rule of the LIST property, reporting each problem against it; only the
   * rules without problems are returned.
   */
  static List<ValidateRule> read(Derivation d, String property, Schema input) {
    List<NodeProperties> records = d.props().records(property);
    if (records.isEmpty()) {
      d.error(
          property,
          "add at least one rule, e.g. column amount, rule range, min 0, max 1000; without rules"
              + " every row would be valid");
    }
    List<ValidateRule> rules = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ValidateRule r = one(d, property, input, records.get(i), i);
      if (r != null) {
        rules.add(r);
      }
    }
    return rules;
  }

  private static ValidateRule one(
      Derivation d, String property, Schema input, NodeProperties r, int index) {
    String name = r.string(COLUMN, "").trim();
    String label = Columns.item("rule", index, name);
    String kindText = r.string(RULE, "").trim();
    Kind kind = kindText.isEmpty() ? null : Kind.of(kindText);
    boolean ok = true;
    if (kind == null) {
      d.error(
          property,
          label
              + (kindText.isEmpty() ? " has no rule" : ": '" + kindText + "' is not a rule")
              + "; choose one of: "
              + String.join(", ", Kind.names()));
      ok = false;
    }
    Column column = null;
    if (name.isEmpty()) {
      d.error(property, label + " names no column; pick one of: " + Columns.describe(input));
      ok = false;
    } else {
      column = input.column(name).orElse(null);
      if (column == null) {
        d.error(
            property,
            label
                + ": '"
                + name
                + "' is not a column of the input; pick one of: "
                + Columns.describe(input));
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    String id = Sql.identifier(column.name());
    String type = column.type();
    boolean unknown = SqlTypes.isUnknown(type);
    return switch (kind) {
      case NOT_NULL ->
          new ValidateRule(column.name(), id + " IS NOT NULL", column.name() + ": is null");
      case RANGE -> range(d, property, label, r, column, id, unknown);
      case ALLOWED -> allowed(d, property, label, r, column, id, unknown);
      case REGEX -> regex(d, property, label, r, column, id, unknown);
    };
  }

  private static ValidateRule range(
      Derivation d,
      String property,
      String label,
      NodeProperties r,
      Column column,
      String id,
      boolean unknown) {
    boolean ok = true;
    if (!unknown && !SqlTypes.isNumeric(column.type())) {
      d.error(
          property,
          label
              + ": a range only applies to numeric columns, and '"
              + column.name()
              + "' is "
              + column.type()
              + "; use allowed or regex instead");
      ok = false;
    }
    BigDecimal min = number(d, property, label, r, MIN);
    BigDecimal max = number(d, property, label, r, MAX);
    if (min == null && max == null) {
      if (!r.isSet(MIN) && !r.isSet(MAX)) {
        d.error(property, label + ": a range needs min, max or both, e.g. min 0 and max 1000");
      }
      return null;
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      d.error(
          property,
          label
              + ": min "
              + text(min)
              + " is greater than max "
              + text(max)
              + ", so no value would be valid; swap them");
      return null;
    }
    if (!ok) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (min != null) {
      parts.add(id + " >= " + text(min));
    }
    if (max != null) {
      parts.add(id + " <= " + text(max));
    }
    String reason;
    if (min != null && max != null) {
      reason = "not between " + text(min) + " and " + text(max);
    } else if (min != null) {
      reason = "less than " + text(min);
    } else {
      reason = "greater than " + text(max);
    }
    String predicate = parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    return new ValidateRule(column.name(), predicate, column.name() + ": " + reason);
  }

  private static ValidateRule allowed(
      Derivation d,
      String property,
      String label,
      NodeProperties r,
      Column column,
      String id,
      boolean unknown) {
    List<String> values = new ArrayList<>();
    for (String v : r.string(VALUES, "").split(",")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    if (values.isEmpty()) {
      d.error(property, label + ": list the allowed values, comma-separated, e.g. EUR,USD,GBP");
      return null;
    }
    boolean numeric = !unknown && SqlTypes.isNumeric(column.type());
    if (!unknown && !numeric && !SqlTypes.isString(column.type())) {
      d.error(
          property,
          label
              + ": allowed values apply to string and numeric columns, and '"
              + column.name()
              + "' is "
              + column.type());
      return null;
    }
    List<String> comparisons = new ArrayList<>();
    for (String v : values) {
      String literal;
      if (numeric) {
        try {
          literal = text(new BigDecimal(v));
        } catch (NumberFormatException e) {
          d.error(
              property,
              label
                  + ": '"
                  + v
                  + "' is not a number, and '"
                  + column.name()
                  + "' is "
                  + column.type()
                  + "; list numbers such as 1,2,3");
          return null;
        }
      } else {
        literal = Sql.literal(v);
      }
      comparisons.add(id + " = " + literal);
    }
    String predicate =
        comparisons.size() == 1 ? comparisons.get(0) : "(" + String.join(" OR ", comparisons) + ")";
    return new ValidateRule(
        column.name(), predicate, column.name() + ": not one of " + String.join(", ", values));
  }

  private static ValidateRule regex(
      Derivation d,
      String property,
      String label,
      NodeProperties r,
      Column column,
      String id,
      boolean unknown) {
    String pattern = r.string(PATTERN, "");
    if (pattern.isEmpty()) {
      d.error(property, label + ": set the pattern the value must match, e.g. ^[A-Z]{3}$");
      return null;
    }
    if (!unknown && !SqlTypes.isString(column.type())) {
      d.error(
          property,
          label
              + ": a regex only applies to string columns, and '"
              + column.name()
              + "' is "
              + column.type()
              + "; use range or allowed instead");
      return null;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      d.error(
          property,
          label
              + ": the pattern is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
      return null;
    }
    return new ValidateRule(
        column.name(),
        "REGEXP(" + id + ", " + Sql.literal(pattern) + ")",
        column.name() + ": does not match " + pattern);
  }

  /** A numeric field, or null when it is unset or (after an error) not a number. */
  private static BigDecimal number(
      Derivation d, String property, String label, NodeProperties r, String field) {
    Object raw = r.raw(field);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      if (raw instanceof Double || raw instanceof Float) {
        return BigDecimal.valueOf(((Number) raw).doubleValue());
      }
      return new BigDecimal(raw.toString().trim());
    } catch (NumberFormatException e) {
      d.error(property, label + ": " + field + " '" + raw + "' is not a number, e.g. 0 or 99.5");
      return null;
    }
  }

  /** A number as an SQL numeric literal and as users read it: {@code 1000}, {@code 0.5}. */
  private static String text(BigDecimal n) {
    BigDecimal stripped = n.stripTrailingZeros();
    String s =
        stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    return s.toLowerCase(Locale.ROOT);
  }
}
