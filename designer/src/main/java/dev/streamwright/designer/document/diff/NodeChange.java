package dev.streamwright.designer.document.diff;

import java.util.List;
import java.util.Objects;

/**
 * How one node present in both versions changed.
 *
 * @param nodeId the node
 * @param name its label change, or null
 * @param type its type change (only by hand-editing the file), or null
 * @param moved whether its canvas position changed
 * @param properties its property changes, sorted by key
 */
public record NodeChange(
    String nodeId,
    ValueChange name,
    ValueChange type,
    boolean moved,
    List<PropertyChange> properties) {

  public NodeChange {
    Objects.requireNonNull(nodeId, "nodeId");
    properties = List.copyOf(properties);
  }

  /** Whether anything but the position changed. */
  public boolean changesContent() {
    return name != null || type != null || !properties.isEmpty();
  }
}
