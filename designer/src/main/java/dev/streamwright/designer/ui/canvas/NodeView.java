package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.document.compile.NodeSummary;
import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * One node box: type icon, name, type, output column count and a problem badge, with input ports on
 * the left and output ports on the right, and while the pipeline runs its live figures ({@link
 * OverlayParts}). Built from shapes and plain {@link Text} (no controls) and placed by hand, so
 * hundreds of boxes cost little to create, style and draw; a box is kept for as long as its node
 * exists and only the parts that changed are updated. Zoomed out, the box turns compact (see {@link
 * SemanticZoom}): small print goes and the name spans the box, enlarged to stay legible.
 */
final class NodeView extends Region {

  /**
   * Room for a name of about 20 characters in bold beside the icon ("Clicks per user (10 s)"),
   * while the auto-layout's 240-unit column pitch still leaves a 40-unit run for the edge.
   */
  static final double WIDTH = 200;

  static final double MIN_HEIGHT = 72;

  /** Where the first port sits and the pitch between ports of one side. */
  static final double PORT_TOP = 36;

  static final double PORT_PITCH = 22;

  /** Room for the name between the icon and the box's right edge. */
  private static final double NAME_WIDTH = WIDTH - 34 - 8;

  /** Where a compact box's name starts, and its distance from the sides. */
  private static final double COMPACT_TOP = 4;

  private static final double COMPACT_INSET = 8;

  /** A compact name wraps onto at most this many lines. */
  private static final int COMPACT_LINES = 2;

  private final String nodeId;
  private final List<PortView> inputs = new ArrayList<>();
  private final List<PortView> outputs = new ArrayList<>();
  private final List<Text> portLabels = new ArrayList<>();
  private final FontIcon icon;
  private final Text name = text(DesignerStyles.NODE_NAME);
  private final Text type = text(DesignerStyles.NODE_DETAIL);
  private final Text columns = text(DesignerStyles.NODE_DETAIL);
  private final FontIcon badgeIcon = DesignerIcons.icon(MaterialDesignA.ALERT_CIRCLE);
  private final Text badge = text(DesignerStyles.NODE_BADGE);
  private final Group problems = new Group(badgeIcon, badge);
  private final Scale problemsScale = new Scale(1, 1, 0, 0);
  private final Scale nameScale = new Scale(1, 1, 0, 0);
  private final Rectangle nameClip = new Rectangle(0, -2, NAME_WIDTH, 24);
  private final String typeId;
  private final double height;
  private Node node;
  private NodeSummary summary;
  private Detail detail = Detail.FULL;
  private double titleScale = 1;
  private double figureScale = 1;
  private double titleRoom;
  private Font lineFont;
  private double lineHeight;
  private OverlayParts overlay;

  NodeView(Node node, Optional<NodeType> nodeType) {
    this.nodeId = node.id();
    this.typeId = node.type();
    getStyleClass().add(DesignerStyles.NODE);
    setManaged(false);
    icon =
        DesignerIcons.icon(
            nodeType.map(DesignerIcons::of).orElse(DesignerIcons.UNKNOWN_TYPE),
            DesignerStyles.NODE_ICON);
    icon.relocate(10, 9);
    name.relocate(34, 9);
    // The name is fitted when its font is known (after CSS); the clip only guards odd glyphs.
    name.setClip(nameClip);
    name.getTransforms().add(nameScale);
    name.fontProperty().addListener((obs, old, now) -> fontChanged());
    type.relocate(34, 29);
    type.setText(nodeType.map(NodeType::displayName).orElse("Unknown type '" + typeId + "'"));
    pseudoClassStateChanged(DesignerStyles.UNKNOWN, nodeType.isEmpty());
    List<PortSpec> in = nodeType.map(NodeType::inputs).orElse(List.of());
    List<PortSpec> out = nodeType.map(NodeType::outputs).orElse(List.of());
    height = Math.max(MIN_HEIGHT, PORT_TOP + Math.max(in.size(), out.size()) * PORT_PITCH + 14);
    addPorts(in, true, inputs);
    addPorts(out, false, outputs);
    columns.relocate(10, height - 20);
    badgeIcon.getStyleClass().add(DesignerStyles.NODE_BADGE);
    badgeIcon.setLayoutY(12);
    badge.setLayoutX(16);
    problems.setVisible(false);
    problems.setManaged(false);
    problems.getTransforms().add(problemsScale);
    badge.layoutBoundsProperty().addListener((obs, old, now) -> placeProblems());
    getChildren().addAll(icon, name, type, columns, problems);
    getChildren().addAll(portLabels);
    getChildren().addAll(inputs);
    getChildren().addAll(outputs);
    resize(WIDTH, height);
    update(node);
  }

