package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.runtime.model.Edge;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;

/**
 * An edge drawn as a cubic curve from an output port to an input port, with a wider invisible twin
 * underneath so it is easy to hover (for the schema tooltip) and to click.
 */
final class EdgeView extends Group {

  /** Horizontal pull of the control points: enough for a visible S-curve between close ports. */
  private static final double MIN_PULL = 40;

  private final Edge edge;
  private final CubicCurve hit = new CubicCurve();
  private final CubicCurve line = new CubicCurve();

  EdgeView(Edge edge) {
    this.edge = edge;
    getStyleClass().add(DesignerStyles.EDGE);
    hit.getStyleClass().add(DesignerStyles.EDGE_HIT);
    line.getStyleClass().add(DesignerStyles.EDGE_LINE);
    line.setMouseTransparent(true);
    getChildren().addAll(hit, line);
    setAccessibleText("edge " + edge);
  }

  Edge edge() {
    return edge;
  }

  /** Bends the curve between the two anchors. */
  void connect(Point2D from, Point2D to) {
    shape(hit, from, to);
    shape(line, from, to);
  }

  void setSelected(boolean selected) {
    pseudoClassStateChanged(DesignerStyles.SELECTED, selected);
  }

  /** Sets a curve's points so it leaves and enters its ports horizontally. */
  static void shape(CubicCurve c, Point2D from, Point2D to) {
    double pull = Math.max(MIN_PULL, Math.abs(to.getX() - from.getX()) / 2);
    c.setStartX(from.getX());
    c.setStartY(from.getY());
    c.setControlX1(from.getX() + pull);
    c.setControlY1(from.getY());
    c.setControlX2(to.getX() - pull);
    c.setControlY2(to.getY());
    c.setEndX(to.getX());
    c.setEndY(to.getY());
  }
}
