package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerStyles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.VLineTo;
import javafx.scene.transform.Affine;
import javafx.scene.transform.NonInvertibleTransformException;

/**
 * A scaled overview of a large pipeline in a corner of the canvas: every node as a small block (one
 * path, redrawn only when the graph changes) and the visible part as a rectangle that follows
 * panning and zooming. Clicking or dragging in it moves the view there.
 */
final class Minimap extends Region {

  static final double WIDTH = 200;
  static final double HEIGHT = 140;

  /** Room around the nodes, as a share of the graph's size, so edge nodes are not cut off. */
  private static final double MARGIN = 0.05;

  private final Path nodes = new Path();
  private final Rectangle viewport = new Rectangle();
  private final Affine toMap = new Affine();
  private final Consumer<Point2D> navigate;
  private Bounds area;

  /** A minimap that calls {@code navigate} with the canvas point the user clicked. */
  Minimap(Consumer<Point2D> navigate) {
    this.navigate = navigate;
    getStyleClass().add(DesignerStyles.MINIMAP);
    nodes.getStyleClass().add(DesignerStyles.MINIMAP_NODES);
    nodes.getTransforms().add(toMap);
    nodes.setManaged(false);
    // Thousands of path elements, redrawn only when the graph changes: draw them from a bitmap.
    nodes.setCache(true);
    viewport.getStyleClass().add(DesignerStyles.MINIMAP_VIEWPORT);
    viewport.setManaged(false);
    viewport.setMouseTransparent(true);
    getChildren().addAll(nodes, viewport);
    setClip(new Rectangle(WIDTH, HEIGHT));
    setMinSize(WIDTH, HEIGHT);
    setPrefSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::navigate);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::navigate);
    // The canvas beneath must not start a rubber band or a pan from here.
    addEventHandler(MouseEvent.ANY, Event::consume);
    addEventHandler(ScrollEvent.ANY, Event::consume);
  }

  /** Redraws the blocks; called once per graph change, not per frame. */
  void showGraph(Collection<NodeView> views, Bounds content) {
    if (content == null) {
      nodes.getElements().clear();
      area = null;
      return;
    }
    double mx = content.getWidth() * MARGIN;
    double my = content.getHeight() * MARGIN;
    area =
        new BoundingBox(
            content.getMinX() - mx,
            content.getMinY() - my,
            content.getWidth() + 2 * mx,
            content.getHeight() + 2 * my);
    double s = Math.min(WIDTH / area.getWidth(), HEIGHT / area.getHeight());
    double ox = (WIDTH - area.getWidth() * s) / 2 - area.getMinX() * s;
    double oy = (HEIGHT - area.getHeight() * s) / 2 - area.getMinY() * s;
    toMap.setToTransform(s, 0, ox, 0, s, oy);
    List<PathElement> blocks = new ArrayList<>(views.size() * 5);
    for (NodeView v : views) {
      blocks.add(new MoveTo(v.getLayoutX(), v.getLayoutY()));
      blocks.add(new HLineTo(v.getLayoutX() + v.getWidth()));
      blocks.add(new VLineTo(v.getLayoutY() + v.getHeight()));
      blocks.add(new HLineTo(v.getLayoutX()));
      blocks.add(new ClosePath());
    }
    nodes.getElements().setAll(blocks);
  }

  /** Moves the rectangle of the visible part; cheap enough for every frame of a pan. */
  void showViewport(Bounds visible) {
    if (area == null) {
      viewport.setVisible(false);
      return;
    }
    Point2D a = toMap.transform(visible.getMinX(), visible.getMinY());
    Point2D b = toMap.transform(visible.getMaxX(), visible.getMaxY());
    viewport.setX(a.getX());
    viewport.setY(a.getY());
    viewport.setWidth(b.getX() - a.getX());
    viewport.setHeight(b.getY() - a.getY());
    viewport.setVisible(true);
  }

  private void navigate(MouseEvent e) {
    if (area == null || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    try {
      navigate.accept(toMap.inverseTransform(e.getX(), e.getY()));
    } catch (NonInvertibleTransformException ex) {
      // A degenerate map (no area) has nothing to navigate to.
    }
  }
}
