package dev.streamwright.app.ui.monitor;

import dev.streamwright.designer.ui.canvas.NodeOverlay;
import dev.streamwright.designer.ui.canvas.NodeOverlay.Level;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DriftStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds drift and cost to the canvas' live figures: a drift badge on each Model score node (its
 * worst column's status colour and value, every column in the tooltip) and each node's cost so far
 * after its records per second.
 */
public final class DriftCostOverlays {

  private DriftCostOverlays() {}

  /**
   * The overlays with drift and cost added.
   *
   * @param base the overlays of the last snapshot ({@link NodeOverlays#of}), by node id
   * @param drift per Model score node id, its monitored columns' drift in the last window; empty
   *     when drift is not measured
   * @param cost the deployment's cost; null when it is not priced
   * @return the overlays by node id, base ones kept where nothing is added
   */
  public static Map<String, NodeOverlay> with(
      Map<String, NodeOverlay> base, Map<String, List<ColumnDrift>> drift, DeploymentCost cost) {
    Set<String> ids = new LinkedHashSet<>(base.keySet());
    ids.addAll(drift.keySet());
    Map<String, NodeCost> costs = cost == null ? Map.of() : cost.nodes();
    Map<String, NodeOverlay> out = new HashMap<>();
    for (String id : ids) {
      NodeOverlay o = base.getOrDefault(id, NodeOverlay.rate("", Level.NONE));
      String rate = o.recordsPerSecond();
      String badge = o.badge();
      Level badgeLevel = o.badgeLevel();
      StringBuilder tip = new StringBuilder(o.tooltip());
      NodeCost c = costs.get(id);
      if (c != null) {
        String money = money(cost.currency(), c.total());
        rate = rate.isEmpty() ? money : rate + " · " + money;
        line(tip)
            .append(
                String.format(
                    Locale.ROOT,
                    "cost so far %s (CPU %s, Kafka %s), %.0f%% of the deployment's CPU",
                    money,
                    money(cost.currency(), c.cpuCost()),
                    money(cost.currency(), c.kafkaReadCost() + c.kafkaWrittenCost()),
                    c.cpuShare() * 100));
      }
      List<ColumnDrift> columns = drift.get(id);
      if (columns != null && !columns.isEmpty()) {
        List<ColumnDrift> sorted = new ArrayList<>(columns);
        sorted.sort(
            Comparator.comparingInt((ColumnDrift d) -> rank(d.status()))
                .reversed()
                .thenComparing(ColumnDrift::column));
        ColumnDrift worst = sorted.get(0);
        long drifted = columns.stream().filter(d -> d.status().drifted()).count();
        badge =
            worst.status() == DriftStatus.NO_DATA
                ? "drift: no data"
                : drifted == 0
                    ? "no drift"
                    : String.format(
                        Locale.ROOT, "drift %d/%d · %s", drifted, columns.size(), worst.column());
        badgeLevel = level(worst.status());
        for (ColumnDrift d : sorted) {
          line(tip)
              .append(
                  String.format(
                      Locale.ROOT,
                      "%s: %s %s (%s)",
                      d.column(),
                      d.method().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                      Double.isNaN(d.value()) ? "–" : String.format(Locale.ROOT, "%.3f", d.value()),
                      d.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
      }
      out.put(
          id,
          new NodeOverlay(rate, o.backpressure(), badge, badgeLevel, o.shared(), tip.toString()));
    }
    return out;
  }

  private static StringBuilder line(StringBuilder tip) {
    return tip.isEmpty() ? tip : tip.append('\n');
  }

  /** How bad a status is, for picking a node's worst column. */
  static int rank(DriftStatus s) {
    return switch (s) {
      case NO_DATA -> 0;
      case NO_DRIFT -> 1;
      case MODERATE -> 2;
      case MAJOR, DRIFT -> 3;
    };
  }

  /** The canvas colour of a drift status: green, amber, red, neutral. */
  static Level level(DriftStatus s) {
    return switch (s) {
      case NO_DATA -> Level.NONE;
      case NO_DRIFT -> Level.OK;
      case MODERATE -> Level.LOW;
      case MAJOR, DRIFT -> Level.HIGH;
    };
  }

  static String money(String currency, double v) {
    return String.format(
        Locale.ROOT, Math.abs(v) >= 0.01 || v == 0 ? "%s %.2f" : "%s %.4f", currency, v);
  }
}
