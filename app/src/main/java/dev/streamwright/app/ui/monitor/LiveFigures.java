package dev.streamwright.app.ui.monitor;

import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.CanvasView;
import dev.streamwright.designer.ui.canvas.NodeOverlay;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.ui.MonitorView;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Puts the watched deployment's live figures on the canvas while the pipeline it runs is the one
 * open, and opens the Monitor panel a clicked badge belongs to. Updates once per snapshot.
 */
public final class LiveFigures {

  private LiveFigures() {}

  /**
   * @param openPanel opens the Monitor tab on a panel focused on a node
   */
  public static void show(
      MonitorViewModel monitor,
      DesignerViewModel designer,
      CanvasView canvas,
      BiConsumer<MonitorView.Panel, String> openPanel) {
    show(monitor, designer, canvas, openPanel, new LiveDriftCost(), node -> {});
  }

  /**
   * @param openPanel opens the Monitor tab on a panel focused on a node
   * @param driftCost the watched deployment's drift and cost, added to the nodes' figures
   * @param openDrift opens the Monitor tab's Drift tab on a node's columns (its drift badge was
   *     clicked)
   */
  public static void show(
      MonitorViewModel monitor,
      DesignerViewModel designer,
      CanvasView canvas,
      BiConsumer<MonitorView.Panel, String> openPanel,
      LiveDriftCost driftCost,
      java.util.function.Consumer<String> openDrift) {
    Runnable refresh =
        () -> {
          MonitorSnapshot s = monitor.latestProperty().get();
          MonitorViewModel.Watching w = monitor.watchingProperty().get();
          boolean shown =
              s != null
                  && w != null
                  && w.pipelineId().equals(designer.pipelineProperty().get().id())
                  && !NodeOverlays.ended(s);
          canvas.setOverlays(
              shown
                  ? DriftCostOverlays.with(
                      NodeOverlays.of(s),
                      driftCost.driftProperty().get(),
                      driftCost.costProperty().get())
                  : Map.of());
        };
    driftCost.driftProperty().addListener((obs, old, now) -> refresh.run());
    driftCost.costProperty().addListener((obs, old, now) -> refresh.run());
    monitor.latestProperty().addListener((obs, old, now) -> refresh.run());
    monitor.watchingProperty().addListener((obs, old, now) -> refresh.run());
    designer
        .pipelineProperty()
        .addListener(
            (obs, old, now) -> {
              if (old == null || now == null || !old.id().equals(now.id())) {
                refresh.run();
              }
            });
    canvas.setOnOverlayClicked(
        (nodeId, overlay) -> {
          if (opensDrift(driftCost.driftProperty().get(), nodeId)) {
            openDrift.accept(nodeId);
            return;
          }
          MonitorSnapshot s = monitor.latestProperty().get();
          openPanel.accept(panelOf(s, nodeId, overlay), nodeId);
        });
  }

  /** Whether a node's badge opens the Drift tab: it carries drift (a tapped Model score node). */
  static boolean opensDrift(
      Map<String, java.util.List<dev.streamwright.monitor.drift.ColumnDrift>> drift,
      String nodeId) {
    java.util.List<?> columns = drift.get(nodeId);
    return columns != null && !columns.isEmpty();
  }

  /**
   * The panel a node's badge opens when it carries no drift: lag for a source, latency for a sink,
   * else throughput.
   */
  static MonitorView.Panel panelOf(MonitorSnapshot s, String nodeId, NodeOverlay overlay) {
    if (s != null && s.lag().stream().anyMatch(g -> g.nodeId().equals(nodeId))) {
      return MonitorView.Panel.LAG;
    }
    if (s != null && s.latency().containsKey(nodeId)) {
      return MonitorView.Panel.LATENCY;
    }
    return MonitorView.Panel.THROUGHPUT;
  }
}
