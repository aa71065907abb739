package dev.streamwright.designer.document.command;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.NodeIds;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.Map;
import java.util.Objects;

/**
 * Adds a node dropped from the palette. Its id is chosen when the command is made, so the view
 * model knows which node to select once it is executed.
 */
public final class AddNode implements Command {

  private final Node node;
  private final String typeName;

  /** Adds exactly this node; {@code typeName} is the type's display name for the description. */
  public AddNode(Node node, String typeName) {
    this.node = Objects.requireNonNull(node, "node");
    this.typeName = Objects.requireNonNull(typeName, "typeName");
  }

  /** Adds a node of the type at a position, with a new id such as {@code filter_3}. */
  public static AddNode of(Pipeline current, NodeType type, Position at) {
    return of(current, type, at, Map.of());
  }

  /** Adds a node of the type at a position with initial property values. */
  public static AddNode of(
      Pipeline current, NodeType type, Position at, Map<String, Object> properties) {
    String id = NodeIds.next(current, type.id());
    return new AddNode(new Node(id, type.id(), null, properties, at), type.displayName());
  }

  /** The id of the node this command adds. */
  public String nodeId() {
    return node.id();
  }

  /** The node this command adds. */
  public Node node() {
    return node;
  }

  @Override
  public String description() {
    return "Add " + typeName + " " + Words.quote(node.id());
  }

  @Override
  public Pipeline apply(Pipeline before) throws CommandRefused {
    if (before.node(node.id()).isPresent()) {
      throw new CommandRefused(
          "a node with id '" + node.id() + "' already exists; give the new node another id");
    }
    return before.withNode(node);
  }
}
