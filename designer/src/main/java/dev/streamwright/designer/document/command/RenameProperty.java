package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Objects;

/**
 * Moves a node's value from one property key to another, e.g. from a misspelled key its type does
 * not know to the one it meant. Refused when the target key already holds a value, so nothing the
 * user set is overwritten.
 */
public final class RenameProperty implements Command {

  private final String nodeId;
  private final String from;
  private final String to;

  /**
   * @param nodeId the node to change
   * @param from the key that holds the value now
   * @param to the key the value moves to
   */
  public RenameProperty(String nodeId, String from, String to) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
  }

  @Override
  public String description() {
    return "Rename property "
        + Words.quote(from)
        + " of "
        + Words.quote(nodeId)
        + " to "
        + Words.quote(to);
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Node node = PipelineEdits.require(before, nodeId);
    Object value = node.properties().get(from);
    if (value == null) {
      throw new CommandRefused(
          "node " + Words.quote(nodeId) + " has no property " + Words.quote(from));
    }
    if (node.properties().get(to) != null) {
      throw new CommandRefused(
          "node "
              + Words.quote(nodeId)
              + " already has "
              + Words.quote(to)
              + "; remove one of the two instead");
    }
    return before.withNode(node.withProperty(from, null).withProperty(to, value));
  }
}
