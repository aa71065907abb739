package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.Durations;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks property values against their specs before any schema work: required values present,
 * values of the right JSON kind, enum values among the choices, durations parseable, list records
 * complete. A property name the node type does not know, or a record field its list does not
 * describe, is an error naming the closest known name: a misspelled property would otherwise be
 * ignored silently and its default used.
 */
final class PropertyChecks {

  private PropertyChecks() {}

  static void check(
      String nodeId,
      String typeId,
      Map<String, Object> values,
      List<PropertySpec> specs,
      List<Problem> out) {
    List<String> known = new ArrayList<>();
    for (PropertySpec spec : specs) {
      known.add(spec.name());
      checkValue(nodeId, spec.name(), spec, values.get(spec.name()), out);
    }
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        out.add(
            Problem.error(
                nodeId,
                name,
                "is not a property of "
                    + typeId
                    + "; "
                    + hint(name, known, values.keySet(), "properties")));
      }
    }
  }

  /** "did you mean 'x'?" when a known name is close, else the list of known names. */
  private static String hint(
      String name, List<String> known, Collection<String> present, String what) {
    Optional<String> closest = NameSuggestions.closest(name, known);
    if (closest.isPresent()) {
      return "did you mean '"
          + closest.get()
          + "'?"
          + (present.contains(closest.get())
              ? " '" + closest.get() + "' is set too: remove this one"
              : "");
    }
    return known.isEmpty()
        ? "it takes no " + what + "; remove it"
        : "remove it or use one of: " + String.join(", ", known);
  }

  private static void checkValue(
      String nodeId, String where, PropertySpec spec, Object value, List<Problem> out) {
    boolean blank = value == null || (value instanceof String s && s.isBlank());
    if (blank) {
      if (spec.required()) {
        out.add(Problem.error(nodeId, where, "is required: " + describe(spec)));
      }
      return;
    }
    String problem =
        switch (spec.kind()) {
          case STRING, EXPRESSION, SQL, COLUMN, PATH ->
              value instanceof String ? null : "must be text";
          case INTEGER ->
              value instanceof Long ? null : "must be a whole number, got " + show(value);
          case NUMBER -> value instanceof Number ? null : "must be a number, got " + show(value);
          case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
          case ENUM ->
              spec.choices().contains(String.valueOf(value))
                  ? null
                  : "is " + show(value) + "; choose one of " + String.join(", ", spec.choices());
          case DURATION -> durationProblem(value);
          case COLUMNS -> columnsProblem(value);
          case MAP -> value instanceof Map<?, ?> ? null : "must be an object of key/value text";
          case LIST -> listProblem(nodeId, where, spec, value, out);
        };
    if (problem != null) {
      out.add(Problem.error(nodeId, where, problem));
    }
  }

  private static String durationProblem(Object value) {
    if (!(value instanceof String s)) {
      return "must be a duration such as 10s or 5min";
    }
    try {
      Durations.parse(s);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static String columnsProblem(Object value) {
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof String)) {
          return "must be a list of column names";
        }
      }
      return null;
    }
    return value instanceof String ? null : "must be a list of column names";
  }

  private static String listProblem(
      String nodeId, String where, PropertySpec spec, Object value, List<Problem> out) {
    if (!(value instanceof List<?> list)) {
      return "must be a list";
    }
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof Map<?, ?> record)) {
        out.add(Problem.error(nodeId, where, "item " + (i + 1) + " must be an object"));
        continue;
      }
      if (!spec.fields().isEmpty()) {
        List<String> known = spec.fields().stream().map(PropertySpec::name).toList();
        List<String> present = record.keySet().stream().map(String::valueOf).toList();
        for (String key : present) {
          if (!known.contains(key)) {
            out.add(
                Problem.error(
                    nodeId,
                    where,
                    "item "
                        + (i + 1)
                        + " field '"
                        + key
                        + "' is not a field of "
                        + where
                        + "; "
                        + hint(key, known, present, "fields")));
          }
        }
      }
      for (PropertySpec field : spec.fields()) {
        String label = "item " + (i + 1) + " field '" + field.name() + "'";
        List<Problem> fieldProblems = new ArrayList<>();
        checkValue(nodeId, where, field, record.get(field.name()), fieldProblems);
        for (Problem p : fieldProblems) {
          out.add(Problem.error(nodeId, where, label + " " + p.message()));
        }
      }
    }
    return null;
  }

  private static String describe(PropertySpec spec) {
    String what =
        switch (spec.kind()) {
          case ENUM -> "one of " + String.join(", ", spec.choices());
          case DURATION -> "a duration such as 10s";
          case EXPRESSION -> "an SQL expression";
          case COLUMN -> "a column name";
          case COLUMNS -> "a list of column names";
          case LIST -> "a list";
          default -> spec.kind().name().toLowerCase();
        };
    return spec.description().isEmpty()
        ? "set " + spec.label() + " (" + what + ")"
        : spec.description() + " (" + what + ")";
  }

  private static String show(Object value) {
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }
}
