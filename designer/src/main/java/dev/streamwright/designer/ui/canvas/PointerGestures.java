package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * What the mouse does on the canvas, decided when a button goes down: on an output port it draws an
 * edge, on a node it selects and moves, on an edge it selects, on empty space it draws a rubber
 * band; the middle button, or the left one while Space is held, pans. One handler on the canvas
 * serves every node, so boxes carry no handlers of their own.
 */
final class PointerGestures {

  /** Movement below this many pixels is a click, not a drag. */
  private static final double DRAG_THRESHOLD = 3;

  private enum Mode {
    NONE,
    MOVE,
    RUBBER_BAND,
    PAN,
    CONNECT
  }

  private final Region canvas;
  private final DesignerViewModel model;
  private final GraphViews graph;
  private final Viewport viewport;
  private final ConnectGesture connect;
  private final Rectangle band = new Rectangle();
  private Mode mode = Mode.NONE;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean dragged;
  private boolean additive;
  private boolean spaceDown;
  private String pressedNode;
  private final Map<String, Point2D> origins = new HashMap<>();
  private Selection before = Selection.empty();

  PointerGestures(
      Region canvas,
      DesignerViewModel model,
      GraphViews graph,
      Viewport viewport,
      ConnectGesture connect) {
    this.canvas = canvas;
    this.model = model;
    this.graph = graph;
    this.viewport = viewport;
    this.connect = connect;
    band.getStyleClass().add(DesignerStyles.RUBBER_BAND);
    band.setManaged(false);
    band.setMouseTransparent(true);
    band.setVisible(false);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
  }

  /** The rubber-band rectangle, in the canvas view's own coordinates. */
  Rectangle band() {
    return band;
  }

  void setSpaceDown(boolean down) {
    spaceDown = down;
  }

  /** Abandons whatever gesture is under way (Escape). */
  void cancel() {
    if (mode == Mode.MOVE && dragged) {
      graph.moveViews(origins);
    }
    connect.cancel();
    band.setVisible(false);
    mode = Mode.NONE;
  }

  private void pressed(MouseEvent e) {
    canvas.requestFocus();
    pressX = lastX = e.getX();
    pressY = lastY = e.getY();
    dragged = false;
    additive = e.isShiftDown() || e.isShortcutDown();
    if (e.getButton() == MouseButton.MIDDLE
        || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
      mode = Mode.PAN;
      e.consume();
      return;
    }
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    javafx.scene.Node hit = e.getPickResult().getIntersectedNode();
    while (hit != null && hit != canvas) {
      if (hit instanceof PortView port && !port.isInput()) {
        mode = Mode.CONNECT;
        connect.start(port);
        e.consume();
        return;
      }
      if (hit instanceof NodeView node) {
        pressNode(node);
        e.consume();
        return;
      }
      if (hit instanceof EdgeView edge) {
        Selection s = model.selection();
        model
            .selectionProperty()
            .set(additive ? s.toggle(edge.edge()) : Selection.ofEdges(List.of(edge.edge())));
        mode = Mode.NONE;
        e.consume();
        return;
      }
      hit = hit.getParent();
    }
    mode = Mode.RUBBER_BAND;
    before = additive ? model.selection() : Selection.empty();
    e.consume();
  }

  private void pressNode(NodeView node) {
    String id = node.nodeId();
    Selection s = model.selection();
    pressedNode = id;
    if (additive) {
      s = s.toggle(id);
      model.selectionProperty().set(s);
    } else if (!s.contains(id)) {
      s = Selection.ofNodes(id);
      model.selectionProperty().set(s);
    }
    origins.clear();
    if (s.contains(id)) {
      for (String selected : s.nodes()) {
        NodeView v = graph.node(selected);
        if (v != null) {
          origins.put(selected, new Point2D(v.getLayoutX(), v.getLayoutY()));
        }
      }
      node.toFront();
      mode = Mode.MOVE;
    } else {
      mode = Mode.NONE;
    }
  }

  private void dragged(MouseEvent e) {
    if (mode == Mode.NONE) {
      return;
    }
    double dx = e.getX() - pressX;
    double dy = e.getY() - pressY;
    dragged |= Math.hypot(dx, dy) >= DRAG_THRESHOLD;
    switch (mode) {
      case PAN -> viewport.panBy(e.getX() - lastX, e.getY() - lastY);
      case MOVE -> {
        if (dragged) {
          graph.moveViews(moved(dx, dy));
        }
      }
      case RUBBER_BAND -> {
        band.setX(Math.min(pressX, e.getX()));
        band.setY(Math.min(pressY, e.getY()));
        band.setWidth(Math.abs(dx));
        band.setHeight(Math.abs(dy));
        band.setVisible(dragged);
      }
      case CONNECT ->
          connect.drag(viewport.toCanvas(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
      default -> {}
    }
    lastX = e.getX();
    lastY = e.getY();
    e.consume();
  }

  private void released(MouseEvent e) {
    Mode ended = mode;
    mode = Mode.NONE;
    switch (ended) {
      case MOVE -> endMove(e);
      case RUBBER_BAND -> endRubberBand();
      case CONNECT -> connect.finish();
      default -> {}
    }
    if (ended != Mode.NONE) {
      e.consume();
    }
  }

  private void endMove(MouseEvent e) {
    if (!dragged) {
      if (!additive && model.selection().nodes().size() > 1) {
        model.selectionProperty().set(Selection.ofNodes(pressedNode));
      }
      return;
    }
    Map<String, Position> positions = new HashMap<>();
    moved(e.getX() - pressX, e.getY() - pressY)
        .forEach((id, p) -> positions.put(id, new Position(p.getX(), p.getY())));
    if (!model.moveNodes(positions)) {
      graph.moveViews(origins);
    }
  }

  private void endRubberBand() {
    band.setVisible(false);
    if (!dragged) {
      if (!additive) {
        model.clearSelection();
      }
      return;
    }
    Point2D a = viewport.toCanvas(band.getX(), band.getY());
    Point2D b = viewport.toCanvas(band.getX() + band.getWidth(), band.getY() + band.getHeight());
    List<String> ids = new ArrayList<>(before.nodes());
    ids.addAll(
        graph.nodesIn(
            new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY())));
    model.selectionProperty().set(new Selection(new TreeSet<>(ids), before.edges()));
  }

  /** Where the dragged nodes are after moving the mouse by (dx, dy) screen pixels. */
  private Map<String, Point2D> moved(double dx, double dy) {
    double cx = Math.round(dx / viewport.zoom());
    double cy = Math.round(dy / viewport.zoom());
    Map<String, Point2D> out = new HashMap<>();
    origins.forEach((id, p) -> out.put(id, new Point2D(p.getX() + cx, p.getY() + cy)));
    return out;
  }
}
