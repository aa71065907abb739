package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.monitor.latency.LatencySummary;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Synthetic snapshots for the view's tests and benchmark, built step by step. */
final class Snapshots {

  /** 12:00:00 UTC on a fixed day: tests run the view in UTC so clocks read as written. */
  static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  private Instant at = NOON;
  private String deployment = "fraud-prod";
  private Link flink = new Link(Link.State.CONNECTED, NOON, "");
  private Link kafka = new Link(Link.State.CONNECTED, NOON, "");
  private Optional<JobFigures> job = Optional.empty();
  private final Map<String, NodeFigures> nodes = new LinkedHashMap<>();
  private final List<GroupLag> lag = new ArrayList<>();
  private final Map<String, SinkLatency> latency = new LinkedHashMap<>();
  private final Map<String, NodeHealth> health = new LinkedHashMap<>();

  static Snapshots at(Instant at) {
    Snapshots s = new Snapshots();
    s.at = at;
    return s;
  }

  static Snapshots atSecond(long second) {
    return at(NOON.plusSeconds(second));
  }

  Snapshots deployment(String id) {
    deployment = id;
    return this;
  }

  Snapshots flink(Link.State state, Instant since, String reason) {
    flink = new Link(state, since, reason);
    return this;
  }

  Snapshots kafka(Link.State state, Instant since, String reason) {
    kafka = new Link(state, since, reason);
    return this;
  }

  Snapshots job(String state, long restarts, List<String> causes, CheckpointFigures cps) {
    job =
        Optional.of(
            new JobFigures(
                "a1b2c3",
                state,
                NOON.minusSeconds(3_725),
                Duration.between(NOON.minusSeconds(3_725), at),
                restarts,
                causes,
                cps,
                Optional.of(Duration.ofMillis(1_500))));
    return this;
  }

  Snapshots node(String id, double in, double out, double busy, double bp, double idle) {
    nodes.put(
        id,
        new NodeFigures(
            id,
            List.of("v-" + id),
            false,
            in,
            out,
            busy,
            bp,
            idle,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    return this;
  }

  Snapshots sharedNode(String id, double in, double out) {
    nodes.put(
        id,
        new NodeFigures(
            id,
            List.of("v-shared"),
            true,
            in,
            out,
            0.2,
            0,
            0.8,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    return this;
  }

  Snapshots source(String id, double out, long pending, long fetchMs, long emitMs, long wmMs) {
    nodes.put(
        id,
        new NodeFigures(
            id,
            List.of("v-" + id),
            false,
            0,
            out,
            0.3,
            0,
            0.7,
            OptionalLong.of(pending),
            Optional.of(Duration.ofMillis(fetchMs)),
            Optional.of(Duration.ofMillis(emitMs)),
            Optional.of(Duration.ofMillis(wmMs))));
    return this;
  }

  Snapshots group(String group, String nodeId, PartitionLag... partitions) {
    lag.add(new GroupLag(group, nodeId, List.of(partitions)));
    return this;
  }

  static PartitionLag partition(
      String topic,
      int p,
      long end,
      Long committed,
      Duration interpolated,
      Duration direct,
      Duration toClose,
      LagStatus status) {
    return new PartitionLag(
        topic,
        p,
        end,
        committed == null ? OptionalLong.empty() : OptionalLong.of(committed),
        Optional.ofNullable(interpolated),
        Optional.ofNullable(direct),
        Optional.ofNullable(toClose),
        status);
  }

  Snapshots sink(String id, long count, long p50, long p95, long p99, long p999, long max) {
    latency.put(
        id,
        new SinkLatency(
            id,
            "event_time",
            new LatencySummary(count, p50, p95, p99, p999, max),
            Duration.ofSeconds(1)));
    return this;
  }

  Snapshots model(String id, long scored, long skipped, long errors, String problem) {
    health.put(
        id,
        new NodeHealth(
            id,
            scored,
            skipped,
            0,
            errors,
            problem,
            problem == null ? null : NOON.minusSeconds(5)));
    return this;
  }

  MonitorSnapshot build() {
    return new MonitorSnapshot(at, deployment, flink, kafka, job, nodes, lag, latency, health);
  }
}
