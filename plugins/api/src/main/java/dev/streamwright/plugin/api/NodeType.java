package dev.streamwright.plugin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of node users can put on the canvas: what it is called, its ports and properties, how its
 * output schema follows from its inputs, and the Flink SQL it compiles to.
 */
public interface NodeType {

  /** The stable id written in pipeline files, e.g. {@code filter}. */
  String id();

  /** The name the palette shows. */
  String displayName();

  /** The palette group. */
  NodeCategory category();

  /** One sentence for the palette tooltip and the CLI help. */
  String description();

  /** Input ports, in canvas order; empty for sources. */
  List<PortSpec> inputs();

  /** Output ports, in canvas order; empty for sinks. */
  List<PortSpec> outputs();

  /** The properties the node takes. */
  List<PropertySpec> properties();

  /**
   * The properties of a small, valid node of this type, for the node reference's example. By
   * default each required property with its {@link PropertySpec#exampleValue()}; a type whose
   * useful minimum is more than its required properties overrides it.
   */
  default Map<String, Object> exampleProperties() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (PropertySpec p : properties()) {
      Object value = p.exampleValue();
      if (p.required() && value != null) {
        out.put(p.name(), value);
      }
    }
    return out;
  }

  /**
   * Derives the schema of each output port from the input schemas and properties, reporting
   * problems through the context. Called only when every input port is connected.
   *
   * @return the schema per output port id (may omit ports when errors leave nothing to derive)
   */
  Map<String, Schema> deriveSchema(SchemaContext context);

  /** Renders the node's statements. Called only for nodes whose derivation had no errors. */
  void render(RenderContext context);

  /**
   * The state a node with these properties keeps while its job runs, so that an upgrade of a
   * running pipeline can say which nodes lose theirs. By default none: a type whose SQL aggregates,
   * windows, joins, deduplicates or buffers rows must declare it.
   */
  default NodeState state(NodeProperties properties) {
    return NodeState.NONE;
  }
}
