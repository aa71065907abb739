package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One aggregate of a window aggregate or OVER features node: a function over an input column, named
 * in the output.
 *
 * @param function the function
 * @param column the argument, or null for {@code COUNT(*)}
 * @param as the output column name
 */
record Aggregate(AggregateFunction function, Column column, String as) {

  /** The output column. */
  Column output() {
    return new Column(as, function.resultType(column == null ? null : column.type()));
  }

  /** The call, e.g. {@code SUM(`amount`)}. */
  String call() {
    return function.call(column == null ? null : column.name());
  }

  /** The select item with an {@code OVER} clause, or without when {@code window} is null. */
  String selectItem(String window) {
    return call() + (window == null ? "" : " OVER " + window) + " AS " + Sql.identifier(as);
  }

  /**
   * Reads a list property of {@code {function, column, as}} records, reporting unknown functions,
   * missing or non-numeric columns and output names that clash.
   *
   * @param noun how messages name one record, e.g. {@code aggregate}
   * @param allowed the functions the node offers
   * @param taken output names already used by other columns of the node's output
   */
  static List<Aggregate> read(
      Derivation d,
      String property,
      String noun,
      List<AggregateFunction> allowed,
      Schema input,
      List<String> taken) {
    List<NodeProperties> records = d.props().records(property);
    List<Aggregate> out = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    taken.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    for (int i = 0; i < records.size(); i++) {
      NodeProperties r = records.get(i);
      String as = r.string("as", "");
      String label = Columns.item(noun, i, as);
      AggregateFunction function = function(d, property, label, r.string("function", ""), allowed);
      if (as.isBlank()) {
        d.error(property, label + " has no output name; set 'as', e.g. total_amount");
      } else if (!names.add(as.toLowerCase(Locale.ROOT))) {
        d.error(
            property,
            label + ": the output name '" + as + "' is already taken; choose another name");
      }
      if (function == null) {
        continue;
      }
      Column column = column(d, property, label, function, r.string("column", ""), input);
      if (!as.isBlank() && (column != null || function.columnIsOptional())) {
        out.add(new Aggregate(function, column, as));
      }
    }
    return out;
  }

  private static AggregateFunction function(
      Derivation d, String property, String label, String name, List<AggregateFunction> allowed) {
    for (AggregateFunction f : allowed) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    d.error(
        property,
        label
            + ": "
            + (name.isBlank() ? "no function is set" : "'" + name + "' is not offered here")
            + "; use one of "
            + String.join(", ", allowed.stream().map(Enum::name).toList()));
    return null;
  }

  /** The names of the functions, for an ENUM property's choices. */
  /** The field specs of one aggregate in a LIST property: function, column and output name. */
  static PropertySpec[] fieldSpecs(List<AggregateFunction> functions, String asDescription) {
    return new PropertySpec[] {
      PropertySpec.of("function", PropertyKind.ENUM)
          .required()
          .choices(names(functions))
          .description("The aggregate function; COUNT without a column counts the rows")
          .example("SUM")
          .build(),
      PropertySpec.of("column", PropertyKind.COLUMN)
          .description("The input column; leave empty for COUNT(*)")
          .example("amount")
          .build(),
      PropertySpec.of("as", PropertyKind.STRING)
          .required()
          .description(asDescription)
          .example("total_amount")
          .build()
    };
  }

  static String[] names(List<AggregateFunction> functions) {
    return functions.stream().map(Enum::name).toArray(String[]::new);
  }

  private static Column column(
      Derivation d,
      String property,
      String label,
      AggregateFunction function,
      String name,
      Schema input) {
    if (name.isBlank()) {
      if (!function.columnIsOptional()) {
        d.error(
            property,
            label + ": " + function + " needs a column; pick one of: " + Columns.describe(input));
      }
      return null;
    }
    Column c = input.column(name).orElse(null);
    if (c == null) {
      d.error(
          property,
          label
              + ": column '"
              + name
              + "' is not a column of the input; pick one of: "
              + Columns.describe(input));
      return null;
    }
    if (function.needsNumber() && !SqlTypes.isNumeric(c.type())) {
      d.error(
          property,
          label
              + ": "
              + function
              + " needs a numeric column; '"
              + c.name()
              + "' is "
              + c.type()
              + ". Pick a numeric column or use COUNT, MIN, MAX, FIRST_VALUE or LAST_VALUE");
      return null;
    }
    if (function.truncatesIntegers() && SqlTypes.isIntegral(c.type())) {
      d.warning(
          property,
          label
              + ": "
              + function
              + " over "
              + c.type()
              + " column '"
              + c.name()
              + "' gives a whole "
              + c.type()
              + " (Flink keeps the argument type); for a fractional result cast the column to"
              + " DOUBLE in a project node first");
    }
    return c;
  }
}
