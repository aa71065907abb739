package dev.streamwright.designer.ui;

import java.util.Optional;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/**
 * The drag-and-drop payload of a node type dragged from the palette onto the canvas: a private data
 * format, so the canvas accepts palette drags and ignores text or files dragged in from elsewhere.
 */
public final class NodeTypeTransfer {

  /** The format carrying the node type id. */
  public static final DataFormat NODE_TYPE = new DataFormat("application/x-streamwright-node-type");

  private NodeTypeTransfer() {}

  /** Clipboard content carrying a node type id, with the id as plain text too. */
  public static ClipboardContent content(String typeId) {
    ClipboardContent content = new ClipboardContent();
    content.put(NODE_TYPE, typeId);
    content.putString(typeId);
    return content;
  }

  /** The node type id a drag carries, if it comes from the palette. */
  public static Optional<String> typeId(Dragboard dragboard) {
    if (dragboard == null || !dragboard.hasContent(NODE_TYPE)) {
      return Optional.empty();
    }
    Object value = dragboard.getContent(NODE_TYPE);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
