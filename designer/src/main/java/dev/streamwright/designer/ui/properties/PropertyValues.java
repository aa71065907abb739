package dev.streamwright.designer.ui.properties;

import dev.streamwright.plugin.api.Durations;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the user typed into a property value and back, by the property's kind: numbers are
 * parsed, durations and expressions checked, blank text clears the property. Pure functions, so the
 * rules are unit-tested without a display.
 */
final class PropertyValues {

  private PropertyValues() {}

  /**
   * The outcome of reading a field.
   *
   * @param value the value to store (null clears the property)
   * @param error why the text cannot be stored, or null when it can
   */
  record Parsed(Object value, String error) {

    static Parsed ok(Object value) {
      return new Parsed(value, null);
    }

    static Parsed invalid(String error) {
      return new Parsed(null, error);
    }

    boolean valid() {
      return error == null;
    }
  }

  /** Reads the text of a field for the property. */
  static Parsed parse(PropertySpec spec, String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Parsed.ok(null);
    }
    String label = spec.label();
    return switch (spec.kind()) {
      case INTEGER -> integer(label, t);
      case NUMBER -> number(label, t);
      case DURATION ->
          Durations.isValid(t)
              ? Parsed.ok(t)
              : Parsed.invalid(
                  "'"
                      + t
                      + "' is not a duration; write a number and a unit, e.g. 250ms, 10s, 5min");
      case EXPRESSION -> {
        Optional<String> problem = Expressions.problem(t);
        yield problem.isPresent()
            ? Parsed.invalid("The expression " + problem.get())
            : Parsed.ok(t);
      }
      case BOOLEAN -> Parsed.ok(Boolean.parseBoolean(t));
      case COLUMNS -> Parsed.ok(columns(t));
      case SQL -> Parsed.ok(text.strip());
      default -> Parsed.ok(t);
    };
  }

  private static Parsed integer(String label, String t) {
    try {
      return Parsed.ok(Long.parseLong(t.replace("_", "")));
    } catch (NumberFormatException e) {
      return Parsed.invalid(
          "'" + t + "' is not a whole number; " + label + " takes digits only, e.g. 100");
    }
  }

  private static Parsed number(String label, String t) {
    try {
      if (t.matches("[-+]?\\d+")) {
        return Parsed.ok(Long.parseLong(t));
      }
      double d = Double.parseDouble(t);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(t);
      }
      return Parsed.ok(d);
    } catch (NumberFormatException e) {
      return Parsed.invalid("'" + t + "' is not a number; " + label + " takes e.g. 2.5 or 100");
    }
  }

  private static List<String> columns(String t) {
    List<String> out = new ArrayList<>();
    for (String part : t.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** The text a field shows for a stored value. */
  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? String.format(Locale.ROOT, "%.1f", d)
          : Double.toString(d);
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(o -> parts.add(String.valueOf(o)));
      return String.join(", ", parts);
    }
    return String.valueOf(value);
  }

  /**
   * The prompt of an empty field: the default the property falls back to, if any, else for a
   * required property an example of a value. An optional property's empty field has a meaning of
   * its own (its description says which), so it gets no example there.
   */
  static String prompt(PropertySpec spec) {
    if (spec.defaultValue() != null) {
      return "default: " + format(spec.defaultValue());
    }
    if (!spec.required()) {
      return "";
    }
    String example = simpleExample(spec);
    return example == null ? "required" : "required, e.g. " + example;
  }

  /**
   * What hovering a property (or a list field) tells: its description, then an example of a value
   * when the spec gives one that fits on a line.
   */
  static String tooltip(PropertySpec spec) {
    String example = simpleExample(spec);
    if (example == null) {
      return spec.description();
    }
    return (spec.description().isEmpty() ? "" : spec.description() + "\n") + "Example: " + example;
  }

  /** The spec's example as typed in a field, or null when it has none or only records. */
  private static String simpleExample(PropertySpec spec) {
    Object example = spec.example();
    if (example == null
        || example instanceof Map<?, ?>
        || (example instanceof List<?> list
            && list.stream().anyMatch(o -> !(o instanceof String)))) {
      return null;
    }
    return format(example);
  }
}
