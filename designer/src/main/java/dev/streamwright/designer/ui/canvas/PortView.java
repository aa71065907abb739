package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerStyles;
import javafx.scene.shape.Circle;

/** A port circle on the edge of a node box; it knows its node and port so gestures can read it. */
final class PortView extends Circle {

  /** Radius in canvas units: small on screen, but hit-tested with a larger tolerance. */
  static final double RADIUS = 6;

  private final String nodeId;
  private final String portId;
  private final boolean input;

  PortView(String nodeId, String portId, String label, boolean input) {
    super(RADIUS);
    this.nodeId = nodeId;
    this.portId = portId;
    this.input = input;
    getStyleClass()
        .addAll(
            DesignerStyles.PORT, input ? DesignerStyles.INPUT_PORT : DesignerStyles.OUTPUT_PORT);
    setAccessibleText((input ? "input " : "output ") + label);
  }

  String nodeId() {
    return nodeId;
  }

  String portId() {
    return portId;
  }

  boolean isInput() {
    return input;
  }
}
