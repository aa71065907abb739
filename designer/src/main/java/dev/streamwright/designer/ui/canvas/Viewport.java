package dev.streamwright.designer.ui.canvas;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Which part of the canvas the user sees: a zoom factor and a pan offset, applied to the layer of
 * nodes and edges as two transforms ({@code screen = pan + zoom * canvas}). Panning and zooming
 * only change these transforms; no node is laid out again.
 */
final class Viewport {

  /** Far enough out to fit a few thousand nodes on a laptop screen. */
  static final double MIN_ZOOM = 0.02;

  /** Close enough to read small print; further only blurs. */
  static final double MAX_ZOOM = 3;

  /** Fit-to-view never zooms in past 100 %: a small pipeline stays at its natural size. */
  static final double MAX_FIT_ZOOM = 1;

  /** Room left beside the content when fitting, in screen pixels. */
  static final double FIT_MARGIN = 24;

  /** Room left above and below: the canvas's floating buttons sit at its top left. */
  static final double FIT_MARGIN_Y = 48;

  private final Translate pan = new Translate();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);

  Translate pan() {
    return pan;
  }

  Scale scale() {
    return scale;
  }

  ReadOnlyDoubleProperty zoomProperty() {
    return zoom.getReadOnlyProperty();
  }

  double zoom() {
    return zoom.get();
  }

  double panX() {
    return pan.getX();
  }

  double panY() {
    return pan.getY();
  }

  /** The properties whose change moves the view. */
  Observable[] dependencies() {
    return new Observable[] {pan.xProperty(), pan.yProperty(), zoom};
  }

  Point2D toCanvas(double screenX, double screenY) {
    return new Point2D((screenX - pan.getX()) / zoom(), (screenY - pan.getY()) / zoom());
  }

  Point2D toScreen(Point2D canvas) {
    return new Point2D(pan.getX() + canvas.getX() * zoom(), pan.getY() + canvas.getY() * zoom());
  }

  /** The canvas rectangle a view of this size shows. */
  Bounds visible(double width, double height) {
    return new BoundingBox(
        -pan.getX() / zoom(), -pan.getY() / zoom(), width / zoom(), height / zoom());
  }

  void panBy(double dx, double dy) {
    pan.setX(pan.getX() + dx);
    pan.setY(pan.getY() + dy);
  }

  /** Zooms by a factor keeping the canvas point under the screen point where it is. */
  void zoomAt(double factor, double screenX, double screenY) {
    double next = clamp(zoom() * factor, MIN_ZOOM, MAX_ZOOM);
    Point2D anchor = toCanvas(screenX, screenY);
    setZoom(next);
    pan.setX(screenX - anchor.getX() * next);
    pan.setY(screenY - anchor.getY() * next);
  }

  /** Zooms and pans so the content fills a view of this size, centred. */
  void fit(Bounds content, double width, double height) {
    if (content == null || width <= 0 || height <= 0) {
      return;
    }
    double zx = (width - 2 * FIT_MARGIN) / Math.max(1, content.getWidth());
    double zy = (height - 2 * FIT_MARGIN_Y) / Math.max(1, content.getHeight());
    setZoom(clamp(Math.min(zx, zy), MIN_ZOOM, MAX_FIT_ZOOM));
    centreOn(new Point2D(content.getCenterX(), content.getCenterY()), width, height);
  }

  /** Pans so the canvas point is in the middle of a view of this size. */
  void centreOn(Point2D canvas, double width, double height) {
    pan.setX(width / 2 - canvas.getX() * zoom());
    pan.setY(height / 2 - canvas.getY() * zoom());
  }

  private void setZoom(double value) {
    scale.setX(value);
    scale.setY(value);
    zoom.set(value);
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }
}
