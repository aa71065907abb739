package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Column handling the built-in node types share: looking up the columns a property names (and
 * saying which exist when one does not), reading {@code {name, type}} column lists, and the checks
 * a sink makes before it declares its table.
 */
final class Columns {

  private Columns() {}

  /** The columns of a schema as users read them, e.g. {@code user_id STRING, page STRING}. */
  static String describe(Schema schema) {
    return describe(schema.columns());
  }

  /** The columns as users read them, or {@code none}. */
  static String describe(List<Column> columns) {
    if (columns.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Column c : columns) {
      parts.add(c.name() + " " + c.type());
    }
    return String.join(", ", parts);
  }

  /** How the n-th record of a list property is named in messages, e.g. {@code column 2 'page'}. */
  static String item(String noun, int index, String name) {
    String label = noun + " " + (index + 1);
    return name == null || name.isBlank() ? label : label + " '" + name + "'";
  }

  /**
   * The input column a property names, or null after reporting that it does not exist.
   *
   * @param what how the message introduces the name, e.g. {@code key} or {@code event time}
   */
  static Column find(Derivation d, String property, Schema input, String name, String what) {
    Optional<Column> column = input.column(name);
    if (column.isEmpty()) {
      d.error(
          property,
          what + " '" + name + "' is not a column of the input; pick one of: " + describe(input));
      return null;
    }
    return column.get();
  }

  /**
   * The input columns a COLUMNS property names, in its order; missing or repeated names are
   * reported and left out.
   */
  static List<Column> findAll(Derivation d, String property, Schema input, String what) {
    List<Column> found = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String name : d.props().strings(property)) {
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        d.error(property, what + " '" + name + "' is listed twice; list each column once");
        continue;
      }
      Column c = find(d, property, input, name, what);
      if (c != null) {
        found.add(c);
      }
    }
    return found;
  }

  /**
   * Reads a list of {@code {name, type}} records, reporting missing names, types that are not Flink
   * SQL types and repeated names.
   */
  static List<Column> declared(Derivation d, String property, List<NodeProperties> records) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < records.size(); i++) {
      NodeProperties r = records.get(i);
      String name = r.string("name", "");
      String type = SqlTypeSyntax.normalize(r.string("type", ""));
      String label = item("column", i, name);
      if (name.isBlank()) {
        d.error(property, label + " has no name; give every column a name");
        continue;
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        d.error(property, label + " is declared twice; give each column its own name");
        continue;
      }
      Optional<String> problem = SqlTypeSyntax.problem(type);
      if (problem.isPresent()) {
        d.error(property, label + ": the type " + problem.get());
        continue;
      }
      columns.add(new Column(name, type));
    }
    return columns;
  }

  /** Whether the name is taken by one of the columns, compared as Flink SQL compares names. */
  static boolean contains(List<Column> columns, String name) {
    return Schema.of(columns).has(name);
  }

  /** The column as a DDL column definition, e.g. {@code `user_id` STRING}. */
  static String definition(Column c) {
    return Sql.identifier(c.name()) + " " + c.type();
  }

  /**
   * Checks that a sink can declare a table for the input: every column needs a type Flink can read.
   * Columns typed {@link SqlTypes#UNKNOWN} come from expressions whose type only the planner knows.
   */
  static void checkDeclarable(Derivation d, Schema input) {
    if (input.columns().isEmpty()) {
      d.error(null, "the input has no columns, so there is nothing to write");
    }
    for (Column c : input.columns()) {
      if (SqlTypes.isUnknown(c.type())) {
        d.error(
            null,
            "input column '"
                + c.name()
                + "' has a type only the Flink planner knows, so this sink cannot declare its"
                + " table; set the column's type on the node that computes it (e.g. the type"
                + " field of a project column)");
      } else if (SqlTypeSyntax.problem(c.type()).isPresent()) {
        d.error(
            null,
            "input column '"
                + c.name()
                + "' has type "
                + SqlTypeSyntax.problem(c.type()).get()
                + "; fix the type on the node that declares it");
      }
    }
  }

  /** The sink table's column definitions: time attributes become their plain types. */
  static List<String> sinkDefinitions(Schema input) {
    List<String> lines = new ArrayList<>();
    for (Column c : input.columns()) {
      lines.add(definition(c));
    }
    return lines;
  }
}
