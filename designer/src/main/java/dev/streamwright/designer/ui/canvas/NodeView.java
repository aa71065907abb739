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
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * One node box: type icon, name, type, output column count and a problem badge, with input ports on
 * the left and output ports on the right. Built from shapes and plain {@link Text} (no controls)
 * and placed by hand, so hundreds of boxes cost little to create, style and draw; a box is kept for
 * as long as its node exists and only the parts that changed are updated.
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
  private final String typeId;
  private Node node;
  private NodeSummary summary;
  private Detail detail = Detail.FULL;

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
    name.setClip(new Rectangle(0, -2, NAME_WIDTH, 24));
    name.fontProperty().addListener((obs, old, now) -> fitName());
    type.relocate(34, 29);
    type.setText(nodeType.map(NodeType::displayName).orElse("Unknown type '" + typeId + "'"));
    pseudoClassStateChanged(DesignerStyles.UNKNOWN, nodeType.isEmpty());
    List<PortSpec> in = nodeType.map(NodeType::inputs).orElse(List.of());
    List<PortSpec> out = nodeType.map(NodeType::outputs).orElse(List.of());
    double height =
        Math.max(MIN_HEIGHT, PORT_TOP + Math.max(in.size(), out.size()) * PORT_PITCH + 14);
    addPorts(in, true, inputs);
    addPorts(out, false, outputs);
    columns.relocate(10, height - 20);
    badgeIcon.getStyleClass().add(DesignerStyles.NODE_BADGE);
    badgeIcon.setVisible(false);
    badge.setVisible(false);
    badge.setLayoutY(height - 20);
    alignRight(badge, 10);
    badgeIcon.layoutXProperty().bind(badge.layoutXProperty().subtract(16));
    badgeIcon.setLayoutY(height - 8);
    getChildren().addAll(icon, name, type, columns, badgeIcon, badge);
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
    boolean problems = next.hasProblems() && detail != Detail.BOXES;
    badge.setVisible(problems);
    badgeIcon.setVisible(problems);
    if (problems) {
      badge.setText(next.badgeText());
    }
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
    /** Name, icon, ports and badge; no type, column count or port names. */
    NAMES,
    /** The bare box, coloured by its state; for overviews of large pipelines. */
    BOXES
  }

  void setDetail(Detail detail) {
    boolean full = detail == Detail.FULL;
    boolean names = detail != Detail.BOXES;
    type.setVisible(full);
    columns.setVisible(full);
    portLabels.forEach(l -> l.setVisible(full));
    icon.setVisible(names);
    name.setVisible(names);
    inputs.forEach(p -> p.setVisible(names));
    outputs.forEach(p -> p.setVisible(names));
    boolean problems = summary != null && summary.hasProblems();
    badge.setVisible(names && problems);
    badgeIcon.setVisible(names && problems);
    this.detail = detail;
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

  /** The name as the box shows it, perhaps shortened. */
  String shownName() {
    return name.getText();
  }
}
