package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.drift.ColumnDrift;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The watched deployment's latest drift and cost for the canvas: the studio offers them as the
 * drift and cost monitors report (from any thread), and {@link LiveFigures} adds them to the nodes'
 * figures ({@link DriftCostOverlays}). Offers are coalesced: only the newest of each is kept, and
 * one hand-off to the FX thread is queued at a time. Offers for a deployment other than the one
 * {@link #watch watched} are dropped, so a monitor still stopping never paints the next one's
 * canvas.
 */
public final class LiveDriftCost {

  private record Drift(String deploymentId, Map<String, List<ColumnDrift>> byNode) {}

  private final ObjectProperty<Map<String, List<ColumnDrift>>> drift =
      new SimpleObjectProperty<>(this, "drift", Map.of());
  private final ObjectProperty<DeploymentCost> cost = new SimpleObjectProperty<>(this, "cost");
  private final AtomicReference<Drift> pendingDrift = new AtomicReference<>();
  private final AtomicReference<DeploymentCost> pendingCost = new AtomicReference<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile String watched;

  /** Per Model score node id, its columns' drift in the last window; read on the FX thread. */
  public ObjectProperty<Map<String, List<ColumnDrift>>> driftProperty() {
    return drift;
  }

  /** The deployment's cost, null when not priced; read on the FX thread. */
  public ObjectProperty<DeploymentCost> costProperty() {
    return cost;
  }

  /**
   * Forgets both and accepts offers for this deployment only (null: none); on the FX thread, when
   * another deployment is watched.
   */
  public void watch(String deploymentId) {
    watched = deploymentId;
    pendingDrift.set(null);
    pendingCost.set(null);
    clear();
  }

  /** Offers the last window's drift by node of the watched deployment, from any thread. */
  public void offerDrift(String deploymentId, Map<String, List<ColumnDrift>> byNode) {
    if (Objects.equals(deploymentId, watched)) {
      pendingDrift.set(new Drift(deploymentId, Map.copyOf(byNode)));
      handOff();
    }
  }

  /** Offers the watched deployment's cost, from any thread. */
  public void offerCost(DeploymentCost c) {
    if (Objects.equals(c.deploymentId(), watched)) {
      pendingCost.set(c);
      handOff();
    }
  }

  private void handOff() {
    if (queued.compareAndSet(false, true)) {
      Platform.runLater(
          () -> {
            queued.set(false);
            Drift d = pendingDrift.getAndSet(null);
            if (d != null && d.deploymentId().equals(watched)) {
              drift.set(d.byNode());
            }
            DeploymentCost c = pendingCost.getAndSet(null);
            if (c != null && c.deploymentId().equals(watched)) {
              cost.set(c);
            }
          });
    }
  }

  /** Forgets both; on the FX thread. */
  public void clear() {
    drift.set(Map.of());
    cost.set(null);
  }
}
