package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.document.Subscription;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.ModelDrop;
import dev.streamwright.designer.ui.NodeTypeTransfer;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The pipeline canvas: a pannable, zoomable surface of node boxes and edge curves that follows the
 * view model and edits through it. Drop node types from the palette, drag from an output port to an
 * input port to connect, click and rubber-band to select, drag to move, wheel to zoom around the
 * pointer, middle button or Space+drag to pan; the keys are listed in {@link CanvasCommands}.
 *
 * <p>Node views are kept across document changes and updated by node id; pan and zoom only move two
 * transforms, and the minimap redraws its blocks only when the graph changes. While a pipeline
 * runs, the studio puts live figures on the boxes ({@link #setOverlays}); zoomed out, boxes turn
 * compact so names and figures stay legible ({@link SemanticZoom}).
 */
public final class CanvasView extends Region {

  /**
   * Zoom above which boxes are no longer cached as bitmaps: a cached box costs width x height x 4
   * bytes at the zoom, 86 KB at 125 %, so 500 boxes stay under 45 MB; closer up, fewer boxes fit in
   * view anyway.
   */
  static final double CACHE_MAX_ZOOM = 1.25;

  private static final double BUTTON_ZOOM = 1.25;
  private static final double INSET = 8;

  private final DesignerViewModel model;
  private final Viewport viewport = new Viewport();
  private final GraphViews graph;
  private final CanvasOverlays overlays;
  private final Group world = new Group();
  private final Group wires = new Group();
  private final ConnectGesture connect;
  private final PointerGestures pointer;
  private final Minimap minimap = new Minimap(this::centreOn);
  private final CanvasToolbar toolbar;
  private final Rectangle clip = new Rectangle();
  private final Subscription revealSubscription;
  private Bounds content;
  private boolean graphDirty = true;
  private boolean fitPending = true;

  private final ChangeListener<Pipeline> pipelineListener =
      (obs, old, now) -> pipelineChanged(old, now);
  private final ChangeListener<Selection> selectionListener;
  private final InvalidationListener compiledListener;

  /** A canvas showing the view model's pipeline. */
  public CanvasView(DesignerViewModel model) {
    this.model = model;
    this.graph = new GraphViews(model.registry());
    this.overlays = new CanvasOverlays(graph);
    getStyleClass().add(DesignerStyles.CANVAS);
    getStylesheets().add(DesignerStyles.STYLESHEET);
    setFocusTraversable(true);
    setAccessibleText("Pipeline canvas");
    setPickOnBounds(true);
    world.getChildren().addAll(graph.edgeLayer(), graph.nodeLayer(), wires);
    world.getTransforms().addAll(viewport.pan(), viewport.scale());
    world.setManaged(false);
    connect = new ConnectGesture(model, graph, viewport, wires, this);
    pointer = new PointerGestures(this, model, graph, viewport, connect);
    toolbar = new CanvasToolbar(this);
    minimap.setManaged(false);
    getChildren().addAll(world, pointer.band(), minimap, toolbar);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    new CanvasCommands(this, model, pointer);
    new HoverTips(this, model);
    installDrop();

    graph.sync(model.pipeline(), model.outputs());
    content = graph.contentBounds();
    graph.applySelection(Selection.empty(), model.selection());
    selectionListener = (obs, old, now) -> graph.applySelection(old, now);
    compiledListener = o -> graph.applySummaries(model.pipeline(), model.outputs());
    model.pipelineProperty().addListener(pipelineListener);
    model.selectionProperty().addListener(selectionListener);
    model.outputs().compiledProperty().addListener(compiledListener);
    model.outputs().runProblems().addListener(compiledListener);
    revealSubscription = model.onReveal(this::reveal);
    InvalidationListener viewChanged = o -> viewportChanged();
    for (javafx.beans.Observable o : viewport.dependencies()) {
      o.addListener(viewChanged);
    }
    widthProperty().addListener(viewChanged);
    heightProperty().addListener(viewChanged);
    minimapEnabledProperty().addListener(viewChanged);
    minimapEnabledProperty().set(true);
  }

  // ---- what the main window uses -----------------------------------------------------------

  /** The zoom factor: 1 shows the pipeline at its natural size. */
  public ReadOnlyDoubleProperty zoomProperty() {
    return viewport.zoomProperty();
  }

  /** The zoom factor. */
  public double getZoom() {
    return viewport.zoom();
  }

  /** Where canvas point (0, 0) is on this view, in pixels. */
  public Point2D getPan() {
    return new Point2D(viewport.panX(), viewport.panY());
  }

  /** Whether the minimap shows when the pipeline is larger than the view (on by default). */
  public BooleanProperty minimapEnabledProperty() {
    return toolbar.minimapToggle().selectedProperty();
  }

  /** Why the input port under the mouse refuses the edge being drawn; empty otherwise. */
  public ReadOnlyStringProperty connectionRefusalProperty() {
    return connect.refusalProperty();
  }

  /** The tooltip that shows {@link #connectionRefusalProperty()} next to the refusing port. */
  public Tooltip connectionRefusalTooltip() {
    return connect.tooltip();
  }

  /** Zooms in around the middle of the view. */
  public void zoomIn() {
    zoomAt(BUTTON_ZOOM, getWidth() / 2, getHeight() / 2);
  }

  /** Zooms out around the middle of the view. */
  public void zoomOut() {
    zoomAt(1 / BUTTON_ZOOM, getWidth() / 2, getHeight() / 2);
  }

  /** Zooms by a factor keeping the point (in this view's pixels) where it is. */
  public void zoomAt(double factor, double x, double y) {
    fitPending = false;
    viewport.zoomAt(factor, x, y);
  }

  /** Pans by a distance in pixels. */
  public void panBy(double dx, double dy) {
    fitPending = false;
    viewport.panBy(dx, dy);
  }

  /** Zooms and pans so the whole pipeline is visible (at most at 100 %). */
  public void fitToView() {
    if (getWidth() <= 0 || getHeight() <= 0) {
      fitPending = true;
      return;
    }
    fitPending = false;
    viewport.fit(content, getWidth(), getHeight());
  }

  /** Arranges the nodes left to right as one undoable edit, then fits them into view. */
  public void autoLayout() {
    if (model.autoLayout()) {
      fitToView();
    }
  }

  /** Deletes the selected nodes and edges. */
  public void delete() {
    model.deleteSelection();
  }

  /** Copies the selected nodes to the system clipboard (as pipeline JSON) and to this window. */
  public void copy() {
    model.copySelection().ifPresent(CanvasView::putOnSystemClipboard);
  }

  /** Copies, then deletes, the selected nodes. */
  public void cut() {
    model.cutSelection().ifPresent(CanvasView::putOnSystemClipboard);
  }

  /** Pastes nodes from the system clipboard, or the last copy made in this window. */
  public void paste() {
    Clipboard system = Clipboard.getSystemClipboard();
    if (system.hasString() && !system.getString().isBlank()) {
      model.paste(system.getString());
    } else {
      model.paste();
    }
  }

  // ---- live figures -------------------------------------------------------------------------

  /**
   * Shows live figures on the nodes (records/s, a backpressure strip, a lag or latency badge),
   * replacing all shown before; an empty map clears them. Only boxes whose figures changed are
   * touched, and no more than those boxes is laid out again. Call on the FX thread.
   */
  public void setOverlays(Map<String, NodeOverlay> byNodeId) {
    overlays.set(byNodeId);
  }

  /**
   * What a click on a node's live badge does (open its panel); it gets the node id and the figures
   * shown. A click elsewhere on the node still selects it.
   */
  public void setOnOverlayClicked(BiConsumer<String, NodeOverlay> handler) {
    overlays.setOnClicked(handler);
  }

  /**
   * What a node's box shows of its live figures now: the records per second and the badge joined by
   * {@code " | "}, each only while drawn; empty when none is.
   */
  public String overlayTextOf(String nodeId) {
    return overlays.textOf(nodeId);
  }

  /** Where a node's box is on screen, for tests and overlays; empty for an unknown node. */
  public Optional<Bounds> nodeBoundsOnScreen(String nodeId) {
    NodeView v = graph.node(nodeId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.localToScreen(v.getLayoutBounds()));
  }

  /** What the problem badge of a node's box says ({@code 1 error}); empty when it shows none. */
  public String badgeOf(String nodeId) {
    NodeView v = graph.node(nodeId);
    return v == null || v.summary() == null ? "" : v.summary().badgeText();
  }

  /** Where a port's circle is on screen; empty for an unknown node or port. */
  public Optional<Point2D> portOnScreen(String nodeId, String portId, boolean input) {
    NodeView v = graph.node(nodeId);
    if (v == null) {
      return Optional.empty();
    }
    for (PortView p : input ? v.inputs() : v.outputs()) {
      if (p.portId().equals(portId)) {
        return Optional.ofNullable(p.localToScreen(p.getCenterX(), p.getCenterY()));
      }
    }
    return Optional.empty();
  }

  /** Stops following the view model; call when the canvas is thrown away. */
  public void dispose() {
    model.pipelineProperty().removeListener(pipelineListener);
    model.selectionProperty().removeListener(selectionListener);
    model.outputs().compiledProperty().removeListener(compiledListener);
    model.outputs().runProblems().removeListener(compiledListener);
    revealSubscription.close();
    connect.cancel();
  }

  // ---- internals ------------------------------------------------------------------------------

  GraphViews graph() {
    return graph;
  }

  /** Moves the selected nodes by a distance in canvas units (arrow keys), as one edit. */
  void nudge(double dx, double dy) {
    Map<String, Position> positions = new HashMap<>();
    for (String id : model.selection().nodes()) {
      NodeView v = graph.node(id);
      if (v != null) {
        positions.put(id, new Position(v.getLayoutX() + dx, v.getLayoutY() + dy));
      }
    }
    model.moveNodes(positions);
  }

  private void centreOn(Point2D canvasPoint) {
    fitPending = false;
    viewport.centreOn(canvasPoint, getWidth(), getHeight());
  }

  private void reveal(String nodeId) {
    NodeView v = graph.node(nodeId);
    if (v == null) {
      return;
    }
    Bounds visible = viewport.visible(getWidth(), getHeight());
    if (!visible.contains(v.getBoundsInParent())) {
      centreOn(new Point2D(v.getLayoutX() + v.getWidth() / 2, v.getLayoutY() + v.getHeight() / 2));
    }
    requestFocus();
  }

  private void pipelineChanged(Pipeline old, Pipeline now) {
    if (!old.id().equals(now.id())) {
      // Another pipeline was opened: show all of it, as when the canvas first opened.
      fitPending = true;
    }
    graph.sync(now, model.outputs());
    overlays.reattach();
    content = graph.contentBounds();
    graphDirty = true;
    requestLayout();
  }

  private void viewportChanged() {
    double zoom = viewport.zoom();
    graph.setScales(SemanticZoom.titleScale(zoom), SemanticZoom.figureScale(zoom));
    graph.setDetail(SemanticZoom.detail(zoom));
    graph.setCached(zoom <= CACHE_MAX_ZOOM);
    if (getWidth() > 0 && getHeight() > 0) {
      Point2D centre = viewport.toCanvas(getWidth() / 2, getHeight() / 2);
      model
          .insertionPointProperty()
          .set(
              new Position(
                  Math.round(centre.getX() - NodeView.WIDTH / 2),
                  Math.round(centre.getY() - NodeView.MIN_HEIGHT / 2)));
    }
    updateMinimapViewport();
  }

  private void updateMinimapViewport() {
    Bounds visible = viewport.visible(getWidth(), getHeight());
    boolean show =
        minimapEnabledProperty().get()
            && content != null
            && getWidth() > Minimap.WIDTH * 2
            && !visible.contains(content);
    minimap.setVisible(show);
    if (show) {
      minimap.showViewport(visible);
    }
  }

  @Override
  protected void layoutChildren() {
    toolbar.autosize();
    toolbar.relocate(INSET, INSET);
    minimap.resizeRelocate(
        getWidth() - Minimap.WIDTH - INSET,
        getHeight() - Minimap.HEIGHT - INSET,
        Minimap.WIDTH,
        Minimap.HEIGHT);
    if (fitPending && getWidth() > 0 && getHeight() > 0) {
      fitToView();
    }
    if (graphDirty) {
      graphDirty = false;
      minimap.showGraph(graph.nodeViews(), content);
      updateMinimapViewport();
    }
  }

  private void installDrop() {
    addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (NodeTypeTransfer.typeId(e.getDragboard()).isPresent()
              || !droppedModels(e).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          Optional<String> type = NodeTypeTransfer.typeId(e.getDragboard());
          List<java.nio.file.Path> models = droppedModels(e);
          if (type.isEmpty() && models.isEmpty()) {
            return;
          }
          Point2D at = viewport.toCanvas(e.getX(), e.getY());
          // The pointer holds the node by the middle of its title, as the palette row was held.
          Position position =
              new Position(Math.round(at.getX() - NodeView.WIDTH / 2), Math.round(at.getY() - 18));
          if (type.isPresent()) {
            e.setDropCompleted(model.addNode(type.get(), position).isPresent());
          } else {
            e.setDropCompleted(
                model.dropModelFiles(
                    new ModelDrop(
                        models, position, modelNodeAt(e.getPickResult().getIntersectedNode()))));
          }
          requestFocus();
          e.consume();
        });
  }

  /** The dragged {@code .onnx} files, when the studio takes model files; else none. */
  private List<java.nio.file.Path> droppedModels(DragEvent e) {
    if (model.modelDropHandlerProperty().get() == null || !e.getDragboard().hasFiles()) {
      return List.of();
    }
    return ModelDrop.modelFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
  }

  /** The Model score node the picked scene node belongs to, if it is part of one. */
  private Optional<String> modelNodeAt(javafx.scene.Node picked) {
    for (javafx.scene.Node n = picked; n != null && n != this; n = n.getParent()) {
      if (n instanceof NodeView view) {
        return model
            .pipeline()
            .node(view.nodeId())
            .filter(node -> DesignerViewModel.MODEL_SCORE_TYPE.equals(node.type()))
            .map(node -> node.id());
      }
    }
    return Optional.empty();
  }

  private static void putOnSystemClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
