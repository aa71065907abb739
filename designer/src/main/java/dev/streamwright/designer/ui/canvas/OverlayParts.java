package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerStyles;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * The live figures drawn on one node box: a thick strip along its bottom edge coloured by
 * backpressure (dashed when the figures are a chained task's, shared), and above it a row with the
 * records per second on the left and a clickable badge on the right. Created the first time a node
 * gets an overlay; an update touches only the texts and colours that changed and never lays out
 * more than this box.
 */
final class OverlayParts {

  /** Height of the figure row before enlargement, in canvas units: one line of 11-unit text. */
  static final double ROW_HEIGHT = 14;

  /** Strip thickness before enlargement; enlarged with the figures, so it reads at any zoom. */
  static final double STRIP = 4;

  /** Distance of the row from the box's sides. */
  static final double INSET = 8;

  private static final double PILL_PADDING = 4;
  private static final double GAP = 6;

  private static final PseudoClass[] LEVELS = {
    null, DesignerStyles.LEVEL_OK, DesignerStyles.LEVEL_LOW, DesignerStyles.LEVEL_HIGH
  };

  private final String nodeId;
  private final Line strip = new Line();
  private final Group row = new Group();
  private final Scale rowScale = new Scale(1, 1, 0, 0);
  private final Rectangle rowClip = new Rectangle();
  private final Text rate = new Text();
  private final Group badge = new Group();
  private final Rectangle pill = new Rectangle();
  private final Text badgeText = new Text();
  private NodeOverlay overlay;
  private double scale = 1;
  private boolean rowShown;

  OverlayParts(String nodeId, BiConsumer<String, NodeOverlay> clicks) {
    this.nodeId = nodeId;
    strip.getStyleClass().add(DesignerStyles.OVERLAY_STRIP);
    strip.setManaged(false);
    rate.getStyleClass().add(DesignerStyles.OVERLAY_RATE);
    rate.setTextOrigin(VPos.CENTER);
    rate.setY(ROW_HEIGHT / 2);
    pill.getStyleClass().add(DesignerStyles.OVERLAY_BADGE_FILL);
    pill.setHeight(ROW_HEIGHT);
    pill.setArcWidth(ROW_HEIGHT);
    pill.setArcHeight(ROW_HEIGHT);
    badgeText.getStyleClass().add(DesignerStyles.OVERLAY_BADGE_TEXT);
    badgeText.setTextOrigin(VPos.CENTER);
    badgeText.setY(ROW_HEIGHT / 2);
    badgeText.setMouseTransparent(true);
    badge.getStyleClass().add(DesignerStyles.OVERLAY_BADGE);
    badge.getChildren().addAll(pill, badgeText);
    badge.setCursor(Cursor.HAND);
    badge.setVisible(false);
    badge.setAccessibleText("live figures badge");
    // Pressing the badge must not start selecting or moving the node underneath.
    badge.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            e.consume();
          }
        });
    badge.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            e.consume();
          }
        });
    badge.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && overlay != null) {
            clicks.accept(nodeId, overlay);
            e.consume();
          }
        });
    badge.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTooltip());
    row.getStyleClass().add(DesignerStyles.OVERLAY_ROW);
    row.getChildren().addAll(rate, badge);
    row.getTransforms().add(rowScale);
    row.setClip(rowClip);
    row.setManaged(false);
    rowClip.setHeight(ROW_HEIGHT);
  }

  /** The scene nodes to add to the box, in drawing order. */
  List<Node> nodes() {
    return List.of(strip, row);
  }

  NodeOverlay overlay() {
    return overlay;
  }

  /**
   * Shows new figures; only the texts and colours that differ are touched. Returns whether a text
   * changed, so the row must be placed again.
   */
  boolean apply(NodeOverlay next) {
    NodeOverlay previous = overlay;
    overlay = next;
    if (previous != null && previous.equals(next)) {
      return false;
    }
    boolean texts = false;
    if (!rate.getText().equals(next.recordsPerSecond())) {
      rate.setText(next.recordsPerSecond());
      texts = true;
    }
    if (!badgeText.getText().equals(next.badge())) {
      badgeText.setText(next.badge());
      badge.setVisible(!next.badge().isEmpty());
      texts = true;
    }
    setLevel(strip, previous == null ? null : previous.backpressure(), next.backpressure());
    setLevel(badge, previous == null ? null : previous.badgeLevel(), next.badgeLevel());
    strip.pseudoClassStateChanged(DesignerStyles.SHARED, next.shared());
    rate.pseudoClassStateChanged(DesignerStyles.SHARED, next.shared());
    return texts;
  }

  private static void setLevel(Node node, NodeOverlay.Level before, NodeOverlay.Level now) {
    if (before == now) {
      return;
    }
    if (before != null && LEVELS[before.ordinal()] != null) {
      node.pseudoClassStateChanged(LEVELS[before.ordinal()], false);
    }
    if (LEVELS[now.ordinal()] != null) {
      node.pseudoClassStateChanged(LEVELS[now.ordinal()], true);
    }
  }

  /** How much the row is enlarged (see {@link SemanticZoom#figureScale}). */
  void setScale(double value) {
    scale = value;
    rowScale.setX(value);
    rowScale.setY(value);
  }

  double scale() {
    return scale;
  }

  /** The strip's thickness on a box of this height, in canvas units. */
  double stripThickness(double height) {
    return Math.min(height / 2, STRIP * scale);
  }

  /** Where the figure row's top is on a box of this height. */
  double rowTop(double height) {
    return height - stripThickness(height) - ROW_HEIGHT * scale - 2;
  }

  /** Whether the row shows anything when drawn. */
  boolean hasFigures() {
    return overlay != null && (!overlay.recordsPerSecond().isEmpty() || !overlay.badge().isEmpty());
  }

  boolean hasBadge() {
    return overlay != null && !overlay.badge().isEmpty();
  }

  boolean rowShown() {
    return rowShown;
  }

  /**
   * Places the strip and the row on a box of this size; the row only when {@code showRow} (there is
   * room for its text at the zoom). Measures the two texts, so it runs only when they or the
   * enlargement change.
   */
  void place(double width, double height, boolean showRow) {
    double t = stripThickness(height);
    double y = height - t / 2;
    strip.setStartX(t / 2);
    strip.setEndX(width - t / 2);
    strip.setStartY(y);
    strip.setEndY(y);
    strip.setStrokeWidth(t);
    rowShown = showRow && hasFigures();
    row.setVisible(rowShown);
    if (!rowShown) {
      return;
    }
    double rowWidth = (width - 2 * INSET) / scale;
    rowClip.setWidth(rowWidth);
    row.setLayoutX(INSET);
    row.setLayoutY(rowTop(height));
    double pillWidth = 0;
    if (badge.isVisible()) {
      pillWidth = badgeText.getLayoutBounds().getWidth() + 2 * PILL_PADDING;
      pill.setWidth(pillWidth);
      badgeText.setX(PILL_PADDING);
      badge.setLayoutX(Math.max(0, rowWidth - pillWidth));
    }
    // A narrow box keeps the badge (it is what a click opens) and drops the rate, still in the
    // tooltip and shown again when zoomed in.
    boolean rateFits =
        rate.getLayoutBounds().getWidth() + (pillWidth > 0 ? GAP + pillWidth : 0) <= rowWidth;
    rate.setVisible(!overlay.recordsPerSecond().isEmpty() && rateFits);
  }

  /** What the row shows now: the visible texts joined by {@code " | "}; empty when hidden. */
  String shownText() {
    if (!rowShown) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    if (rate.isVisible()) {
      s.append(rate.getText());
    }
    if (badge.isVisible()) {
      s.append(s.isEmpty() ? "" : " | ").append(badgeText.getText());
    }
    return s.toString();
  }

  Line strip() {
    return strip;
  }

  Text rateText() {
    return rate;
  }

  Group badge() {
    return badge;
  }

  Text badgeText() {
    return badgeText;
  }

  private void installTooltip() {
    if (badge.getProperties().containsKey(Tooltip.class)) {
      return;
    }
    Tooltip tip = new Tooltip();
    tip.setOnShowing(
        e ->
            tip.setText(
                overlay == null || overlay.tooltip().isEmpty()
                    ? badgeText.getText()
                    : overlay.tooltip()));
    Tooltip.install(badge, tip);
    badge.getProperties().put(Tooltip.class, tip);
  }
}
