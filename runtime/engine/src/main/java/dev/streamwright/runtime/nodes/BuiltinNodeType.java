package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The descriptive half of every built-in node type, so each subclass holds only its logic. */
abstract class BuiltinNodeType implements NodeType {

  private final String id;
  private final String displayName;
  private final NodeCategory category;
  private final String description;
  private final List<PortSpec> inputs;
  private final List<PortSpec> outputs;
  private final List<PropertySpec> properties;

  BuiltinNodeType(
      String id,
      String displayName,
      NodeCategory category,
      String description,
      List<PortSpec> inputs,
      List<PortSpec> outputs,
      List<PropertySpec> properties) {
    this.id = id;
    this.displayName = displayName;
    this.category = category;
    this.description = description;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.properties = List.copyOf(properties);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String displayName() {
    return displayName;
  }

  @Override
  public final NodeCategory category() {
    return category;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<PortSpec> inputs() {
    return inputs;
  }

  @Override
  public final List<PortSpec> outputs() {
    return outputs;
  }

  @Override
  public final List<PropertySpec> properties() {
    return properties;
  }

  /**
   * The example values of the named properties, in that order: for a type whose smallest useful
   * node needs more than its required properties.
   */
  final Map<String, Object> examplesOf(String... names) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : names) {
      PropertySpec spec =
          properties.stream()
              .filter(p -> p.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(id + " has no property " + name));
      out.put(name, spec.exampleValue());
    }
    return out;
  }

  @Override
  public String toString() {
    return id;
  }
}
