package dev.streamwright.designer.ui.canvas;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The live figures on the canvas, by node id: hands each box its {@link NodeOverlay}, touching only
 * the boxes whose figures changed, and gives them back to boxes that the document rebuilt (a node
 * deleted and restored by undo). Knows nothing of where the figures come from.
 */
final class CanvasOverlays {

  private final GraphViews graph;
  private final Map<String, NodeOverlay> shown = new HashMap<>();
  private BiConsumer<String, NodeOverlay> onClicked = (id, overlay) -> {};

  CanvasOverlays(GraphViews graph) {
    this.graph = graph;
  }

  /** Shows these figures and no others; an empty map clears them all. */
  void set(Map<String, NodeOverlay> byNodeId) {
    for (Iterator<Map.Entry<String, NodeOverlay>> it = shown.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, NodeOverlay> e = it.next();
      if (!byNodeId.containsKey(e.getKey())) {
        it.remove();
        NodeView view = graph.node(e.getKey());
        if (view != null) {
          view.setOverlay(null, this::clicked);
        }
      }
    }
    byNodeId.forEach(
        (id, overlay) -> {
          NodeOverlay previous = shown.put(id, Objects.requireNonNull(overlay, id));
          NodeView view = graph.node(id);
          if (view != null && (!overlay.equals(previous) || view.overlay() == null)) {
            view.setOverlay(overlay, this::clicked);
          }
        });
  }

  /** Gives boxes created since the figures were set (undo, a changed type) their figures. */
  void reattach() {
    if (shown.isEmpty()) {
      return;
    }
    shown.forEach(
        (id, overlay) -> {
          NodeView view = graph.node(id);
          if (view != null && view.overlay() != overlay) {
            view.setOverlay(overlay, this::clicked);
          }
        });
  }

  void setOnClicked(BiConsumer<String, NodeOverlay> handler) {
    onClicked = handler == null ? (id, overlay) -> {} : handler;
  }

  /** What a node's box shows of its figures, or empty. */
  String textOf(String nodeId) {
    NodeView view = graph.node(nodeId);
    return view == null ? "" : view.overlayText();
  }

  private void clicked(String nodeId, NodeOverlay overlay) {
    onClicked.accept(nodeId, overlay);
  }
}
