package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A monitor snapshot as one line of JSON ({@code streamwright monitor --format json}): durations in
 * milliseconds, times in ISO-8601, unknown figures as {@code null}.
 */
final class SnapshotJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotJson() {}

  static String of(MonitorSnapshot s) {
    return tree(s).toString();
  }

  /** The snapshot as a JSON tree, for a caller that adds to it (the cost). */
  static ObjectNode tree(MonitorSnapshot s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("at", s.at().toString());
    root.put("deployment", s.deploymentId());
    root.set("flink", link(s.flink()));
    root.set("kafka", link(s.kafka()));
    s.job().ifPresentOrElse(j -> root.set("job", job(j)), () -> root.putNull("job"));
    ObjectNode nodes = root.putObject("nodes");
    s.nodes().values().stream()
        .sorted(java.util.Comparator.comparing(NodeFigures::nodeId))
        .forEach(n -> nodes.set(n.nodeId(), node(n)));
    ArrayNode lag = root.putArray("lag");
    for (GroupLag g : s.lag()) {
      ObjectNode o = lag.addObject();
      o.put("group", g.group());
      o.put("node", g.nodeId());
      o.put("status", g.status().name());
      o.put("totalLag", g.totalLag());
      o.put("maxLag", g.maxLag());
      millis(o, "maxTimeLagMs", g.maxTimeLag());
      ArrayNode parts = o.putArray("partitions");
      for (PartitionLag p : g.partitions()) {
        ObjectNode q = parts.addObject();
        q.put("topic", p.topic());
        q.put("partition", p.partition());
        q.put("endOffset", p.endOffset());
        number(q, "committed", p.committed());
        number(q, "offsetLag", p.offsetLag());
        millis(q, "timeLagMs", p.timeLagInterpolated());
        millis(q, "timeLagDirectMs", p.timeLagDirect());
        if (p.timeToClose().isPresent() && p.timeToClose().get().equals(PartitionLag.NEVER)) {
          q.put("timeToCloseMs", "never");
        } else {
          millis(q, "timeToCloseMs", p.timeToClose());
        }
        q.put("status", p.status().name());
      }
    }
    ObjectNode latency = root.putObject("latency");
    for (SinkLatency l : s.latency().values()) {
      ObjectNode o = latency.putObject(l.nodeId());
      o.put("eventTime", l.eventTimeColumn());
      o.put("rows", l.window().count());
      o.put("p50Ms", l.window().p50());
      o.put("p95Ms", l.window().p95());
      o.put("p99Ms", l.window().p99());
      o.put("p999Ms", l.window().p999());
      o.put("maxMs", l.window().max());
      o.put("sloMs", l.slo().toMillis());
      o.put("breached", l.breached());
    }
    ObjectNode health = root.putObject("modelHealth");
    for (NodeHealth h : s.modelHealth().values()) {
      ObjectNode o = health.putObject(h.nodeId());
      o.put("scored", h.scoredRows());
      o.put("invalid", h.invalidRows());
      o.put("errors", h.errorRows());
      o.put("lastProblem", h.lastProblem());
    }
    return root;
  }

  private static ObjectNode link(Link l) {
    ObjectNode o = JSON.createObjectNode();
    o.put("state", l.state().name());
    o.put("since", l.since().toString());
    o.put("reason", l.reason());
    return o;
  }

  private static ObjectNode job(JobFigures j) {
    ObjectNode o = JSON.createObjectNode();
    o.put("jobId", j.jobId());
    o.put("state", j.state());
    o.put("startedAt", j.startedAt().toString());
    o.put("uptimeMs", j.uptime().toMillis());
    o.put("restarts", j.restarts());
    ArrayNode causes = o.putArray("rootCauses");
    j.rootCauses().forEach(causes::add);
    ObjectNode c = o.putObject("checkpoints");
    c.put("completed", j.checkpoints().completed());
    c.put("failed", j.checkpoints().failed());
    c.put("inProgress", j.checkpoints().inProgress());
    millis(c, "lastDurationMs", j.checkpoints().lastDuration());
    c.put("lastSizeBytes", j.checkpoints().lastSizeBytes());
    millis(o, "watermarkLagMs", j.watermarkLag());
    return o;
  }

  private static ObjectNode node(NodeFigures n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("recordsInPerSecond", n.recordsInPerSecond());
    o.put("recordsOutPerSecond", n.recordsOutPerSecond());
    o.put("busyRatio", n.busyRatio());
    o.put("backPressuredRatio", n.backPressuredRatio());
    o.put("idleRatio", n.idleRatio());
    o.put("backpressure", n.backpressure().name());
    o.put("shared", n.shared());
    number(o, "pendingRecords", n.pendingRecords());
    millis(o, "fetchLagMs", n.fetchLag());
    millis(o, "emitLagMs", n.emitLag());
    millis(o, "watermarkLagMs", n.watermarkLag());
    return o;
  }

  private static void number(ObjectNode o, String field, OptionalLong v) {
    if (v.isPresent()) {
      o.put(field, v.getAsLong());
    } else {
      o.putNull(field);
    }
  }

  private static void millis(ObjectNode o, String field, Optional<Duration> d) {
    if (d.isPresent()) {
      o.put(field, d.get().toMillis());
    } else {
      o.putNull(field);
    }
  }
}
