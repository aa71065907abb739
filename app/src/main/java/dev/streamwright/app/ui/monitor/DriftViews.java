package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.LiveReference;
import dev.streamwright.monitor.drift.live.NodeDrift;
import dev.streamwright.monitor.drift.live.WindowDrift;
import dev.streamwright.monitor.ui.DriftView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one live drift report shows in the studio: the Drift panel's view of the last window and of
 * the sliding view, and per tapped node its columns' drift in the last window for the canvas
 * badges. A column with a reference is compared with it; a column without one (or whose reference
 * does not fit its values) is listed with its current values alone; a column with no window yet is
 * left out.
 *
 * @param window the last closed windows of every tapped column
 * @param sliding the sliding views; null when no column has one yet
 * @param byNode per tapped node id, its compared columns' drift in the last window (a node with
 *     none is absent)
 */
public record DriftViews(
    DriftView window, DriftView sliding, Map<String, List<ColumnDrift>> byNode) {

  /** The views of a report; cheap, call it on the monitor's thread. */
  public static DriftViews of(DriftReport report) {
    List<DriftView.Column> window = new ArrayList<>();
    List<DriftView.Column> sliding = new ArrayList<>();
    Map<String, List<ColumnDrift>> byNode = new LinkedHashMap<>();
    for (NodeDrift node : report.nodes()) {
      for (ColumnLiveDrift c : node.columns()) {
        column(c, c.lastWindow())
            .ifPresent(
                col -> {
                  window.add(col);
                  if (col.referenced()) {
                    byNode.computeIfAbsent(node.nodeId(), n -> new ArrayList<>()).add(col.drift());
                  }
                });
        column(c, c.view()).ifPresent(sliding::add);
      }
    }
    return new DriftViews(
        DriftView.of(report.deploymentId(), report.at(), window),
        sliding.isEmpty() ? null : DriftView.of(report.deploymentId(), report.at(), sliding),
        byNode);
  }

  private static Optional<DriftView.Column> column(ColumnLiveDrift c, Optional<WindowDrift> span) {
    if (span.isEmpty() || span.get().current().isEmpty()) {
      return Optional.empty();
    }
    ColumnProfile current = span.get().current().get();
    Optional<ColumnDrift> drift = span.get().drift();
    Optional<LiveReference> reference = c.reference();
    if (drift.isPresent() && reference.isPresent()) {
      return Optional.of(
          new DriftView.Column(c.nodeId(), drift.get(), reference.get().profile(), current));
    }
    return Optional.of(DriftView.Column.unreferenced(c.nodeId(), c.column(), current));
  }
}