  String nodeId() {
    return nodeId;
  }

  String typeId() {
    return typeId;
  }

  Node node() {
    return node;
  }

  List<PortView> inputs() {
    return inputs;
  }

  List<PortView> outputs() {
    return outputs;
  }

  /** Shows the node as it is now; cheap when little changed. */
  void update(Node next) {
    Node previous = node;
    node = next;
    if (previous == null || !previous.name().equals(next.name())) {
      fitName();
      setAccessibleText(next.name());
    }
    relocate(next.position().x(), next.position().y());
  }

  /** Shows the compile results for the node: output columns and the problem badge. */
  void apply(NodeSummary next) {
    if (next.equals(summary)) {
      return;
    }
    summary = next;
    columns.setText(next.columnsText());
    if (next.hasProblems()) {
      badge.setText(next.badgeText());
    }
    layoutParts();
    pseudoClassStateChanged(DesignerStyles.ERROR, next.errors() > 0);
    pseudoClassStateChanged(DesignerStyles.WARNING, next.errors() == 0 && next.warnings() > 0);
  }

  NodeSummary summary() {
    return summary;
  }

  void setSelected(boolean selected) {
    pseudoClassStateChanged(DesignerStyles.SELECTED, selected);
  }

  /**
   * How much of the box to draw: text too small to read is not drawn at all, which is most of what
   * a frame costs when hundreds of boxes are in view.
   */
  enum Detail {
    /** Everything. */
    FULL,
    /**
     * Name (enlarged, across the box), ports, badges and live figures; no icon, type, column count
     * or port names.
     */
    COMPACT,
    /** The bare box, coloured by its state and its live strip; for overviews of large pipelines. */
    BOXES
  }

  void setDetail(Detail next) {
    boolean full = next == Detail.FULL;
    boolean names = next != Detail.BOXES;
    type.setVisible(full);
    portLabels.forEach(l -> l.setVisible(full));
    icon.setVisible(full);
    name.setVisible(names);
    inputs.forEach(p -> p.setVisible(names));
    outputs.forEach(p -> p.setVisible(names));
    boolean compactChanged = (detail == Detail.COMPACT) != (next == Detail.COMPACT);
    detail = next;
    if (compactChanged) {
      placeName();
    }
    layoutParts();
    if (compactChanged && next != Detail.COMPACT) {
      fitName();
    }
  }

  /**
   * How much compact names and the figures are enlarged (see {@link SemanticZoom}); changes only
   * when the zoom crosses a step.
   */
  void setScales(double title, double figures) {
    boolean titleChanged = title != titleScale;
    titleScale = title;
    figureScale = figures;
    if (overlay != null) {
      overlay.setScale(figures);
    }
    if (detail == Detail.COMPACT && titleChanged) {
      placeName();
    }
    if (detail != Detail.BOXES || overlay != null) {
      layoutParts();
    }
  }

  // ---- live figures ---------------------------------------------------------------------------

  /** Shows live figures on the box, or none (null); cheap when they did not change. */
  void setOverlay(NodeOverlay next, BiConsumer<String, NodeOverlay> clicks) {
    if (next == null) {
      if (overlay != null) {
        getChildren().removeAll(overlay.nodes());
        overlay = null;
        layoutParts();
      }
      return;
    }
    boolean created = overlay == null;
    if (created) {
      overlay = new OverlayParts(nodeId, clicks);
      overlay.setScale(figureScale);
      // Above the box's text, below the problem badge and the ports.
      getChildren().addAll(getChildren().indexOf(problems), overlay.nodes());
    }
    if (overlay.apply(next) || created) {
      layoutParts();
    }
  }

