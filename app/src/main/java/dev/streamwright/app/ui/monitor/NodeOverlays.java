package dev.streamwright.app.ui.monitor;

import dev.streamwright.designer.ui.canvas.NodeOverlay;
import dev.streamwright.designer.ui.canvas.NodeOverlay.Level;
import dev.streamwright.monitor.figures.Backpressure;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.LagStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the canvas shows on each node while its pipeline is watched: records/s with the backpressure
 * colour, a lag badge on Kafka sources, a latency badge on sinks (red over the objective).
 */
public final class NodeOverlays {

  private NodeOverlays() {}

  /** The overlays of a snapshot, by node id; figures of a system not connected are left out. */
  public static Map<String, NodeOverlay> of(MonitorSnapshot s) {
    Map<String, GroupLag> lagByNode = new HashMap<>();
    if (s.kafka().connected()) {
      s.lag().forEach(g -> lagByNode.put(g.nodeId(), g));
    }
    Map<String, NodeFigures> nodes = s.flink().connected() ? s.nodes() : Map.of();
    Set<String> ids = new LinkedHashSet<>(nodes.keySet());
    ids.addAll(lagByNode.keySet());
    ids.addAll(s.latency().keySet());
    Map<String, NodeOverlay> out = new HashMap<>();
    for (String id : ids) {
      NodeFigures n = nodes.get(id);
      String rate =
          n == null ? "" : rate(Math.max(n.recordsInPerSecond(), n.recordsOutPerSecond()));
      Level pressure = n == null ? Level.NONE : level(n.backpressure());
      String badge = "";
      Level badgeLevel = Level.NONE;
      StringBuilder tip = new StringBuilder();
      if (n != null) {
        tip.append(
            String.format(
                Locale.ROOT,
                "in %s, out %s; busy %.0f%%, back-pressured %.0f%%",
                rate(n.recordsInPerSecond()),
                rate(n.recordsOutPerSecond()),
                n.busyRatio() * 100,
                n.backPressuredRatio() * 100));
      }
      GroupLag g = lagByNode.get(id);
      if (g != null) {
        badge =
            g.noCommit()
                ? "lag: no commit"
                : "lag "
                    + count(g.totalLag())
                    + g.maxTimeLag().map(d -> " · " + time(d)).orElse("");
        badgeLevel = level(g.status());
        tip.append(tip.isEmpty() ? "" : "\n")
            .append("consumer group ")
            .append(g.group())
            .append(": ")
            .append(g.status());
      }
      SinkLatency l = s.latency().get(id);
      if (l != null && !l.window().isEmpty()) {
        badge = "p99 " + time(Duration.ofMillis(l.window().p99()));
        badgeLevel = l.breached() ? Level.HIGH : Level.OK;
        tip.append(tip.isEmpty() ? "" : "\n").append("latency objective ").append(time(l.slo()));
      }
      out.put(
          id,
          new NodeOverlay(
              rate, pressure, badge, badgeLevel, n != null && n.shared(), tip.toString()));
    }
    return out;
  }

  /** Whether a snapshot's deployment ended (the canvas then shows no live figures). */
  public static boolean ended(MonitorSnapshot s) {
    return s.flink().state() == Link.State.ENDED;
  }

  static Level level(Backpressure b) {
    return switch (b) {
      case OK -> Level.OK;
      case LOW -> Level.LOW;
      case HIGH -> Level.HIGH;
    };
  }

  static Level level(LagStatus status) {
    return switch (status) {
      case OK -> Level.OK;
      case WARN -> Level.LOW;
      case STALL, STOP, REWIND -> Level.HIGH;
    };
  }

  static String rate(double perSecond) {
    if (perSecond >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM/s", perSecond / 1_000_000);
    }
    if (perSecond >= 1_000) {
      return String.format(Locale.ROOT, "%.1fk/s", perSecond / 1_000);
    }
    return String.format(Locale.ROOT, "%.0f/s", perSecond);
  }

  static String count(long n) {
    if (n >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
    return n >= 1_000 ? String.format(Locale.ROOT, "%.1fk", n / 1_000.0) : Long.toString(n);
  }

  static String time(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    return ms < 60_000
        ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
        : String.format(Locale.ROOT, "%d min", d.toMinutes());
  }
}
