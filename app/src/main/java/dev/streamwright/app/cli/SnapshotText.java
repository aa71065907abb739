package dev.streamwright.app.cli;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A monitor snapshot as {@code streamwright monitor} prints it: a screen of tables (job, nodes,
 * lag, latency, model health) for a terminal, or one line per poll when piped.
 */
final class SnapshotText {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ZoneId zone;
  private final Map<String, String> names;

  /**
   * @param zone the zone clock times are shown in
   * @param names node names by id
   */
  SnapshotText(ZoneId zone, Map<String, String> names) {
    this.zone = zone;
    this.names = names;
  }

  /** The full screen: header, nodes, lag, latency, model health. */
  String screen(MonitorSnapshot s) {
    StringBuilder out = new StringBuilder();
    out.append("deployment ")
        .append(s.deploymentId())
        .append("  at ")
        .append(LocalTime.ofInstant(s.at(), zone).format(CLOCK))
        .append('\n');
    out.append("Flink: ")
        .append(s.flink().describe(zone))
        .append("   Kafka: ")
        .append(s.kafka().describe(zone))
        .append('\n');
    s.job().ifPresent(j -> out.append(job(j)).append('\n'));
    if (!s.nodes().isEmpty()) {
      out.append('\n');
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NODE", "IN/S", "OUT/S", "BUSY", "BACKPRESSURED", "LEVEL", "SHARED"});
      s.nodes().values().stream()
          .sorted(java.util.Comparator.comparing(NodeFigures::nodeId))
          .forEach(
              n ->
                  rows.add(
                      new String[] {
                        name(n.nodeId()),
                        rate(n.recordsInPerSecond()),
                        rate(n.recordsOutPerSecond()),
                        percent(n.busyRatio()),
                        percent(n.backPressuredRatio()),
                        n.backpressure().name(),
                        n.shared() ? "shared" : ""
                      }));
      table(out, rows);
    }
    for (GroupLag g : s.lag()) {
      out.append('\n')
          .append("LAG group ")
          .append(g.group())
          .append(" (node ")
          .append(name(g.nodeId()))
          .append("): ")
          .append(g.status())
          .append(", total ")
          .append(g.noCommit() ? "no commit yet" : String.format(Locale.ROOT, "%,d", g.totalLag()))
          .append(g.maxTimeLag().map(d -> ", max time lag " + duration(d)).orElse(""))
          .append(" (a Flink source commits on checkpoints: one checkpoint behind)\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "TOPIC", "PART", "END", "COMMITTED", "LAG", "TIME LAG", "DIRECT", "TO CLOSE", "STATUS"
          });
      for (PartitionLag p : g.partitions()) {
        rows.add(
            new String[] {
              p.topic(),
              Integer.toString(p.partition()),
              number(OptionalLong.of(p.endOffset())),
              p.committed().isPresent() ? number(p.committed()) : "no commit",
              number(p.offsetLag()),
              optional(p.timeLagInterpolated()),
              optional(p.timeLagDirect()),
              p.timeToClose().map(SnapshotText::toClose).orElse("-"),
              p.status().name()
            });
      }
      table(out, rows);
    }
    if (!s.latency().isEmpty()) {
      out.append('\n');
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"SINK", "ROWS", "P50", "P95", "P99", "P99.9", "MAX", "SLO"});
      for (SinkLatency l : s.latency().values()) {
        var w = l.window();
        rows.add(
            new String[] {
              name(l.nodeId()),
              Long.toString(w.count()),
              w.isEmpty() ? "-" : ms(w.p50()),
              w.isEmpty() ? "-" : ms(w.p95()),
              w.isEmpty() ? "-" : ms(w.p99()),
              w.isEmpty() ? "-" : ms(w.p999()),
              w.isEmpty() ? "-" : ms(w.max()),
              ms(l.slo().toMillis()) + (l.breached() ? " BREACHED" : "")
            });
      }
      table(out, rows);
    }
    if (!s.modelHealth().isEmpty()) {
      out.append('\n');
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"MODEL NODE", "SCORED", "INVALID", "ERRORS", "LAST PROBLEM"});
      for (NodeHealth h : s.modelHealth().values()) {
        rows.add(
            new String[] {
              name(h.nodeId()),
              Long.toString(h.scoredRows()),
              Long.toString(h.invalidRows()),
              Long.toString(h.errorRows()),
              h.lastProblem()
            });
      }
      table(out, rows);
    }
    return out.toString();
  }

  /** One line per poll, for a pipe: time, state, records out, lag, p99. */
  String line(MonitorSnapshot s) {
    StringBuilder out = new StringBuilder();
    out.append(LocalTime.ofInstant(s.at(), zone).format(CLOCK)).append(' ');
    out.append(s.job().map(JobFigures::state).orElse("-"));
    if (!s.flink().connected()) {
      out.append(" flink ").append(s.flink().describe(zone));
    }
    if (s.kafka().state() != dev.streamwright.monitor.figures.Link.State.NONE
        && !s.kafka().connected()) {
      out.append(" kafka ").append(s.kafka().describe(zone));
    }
    double sinkRate =
        s.nodes().values().stream().mapToDouble(NodeFigures::recordsInPerSecond).max().orElse(0);
    out.append(" max_in/s=").append(rate(sinkRate));
    for (GroupLag g : s.lag()) {
      out.append(" lag[").append(g.group()).append("]=");
      out.append(g.noCommit() ? "no-commit" : Long.toString(g.totalLag()));
      out.append('/').append(g.status());
    }
    for (SinkLatency l : s.latency().values()) {
      out.append(" p99[").append(l.nodeId()).append("]=");
      out.append(l.window().isEmpty() ? "-" : ms(l.window().p99()));
    }
    return out.toString();
  }

  private String job(JobFigures j) {
    CheckpointFigures c = j.checkpoints();
    return "job "
        + j.jobId()
        + "  "
        + j.state()
        + "  up "
        + duration(j.uptime())
        + "  restarts "
        + j.restarts()
        + "  checkpoints "
        + c.completed()
        + " ("
        + c.failed()
        + " failed"
        + c.lastDuration().map(d -> ", last " + duration(d)).orElse("")
        + (c.lastSizeBytes() > 0 ? ", " + bytes(c.lastSizeBytes()) : "")
        + ")"
        + j.watermarkLag().map(w -> "  watermark lag " + duration(w)).orElse("")
        + (j.rootCauses().isEmpty() ? "" : "\nlast failure: " + j.rootCauses().get(0));
  }

  /** Node names by id. */
  Map<String, String> names() {
    return names;
  }

  private String name(String nodeId) {
    String n = names.get(nodeId);
    return n == null || n.equals(nodeId) ? nodeId : n + " (" + nodeId + ")";
  }

  static void table(StringBuilder out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r[i]));
        if (i < r.length - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.1f", perSecond);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  static String number(OptionalLong v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%,d", v.getAsLong()) : "-";
  }

  static String ms(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static String optional(Optional<Duration> d) {
    return d.map(SnapshotText::duration).orElse("-");
  }

  static String toClose(Duration d) {
    return d.equals(PartitionLag.NEVER) ? "never" : duration(d);
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = d.toSeconds();
    return s < 3600
        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    return b < 1 << 20
        ? String.format(Locale.ROOT, "%.1f KiB", b / 1024.0)
        : String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
  }
}
