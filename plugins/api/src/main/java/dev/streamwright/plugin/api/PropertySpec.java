package dev.streamwright.plugin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Declares one property of a node type: its kind, whether it is required, its default and, for
 * enums and lists, its choices and record fields. The property sheet, the structural validator and
 * the node reference (docs/nodes.md) are all driven by these specs.
 *
 * @param name key in the node's {@code properties} object
 * @param label what the property sheet calls it
 * @param kind the kind of value
 * @param required whether a pipeline without it is invalid
 * @param defaultValue the value used when the property is absent (null for none)
 * @param choices allowed values of an {@link PropertyKind#ENUM}
 * @param fields the fields of each record of a {@link PropertyKind#LIST}
 * @param description one sentence for tooltips and {@code --help}
 * @param example a typical value in the JSON form the pipeline file holds (a {@code String}, {@code
 *     Long}, {@code Double}, {@code Boolean}, {@code List} or {@code Map}), or null for none
 */
public record PropertySpec(
    String name,
    String label,
    PropertyKind kind,
    boolean required,
    Object defaultValue,
    List<String> choices,
    List<PropertySpec> fields,
    String description,
    Object example) {

  public PropertySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    label = label == null ? name : label;
    choices = choices == null ? List.of() : List.copyOf(choices);
    fields = fields == null ? List.of() : List.copyOf(fields);
    description = description == null ? "" : description;
  }

  /** A spec without an example, as specs were declared before examples existed. */
  public PropertySpec(
      String name,
      String label,
      PropertyKind kind,
      boolean required,
      Object defaultValue,
      List<String> choices,
      List<PropertySpec> fields,
      String description) {
    this(name, label, kind, required, defaultValue, choices, fields, description, null);
  }

  /**
   * A value to show as an example: the {@link #example()} if set, else the default, else the first
   * choice of an enum, else {@code true} for a boolean, else for a list one record of its fields'
   * example values; null when there is none of these.
   */
  public Object exampleValue() {
    if (example != null) {
      return example;
    }
    if (defaultValue != null) {
      return defaultValue;
    }
    if (kind == PropertyKind.ENUM && !choices.isEmpty()) {
      return choices.get(0);
    }
    if (kind == PropertyKind.BOOLEAN) {
      return Boolean.TRUE;
    }
    if (kind == PropertyKind.LIST && !fields.isEmpty()) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (PropertySpec f : fields) {
        Object v = f.required() ? f.exampleValue() : f.example();
        if (v != null) {
          record.put(f.name(), v);
        }
      }
      return record.isEmpty() ? null : List.of(record);
    }
    return null;
  }

  /** Starts a spec for a property named {@code name} of the given kind. */
  public static Builder of(String name, PropertyKind kind) {
    return new Builder(name, kind);
  }

  /** Fluent construction of a {@link PropertySpec}. */
  public static final class Builder {
    private final String name;
    private final PropertyKind kind;
    private String label;
    private boolean required;
    private Object defaultValue;
    private List<String> choices = List.of();
    private List<PropertySpec> fields = List.of();
    private String description = "";
    private Object example;

    private Builder(String name, PropertyKind kind) {
      this.name = name;
      this.kind = kind;
    }

    public Builder label(String label) {
      this.label = label;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder defaultValue(Object value) {
      this.defaultValue = value;
      return this;
    }

    public Builder choices(String... values) {
      this.choices = List.of(values);
      return this;
    }

    public Builder fields(PropertySpec... specs) {
      this.fields = List.of(specs);
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** A typical value in its JSON form, e.g. {@code "1min"}, {@code 10L} or a list of maps. */
    public Builder example(Object value) {
      this.example = value;
      return this;
    }

    public PropertySpec build() {
      return new PropertySpec(
          name, label, kind, required, defaultValue, choices, fields, description, example);
    }
  }
}
