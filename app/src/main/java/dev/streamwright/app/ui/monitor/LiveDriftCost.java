package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.drift.ColumnDrift;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The watched deployment's latest drift and cost for the canvas: the studio offers them as the
 * drift and cost monitors report (from any thread), and {@link LiveFigures} adds them to the nodes'
 * figures ({@link DriftCostOverlays}).
 */
public final class LiveDriftCost {

  private final ObjectProperty<Map<String, List<ColumnDrift>>> drift =
      new SimpleObjectProperty<>(this, "drift", Map.of());
  private final ObjectProperty<DeploymentCost> cost = new SimpleObjectProperty<>(this, "cost");

  /** Per Model score node id, its columns' drift in the last window; read on the FX thread. */
  public ObjectProperty<Map<String, List<ColumnDrift>>> driftProperty() {
    return drift;
  }

  /** The deployment's cost, null when not priced; read on the FX thread. */
  public ObjectProperty<DeploymentCost> costProperty() {
    return cost;
  }

  /** Offers the last window's drift by node, from any thread. */
  public void offerDrift(Map<String, List<ColumnDrift>> byNode) {
    Map<String, List<ColumnDrift>> copy = Map.copyOf(byNode);
    Platform.runLater(() -> drift.set(copy));
  }

  /** Offers the deployment's cost, from any thread. */
  public void offerCost(DeploymentCost c) {
    Platform.runLater(() -> cost.set(c));
  }

  /** Forgets both, e.g. when another deployment is watched; on the FX thread. */
  public void clear() {
    drift.set(Map.of());
    cost.set(null);
  }
}
