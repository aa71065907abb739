package dev.streamwright.runtime.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node of a pipeline: an instance of a node type with its property values and canvas position.
 * Property values are deeply immutable plain Java values (String, Long, Double, Boolean, List, Map)
 * so a node can be shared between the document, the compiler and undo history.
 *
 * @param id unique within the pipeline; also the base of its SQL relation names
 * @param type the node type id
 * @param name the label on the canvas (defaults to the id)
 * @param properties property values by name, sorted
 * @param position canvas position
 */
public record Node(
    String id, String type, String name, Map<String, Object> properties, Position position) {

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    name = name == null || name.isBlank() ? id : name;
    properties = freezeMap(properties == null ? Map.of() : properties);
    position = position == null ? Position.ORIGIN : position;
  }

  /** A node at the origin with the given properties. */
  public static Node of(String id, String type, Map<String, Object> properties) {
    return new Node(id, type, null, properties, Position.ORIGIN);
  }

  /** This node with one property set (or removed when {@code value} is null). */
  public Node withProperty(String key, Object value) {
    Map<String, Object> next = new TreeMap<>(properties);
    if (value == null) {
      next.remove(key);
    } else {
      next.put(key, value);
    }
    return new Node(id, type, name, next, position);
  }

  /** This node moved. */
  public Node withPosition(Position p) {
    return new Node(id, type, name, properties, p);
  }

  /** This node renamed on the canvas. */
  public Node withName(String label) {
    return new Node(id, type, label, properties, position);
  }

  private static Map<String, Object> freezeMap(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(String.valueOf(k), freeze(v));
          }
        });
    return Collections.unmodifiableMap(out);
  }

  private static Object freeze(Object v) {
    if (v instanceof Map<?, ?> m) {
      return freezeMap(m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(o == null ? null : freeze(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.longValue();
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    return v;
  }
}
