package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.runtime.model.Edge;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurve;

/**
 * Drawing an edge: a curve follows the mouse from the output port that was pressed; over an input
 * port it snaps to it if the connection is allowed, or turns red with a tooltip saying why not
 * ({@code ConnectionRules}). Releasing over an allowed port connects; anywhere else draws nothing.
 */
final class ConnectGesture {

  /** How close to a port, in screen pixels, counts as over it. */
  private static final double PORT_TOLERANCE = 14;

  private final DesignerViewModel model;
  private final GraphViews graph;
  private final Viewport viewport;
  private final Node owner;
  private final CubicCurve wire = new CubicCurve();
  private final Tooltip tip = new Tooltip();
  private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
  private PortView source;
  private PortView target;

  ConnectGesture(
      DesignerViewModel model, GraphViews graph, Viewport viewport, Group wireLayer, Node owner) {
    this.model = model;
    this.graph = graph;
    this.viewport = viewport;
    this.owner = owner;
    wire.getStyleClass().add(DesignerStyles.WIRE);
    wire.setMouseTransparent(true);
    wire.setVisible(false);
    wireLayer.getChildren().add(wire);
    tip.getStyleClass().add(DesignerStyles.CONNECT_REFUSAL);
    tip.setWrapText(true);
    tip.setMaxWidth(360);
  }

  /** Why the port under the mouse refuses the edge being drawn; empty otherwise. */
  ReadOnlyStringProperty refusalProperty() {
    return refusal.getReadOnlyProperty();
  }

  Tooltip tooltip() {
    return tip;
  }

  boolean active() {
    return source != null;
  }

  void start(PortView output) {
    source = output;
    Point2D from = anchor(output);
    EdgeView.shape(wire, from, from);
    wire.setVisible(true);
  }

  /** Follows the mouse; {@code screenX/Y} place the refusal tooltip. */
  void drag(Point2D canvasPoint, double screenX, double screenY) {
    if (source == null) {
      return;
    }
    PortView over = graph.inputNear(canvasPoint, PORT_TOLERANCE / viewport.zoom());
    if (over != target) {
      mark(target, false, false);
      target = over;
      Optional<String> why = over == null ? Optional.empty() : model.whyNotConnect(edgeTo(over));
      refusal.set(why.orElse(""));
      mark(over, why.isEmpty(), why.isPresent());
      wire.pseudoClassStateChanged(DesignerStyles.REFUSED, why.isPresent());
      if (why.isPresent()) {
        tip.setText(why.get());
        tip.show(owner, screenX + 16, screenY + 16);
      } else {
        tip.hide();
      }
    }
    boolean snap = target != null && refusal.get().isEmpty();
    EdgeView.shape(wire, anchor(source), snap ? anchor(target) : canvasPoint);
  }

  /** Ends the drag: connects if over an allowed port; the view model reports a refusal. */
  void finish() {
    if (source == null) {
      return;
    }
    PortView over = target;
    PortView from = source;
    cancel();
    if (over != null) {
      // A refused edge is refused again by the command, which puts the reason in the status bar.
      model.connect(edge(from, over));
    }
  }

  void cancel() {
    mark(target, false, false);
    source = null;
    target = null;
    refusal.set("");
    wire.setVisible(false);
    wire.pseudoClassStateChanged(DesignerStyles.REFUSED, false);
    tip.hide();
  }

  private Edge edgeTo(PortView input) {
    return edge(source, input);
  }

  private static Edge edge(PortView output, PortView input) {
    return new Edge(output.nodeId(), output.portId(), input.nodeId(), input.portId());
  }

  private Point2D anchor(PortView port) {
    NodeView node = graph.node(port.nodeId());
    return node == null
        ? new Point2D(port.getCenterX(), port.getCenterY())
        : node.anchor(port.portId(), port.isInput());
  }

  private static void mark(PortView port, boolean accepting, boolean refused) {
    if (port != null) {
      port.pseudoClassStateChanged(DesignerStyles.ACCEPTING, accepting);
      port.pseudoClassStateChanged(DesignerStyles.REFUSED, refused);
    }
  }
}