  /** The live figures shown, or null. */
  NodeOverlay overlay() {
    return overlay == null ? null : overlay.overlay();
  }

  OverlayParts overlayParts() {
    return overlay;
  }

  /** What the box's figure row shows, or empty. */
  String overlayText() {
    return overlay == null ? "" : overlay.shownText();
  }

  /**
   * Places the bottom row (live figures, column count, problem badge) and decides how many lines a
   * compact name may take; re-fits the name only when that changes.
   */
  private void layoutParts() {
    boolean compact = detail == Detail.COMPACT;
    boolean rowWanted = overlay != null && overlay.hasFigures() && detail != Detail.BOXES;
    if (rowWanted && compact && overlay.rowTop(height) - COMPACT_TOP < lineHeight() * titleScale) {
      // No room for a line of name above the figures: the name wins, the strip still shows.
      rowWanted = false;
    }
    if (overlay != null) {
      overlay.place(WIDTH, height, rowWanted);
    }
    boolean rowShown = overlay != null && overlay.rowShown();
    columns.setVisible(detail == Detail.FULL && !rowShown);
    boolean showProblems =
        summary != null
            && summary.hasProblems()
            && detail != Detail.BOXES
            && !(rowShown && overlay.hasBadge());
    problems.setVisible(showProblems);
    double s = detail == Detail.FULL && !rowShown ? 1 : figureScale;
    problemsScale.setX(s);
    problemsScale.setY(s);
    placeProblems();
    if (compact) {
      double bottom =
          rowShown
              ? overlay.rowTop(height)
              : showProblems ? problems.getBoundsInParent().getMinY() : height - COMPACT_TOP;
      double room = bottom - COMPACT_TOP;
      if (room != titleRoom) {
        titleRoom = room;
        fitName();
      }
    }
  }

  /** Keeps the problem badge right-aligned on the bottom row, or on the figure row when shown. */
  private void placeProblems() {
    double s = problemsScale.getX();
    Bounds b = problems.getLayoutBounds();
    problems.setLayoutX(WIDTH - 10 - b.getMaxX() * s);
    if (overlay != null && overlay.rowShown()) {
      problems.setLayoutY(
          overlay.rowTop(height) + (OverlayParts.ROW_HEIGHT * s - b.getHeight() * s) / 2);
    } else if (detail == Detail.FULL) {
      problems.setLayoutY(height - 20);
    } else {
      problems.setLayoutY(height - COMPACT_TOP - b.getHeight() * s);
    }
  }

  /**
   * Puts the name beside the icon (full detail) or across the box, enlarged (compact); a compact
   * name is fitted again by the next {@link #layoutParts()}, a full one by the caller.
   */
  private void placeName() {
    if (detail == Detail.COMPACT) {
      name.relocate(COMPACT_INSET, COMPACT_TOP);
      nameScale.setX(titleScale);
      nameScale.setY(titleScale);
      name.setWrappingWidth((WIDTH - 2 * COMPACT_INSET) / titleScale);
      titleRoom = Double.NaN;
    } else {
      name.relocate(34, 9);
      nameScale.setX(1);
      nameScale.setY(1);
      name.setWrappingWidth(0);
      nameClip.setY(-2);
      nameClip.setWidth(NAME_WIDTH);
      nameClip.setHeight(24);
    }
  }

  private void fontChanged() {
    if (detail == Detail.COMPACT) {
      titleRoom = Double.NaN;
      layoutParts();
    } else {
      fitName();
    }
  }

  /** The height of one line of the name, unenlarged; measured again only when its font changes. */
  private double lineHeight() {
    if (name.getFont() != lineFont) {
      lineFont = name.getFont();
      Text probe = new Text("Xg");
      probe.setFont(lineFont);
      lineHeight = probe.getLayoutBounds().getHeight();
    }
    return lineHeight;
  }

