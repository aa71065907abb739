package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.ui.DesignerOutputs;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;

/**
 * Keeps the node boxes and edge curves in step with the pipeline, diffing by node id: a change
 * touches only the views of the nodes and edges it changed, so editing one node of a 500-node
 * pipeline updates one box (and its edges), not the scene graph.
 */
final class GraphViews {

  private final NodeTypeRegistry registry;
  private final Group edgeLayer = new Group();
  private final Group nodeLayer = new Group();
  private final Map<String, NodeView> nodes = new HashMap<>();
  private final Map<Edge, EdgeView> edges = new HashMap<>();
  private final Map<String, List<EdgeView>> edgesByNode = new HashMap<>();
  private NodeView.Detail detail = NodeView.Detail.FULL;
  private double titleScale = 1;
  private double figureScale = 1;
  private boolean cached = true;

  GraphViews(NodeTypeRegistry registry) {
    this.registry = registry;
    // Edges are hit by their own curves only; the layers themselves never take clicks.
    edgeLayer.setPickOnBounds(false);
    nodeLayer.setPickOnBounds(false);
  }

  Group edgeLayer() {
    return edgeLayer;
  }

  Group nodeLayer() {
    return nodeLayer;
  }

  NodeView node(String id) {
    return nodes.get(id);
  }

  EdgeView edge(Edge e) {
    return edges.get(e);
  }

  Collection<NodeView> nodeViews() {
    return nodes.values();
  }

  int size() {
    return nodes.size();
  }

  /**
   * Brings the views in line with the pipeline; new boxes get their summaries from {@code outputs}.
   */
  void sync(Pipeline pipeline, DesignerOutputs outputs) {
    Set<String> present = new HashSet<>();
    Set<String> moved = new HashSet<>();
    List<NodeView> added = new ArrayList<>();
    Set<NodeView> removed = new HashSet<>();
    for (Node n : pipeline.nodes()) {
      present.add(n.id());
      NodeView view = nodes.get(n.id());
      if (view != null && !view.typeId().equals(n.type())) {
        removed.add(view);
        view = null;
      }
      if (view == null) {
        view = new NodeView(n, registry.find(n.type()));
        view.setScales(titleScale, figureScale);
        view.setDetail(detail);
        view.setCache(cached);
        view.apply(outputs.summary(n));
        nodes.put(n.id(), view);
        added.add(view);
        moved.add(n.id());
      } else if (view.node() != n && !view.node().equals(n)) {
        if (!view.node().position().equals(n.position())) {
          moved.add(n.id());
        }
        view.update(n);
      }
    }
    for (Iterator<NodeView> it = nodes.values().iterator(); it.hasNext(); ) {
      NodeView view = it.next();
      if (!present.contains(view.nodeId())) {
        removed.add(view);
        it.remove();
      }
    }
    if (!removed.isEmpty()) {
      nodeLayer.getChildren().removeAll(removed);
    }
    nodeLayer.getChildren().addAll(added);
    syncEdges(pipeline, moved);
  }

  private void syncEdges(Pipeline pipeline, Set<String> moved) {
    Set<Edge> wanted = new HashSet<>(pipeline.edges());
    Set<EdgeView> removed = new HashSet<>();
    for (Iterator<EdgeView> it = edges.values().iterator(); it.hasNext(); ) {
      EdgeView view = it.next();
      if (!wanted.contains(view.edge())) {
        removed.add(view);
        it.remove();
      }
    }
    if (!removed.isEmpty()) {
      edgeLayer.getChildren().removeAll(removed);
      for (EdgeView view : removed) {
        unindex(view.edge().from(), view);
        unindex(view.edge().to(), view);
      }
    }
    List<EdgeView> added = new ArrayList<>();
    for (Edge e : pipeline.edges()) {
      if (!edges.containsKey(e)) {
        EdgeView view = new EdgeView(e);
        edges.put(e, view);
        edgesByNode.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(view);
        edgesByNode.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(view);
        route(view);
        added.add(view);
      }
    }
    edgeLayer.getChildren().addAll(added);
    for (String id : moved) {
      rerouteEdgesOf(id);
    }
  }

  private void unindex(String nodeId, EdgeView view) {
    List<EdgeView> list = edgesByNode.get(nodeId);
    if (list != null) {
      list.remove(view);
      if (list.isEmpty()) {
        edgesByNode.remove(nodeId);
      }
    }
  }

  /** Shows compile and run results on every box (each box ignores an unchanged summary). */
  void applySummaries(Pipeline pipeline, DesignerOutputs outputs) {
    outputs
        .summaries(pipeline)
        .forEach(
            (id, summary) -> {
              NodeView view = nodes.get(id);
              if (view != null) {
                view.apply(summary);
              }
            });
  }

