package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Objects;

/**
 * Sets one property of a node from the property sheet; a null value removes the property, so the
 * node type's default applies again.
 */
public final class SetProperty implements Command {

  private final String nodeId;
  private final String property;
  private final String label;
  private final Object value;

  /**
   * @param nodeId the node to change
   * @param property the property key
   * @param label the property's name in the user's words, for the description
   * @param value the new value (String, Number, Boolean, List or Map), or null to remove it
   */
  public SetProperty(String nodeId, String property, String label, Object value) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.property = Objects.requireNonNull(property, "property");
    this.label = label == null || label.isBlank() ? property : label;
    this.value = value;
  }

  /** Sets a property the spec describes, using its label in the description. */
  public SetProperty(String nodeId, PropertySpec spec, Object value) {
    this(nodeId, spec.name(), spec.label(), value);
  }

  /** Sets a property by key. */
  public static SetProperty of(String nodeId, String property, Object value) {
    return new SetProperty(nodeId, property, property, value);
  }

  @Override
  public String description() {
    String what = Words.inSentence(label) + " of " + Words.quote(nodeId);
    return value == null ? "Clear " + what : "Set " + what;
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Node node = PipelineEdits.require(before, nodeId);
    return before.withNode(node.withProperty(property, value));
  }
}
