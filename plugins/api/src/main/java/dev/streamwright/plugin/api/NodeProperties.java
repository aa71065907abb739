package dev.streamwright.plugin.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to a node's property values with the node type's defaults applied. Values are the
 * plain Java forms of their JSON: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List} and {@code Map}.
 */
public final class NodeProperties {

  private final Map<String, Object> values;
  private final Map<String, PropertySpec> specs;

  /**
   * Wraps raw values.
   *
   * @param values the node's properties as read from the pipeline file
   * @param specs the node type's property specs, for defaults (may be empty)
   */
  public NodeProperties(Map<String, Object> values, List<PropertySpec> specs) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    Map<String, PropertySpec> bySpec = new TreeMap<>();
    for (PropertySpec s : specs) {
      bySpec.put(s.name(), s);
    }
    this.specs = bySpec;
  }

  /** The raw value, or the spec's default, or null. */
  public Object raw(String name) {
    Object v = values.get(name);
    if (v == null && specs.containsKey(name)) {
      return specs.get(name).defaultValue();
    }
    return v;
  }

  /** Whether the user set the property (defaults do not count). */
  public boolean isSet(String name) {
    Object v = values.get(name);
    return v != null && !(v instanceof String s && s.isBlank());
  }

  /** The value as text, or null when absent. */
  public String string(String name) {
    Object v = raw(name);
    return v == null ? null : v.toString();
  }

  /** The value as text, or {@code fallback} when absent or blank. */
  public String string(String name, String fallback) {
    String v = string(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** The value as a whole number, or null when absent or not a number. */
  public Long integer(String name) {
    Object v = raw(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The value as a decimal number, or null when absent or not a number. */
  public Double number(String name) {
    Object v = raw(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The value as a boolean; absent means false. */
  public boolean bool(String name) {
    Object v = raw(name);
    if (v instanceof Boolean b) {
      return b;
    }
    return v != null && Boolean.parseBoolean(v.toString());
  }

  /** The value as a duration, or null when absent or not a duration. */
  public Duration duration(String name) {
    String s = string(name);
    if (s == null || !Durations.isValid(s)) {
      return null;
    }
    return Durations.parse(s);
  }

  /** The value as a list of strings; absent means empty. */
  public List<String> strings(String name) {
    Object v = raw(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o != null) {
          out.add(o.toString());
        }
      }
    } else if (v instanceof String s && !s.isBlank()) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return List.copyOf(out);
  }

  /** The value as a list of records, each with its field specs; absent means empty. */
  public List<NodeProperties> records(String name) {
    Object v = raw(name);
    List<PropertySpec> fieldSpecs = specs.containsKey(name) ? specs.get(name).fields() : List.of();
    List<NodeProperties> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Map<String, Object> typed = new TreeMap<>();
          m.forEach((k, val) -> typed.put(String.valueOf(k), val));
          out.add(new NodeProperties(typed, fieldSpecs));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The value as string options; absent means empty. */
  public Map<String, String> options(String name) {
    Object v = raw(name);
    Map<String, String> out = new TreeMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : val.toString()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The names of the properties the user set. */
  public List<String> names() {
    return List.copyOf(values.keySet());
  }
}