  /** Restyles only what entered or left the selection. */
  void applySelection(Selection old, Selection now) {
    Selection before = old == null ? Selection.empty() : old;
    for (String id : before.nodes()) {
      if (!now.contains(id) && nodes.containsKey(id)) {
        nodes.get(id).setSelected(false);
      }
    }
    for (String id : now.nodes()) {
      if (!before.contains(id) && nodes.containsKey(id)) {
        nodes.get(id).setSelected(true);
      }
    }
    for (Edge e : before.edges()) {
      if (!now.contains(e) && edges.containsKey(e)) {
        edges.get(e).setSelected(false);
      }
    }
    for (Edge e : now.edges()) {
      if (!before.contains(e) && edges.containsKey(e)) {
        edges.get(e).setSelected(true);
      }
    }
  }

  /** Moves boxes while the user drags them, and bends their edges; the document is untouched. */
  void moveViews(Map<String, Point2D> positions) {
    positions.forEach(
        (id, p) -> {
          NodeView view = nodes.get(id);
          if (view != null) {
            view.relocate(p.getX(), p.getY());
          }
        });
    Set<EdgeView> touched = new HashSet<>();
    for (String id : positions.keySet()) {
      touched.addAll(edgesByNode.getOrDefault(id, List.of()));
    }
    touched.forEach(this::route);
  }

  private void rerouteEdgesOf(String nodeId) {
    for (EdgeView view : edgesByNode.getOrDefault(nodeId, List.of())) {
      route(view);
    }
  }

  private void route(EdgeView view) {
    NodeView from = nodes.get(view.edge().from());
    NodeView to = nodes.get(view.edge().to());
    if (from != null && to != null) {
      view.connect(
          from.anchor(view.edge().fromPort(), false), to.anchor(view.edge().toPort(), true));
    }
  }

  /** The smallest canvas rectangle holding every box, or null when there are none. */
  Bounds contentBounds() {
    if (nodes.isEmpty()) {
      return null;
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (NodeView v : nodes.values()) {
      minX = Math.min(minX, v.getLayoutX());
      minY = Math.min(minY, v.getLayoutY());
      maxX = Math.max(maxX, v.getLayoutX() + v.getWidth());
      maxY = Math.max(maxY, v.getLayoutY() + v.getHeight());
    }
    return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }

  /** The ids of the boxes that overlap a canvas rectangle (rubber-band selection). */
  List<String> nodesIn(Bounds area) {
    List<String> ids = new ArrayList<>();
    for (NodeView v : nodes.values()) {
      if (area.intersects(v.getLayoutX(), v.getLayoutY(), v.getWidth(), v.getHeight())) {
        ids.add(v.nodeId());
      }
    }
    return ids;
  }

  /**
   * The input port a wire dropped at this canvas point means: the nearest input within {@code
   * tolerance}, or, over a box, that box's input nearest in height, so a drop anywhere on a node
   * connects it.
   */
  PortView inputNear(Point2D p, double tolerance) {
    PortView best = null;
    double bestDistance = Double.MAX_VALUE;
    for (NodeView v : nodes.values()) {
      double x = v.getLayoutX();
      double y = v.getLayoutY();
      if (v.inputs().isEmpty()
          || p.getX() < x - tolerance
          || p.getX() > x + v.getWidth()
          || p.getY() < y - tolerance
          || p.getY() > y + v.getHeight() + tolerance) {
        continue;
      }
      boolean inside = p.getX() >= x && p.getY() >= y && p.getY() <= y + v.getHeight();
      for (PortView port : v.inputs()) {
        double dx = x + port.getCenterX() - p.getX();
        double dy = y + port.getCenterY() - p.getY();
        double distance = inside ? Math.abs(dy) : Math.hypot(dx, dy);
        if ((inside || distance <= tolerance) && distance < bestDistance) {
          best = port;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /**
   * Whether boxes are drawn from bitmaps of themselves. Text is most of what a box costs to draw in
   * software rendering; a cached box is redrawn only when it changes or the zoom does, so a pan
   * just copies bitmaps (measured: 39 ms down to 7 ms a frame with 50 boxes in view).
   */
  void setCached(boolean value) {
    if (value != cached) {
      cached = value;
      nodes.values().forEach(v -> v.setCache(value));
    }
  }

  /**
   * Enlarges compact names and live figures so they stay legible at the zoom (see {@link
   * SemanticZoom}); the factors change in steps, and each step touches every box once.
   */
  void setScales(double title, double figures) {
    if (title != titleScale || figures != figureScale) {
      titleScale = title;
      figureScale = figures;
      nodes.values().forEach(v -> v.setScales(title, figures));
    }
  }

  /** Draws only as much of each box as can be read at the zoom; changes touch every box once. */
  void setDetail(NodeView.Detail value) {
    if (value != detail) {
      detail = value;
      nodes.values().forEach(v -> v.setDetail(value));
    }
  }
}
