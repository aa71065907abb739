package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.document.compile.EdgeSummary;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.compile.Problem;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Tooltips of edges (the schema flowing through them) and nodes (their problems), installed the
 * first time the mouse enters one and filled in when shown, so a 500-node canvas does not carry
 * 1,000 tooltip objects nobody hovers, and a tooltip never shows a stale schema.
 */
final class HoverTips {

  /** Shorter than the default second: hovering an edge is how users ask for its schema. */
  private static final Duration SHOW_DELAY = Duration.millis(400);

  private final DesignerViewModel model;

  HoverTips(Region canvas, DesignerViewModel model) {
    this.model = model;
    canvas.addEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, e -> entered(e.getTarget()));
  }

  private void entered(Object target) {
    if (target instanceof EdgeView edge && !installed(edge)) {
      install(edge, () -> EdgeSummary.of(edge.edge(), model.lastCompilation()).tooltip());
    } else if (target instanceof NodeView node && !installed(node)) {
      install(node, () -> nodeText(node));
    }
  }

  private static boolean installed(Node node) {
    return node.getProperties().containsKey(HoverTips.class);
  }

  private static void install(Node node, Supplier<String> text) {
    Tooltip tip = new Tooltip();
    tip.setShowDelay(SHOW_DELAY);
    tip.setOnShowing(e -> tip.setText(text.get()));
    Tooltip.install(node, tip);
    node.getProperties().put(HoverTips.class, tip);
  }

  /** The tooltip a node or edge shows, once hovered; null before. */
  static Tooltip of(Node node) {
    return (Tooltip) node.getProperties().get(HoverTips.class);
  }

  /** The live figures' lines of a node's tooltip, if it shows any. */
  private static String live(NodeOverlay overlay) {
    if (overlay == null) {
      return "";
    }
    return (overlay.tooltip().isEmpty() ? "" : "\n" + overlay.tooltip())
        + (overlay.shared()
            ? "\nShared: figures of the Flink task this node is chained into, with other nodes"
            : "");
  }

  private String nodeText(NodeView node) {
    List<Problem> problems = model.outputs().problemsOf(node.nodeId());
    String head =
        node.node().name()
            + (node.node().name().equals(node.nodeId()) ? "" : " (" + node.nodeId() + ")")
            + live(node.overlay());
    if (problems.isEmpty()) {
      return head;
    }
    return head
        + problems.stream()
            .map(
                p ->
                    "\n"
                        + (p.isError() ? "Error: " : "Warning: ")
                        + (p.property() == null ? "" : p.property() + " ")
                        + p.message())
            .collect(Collectors.joining());
  }
}