  /** Where an edge attaches to a port, in canvas units; the box's middle if the port is unknown. */
  Point2D anchor(String portId, boolean input) {
    for (PortView p : input ? inputs : outputs) {
      if (p.portId().equals(portId)) {
        return new Point2D(getLayoutX() + p.getCenterX(), getLayoutY() + p.getCenterY());
      }
    }
    return new Point2D(getLayoutX() + (input ? 0 : WIDTH), getLayoutY() + PORT_TOP);
  }

  private void addPorts(List<PortSpec> specs, boolean input, List<PortView> into) {
    boolean labelled =
        specs.size() > 1
            || specs.stream().anyMatch(p -> !p.id().equals(input ? PortSpec.IN : PortSpec.OUT));
    for (int i = 0; i < specs.size(); i++) {
      PortSpec spec = specs.get(i);
      PortView port = new PortView(nodeId, spec.id(), spec.label(), input);
      double y = PORT_TOP + i * PORT_PITCH;
      port.setCenterX(input ? 0 : WIDTH);
      port.setCenterY(y);
      into.add(port);
      if (labelled) {
        Text label = text(DesignerStyles.NODE_DETAIL);
        label.setText(spec.label());
        label.setTextOrigin(VPos.CENTER);
        label.setLayoutY(y);
        if (input) {
          label.setLayoutX(10);
        } else {
          alignRight(label, 10);
        }
        portLabels.add(label);
      }
    }
  }

  /** Keeps the text's right edge {@code margin} from the box's right edge, whatever its font. */
  private static void alignRight(Text text, double margin) {
    text.layoutXProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> WIDTH - margin - text.getLayoutBounds().getMaxX(),
                text.layoutBoundsProperty()));
  }

  private static Text text(String styleClass) {
    Text t = new Text();
    t.getStyleClass().add(styleClass);
    t.setTextOrigin(VPos.TOP);
    return t;
  }

  /**
   * Shows the whole name when it fits the box, else as much as fits followed by an ellipsis (the
   * hover tooltip and the property sheet show it whole). Measures the text itself, so it runs only
   * when the name or its font changes.
   */
  private void fitName() {
    if (node == null) {
      return;
    }
    String full = node.name();
    if (detail == Detail.COMPACT) {
      fitCompactName(full);
      return;
    }
    name.setText(full);
    if (name.getLayoutBounds().getWidth() <= NAME_WIDTH) {
      return;
    }
    int fits = 0;
    int tooLong = full.length();
    while (tooLong - fits > 1) {
      int mid = (fits + tooLong) / 2;
      name.setText(full.substring(0, mid).stripTrailing() + "…");
      if (name.getLayoutBounds().getWidth() <= NAME_WIDTH) {
        fits = mid;
      } else {
        tooLong = mid;
      }
    }
    name.setText(full.substring(0, fits).stripTrailing() + "…");
  }

  /**
   * Wraps the name onto as many lines as the compact box has room for (one or two), ending in an
   * ellipsis when it is longer still.
   */
  private void fitCompactName(String full) {
    double line = lineHeight();
    int lines =
        (int) Math.max(1, Math.min(COMPACT_LINES, Math.floor(titleRoom / (line * titleScale))));
    double limit = lines * line + 0.5;
    nameClip.setY(0);
    nameClip.setWidth(name.getWrappingWidth());
    nameClip.setHeight(lines * line);
    name.setText(full);
    if (name.getLayoutBounds().getHeight() <= limit) {
      return;
    }
    int fits = 0;
    int tooLong = full.length();
    while (tooLong - fits > 1) {
      int mid = (fits + tooLong) / 2;
      name.setText(full.substring(0, mid).stripTrailing() + "…");
      if (name.getLayoutBounds().getHeight() <= limit) {
        fits = mid;
      } else {
        tooLong = mid;
      }
    }
    name.setText(full.substring(0, fits).stripTrailing() + "…");
  }

  /** The name's text node, for tests measuring it on screen. */
  Text nameText() {
    return name;
  }

  /** The name as the box shows it, perhaps shortened. */
  String shownName() {
    return name.getText();
  }
}
