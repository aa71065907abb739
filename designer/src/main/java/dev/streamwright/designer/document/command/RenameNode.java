package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.Objects;

/**
 * Changes the label a node shows on the canvas. The id stays, because SQL relation names,
 * deployments and history refer to it; a blank label shows the id again.
 */
public final class RenameNode implements Command {

  private final String nodeId;
  private final String label;

  public RenameNode(String nodeId, String label) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.label = label == null ? "" : label.strip();
  }

  @Override
  public String description() {
    return label.isEmpty()
        ? "Reset the name of " + Words.quote(nodeId)
        : "Rename " + Words.quote(nodeId) + " to " + Words.quote(label);
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    Node node = PipelineEdits.require(before, nodeId);
    return before.withNode(node.withName(label));
  }
}
