package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.List;

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

  @Override
  public String toString() {
    return id;
  }
}
