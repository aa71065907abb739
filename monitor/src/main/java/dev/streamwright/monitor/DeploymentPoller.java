package dev.streamwright.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.monitor.flink.FlinkRestClient;
import dev.streamwright.monitor.flink.JobCollector;
import dev.streamwright.monitor.flink.JobPoll;
import dev.streamwright.monitor.flink.VertexMap;
import dev.streamwright.monitor.kafka.KafkaOffsetsCollector;
import dev.streamwright.monitor.kafka.LagTarget;
import dev.streamwright.monitor.kafka.LatencyTarget;
import dev.streamwright.monitor.kafka.OffsetsPoll;
import dev.streamwright.monitor.kafka.SinkLatencyProbe;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.monitor.lag.PartitionLagTracker;
import dev.streamwright.monitor.latency.LatencySummary;
import dev.streamwright.monitor.latency.LatencyWindow;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployment's poll cycle: asks the runtime for the job's status and the model nodes' health,
 * Flink's REST API for the job and its vertices, the brokers for offsets and commits, reads what
 * the sinks wrote since the last cycle for latency, and assembles the snapshot. A system that does
 * not answer keeps its last figures and is marked disconnected; nothing here throws. Used by one
 * thread at a time (the monitor's).
 */
final class DeploymentPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentPoller.class);

  /** How long one cycle may spend reading the sink topics before it moves on. */
  private static final Duration LATENCY_READ = Duration.ofMillis(500);

  private final MonitorTarget target;
  private final MonitorSettings settings;
  private volatile java.time.Duration slo;
  private final MonitorSeries series;

  private FlinkRestEndpoint endpoint;
  private FlinkRestClient flinkClient;
  private JobCollector jobCollector;
  private VertexMap vertexMap;
  private KafkaOffsetsCollector offsets;
  private SinkLatencyProbe probe;

  private final Map<String, Map<TopicPartition, PartitionLagTracker>> trackers = new HashMap<>();
  private final Map<String, LatencyWindow> windows = new LinkedHashMap<>();

  private Link flink;
  private Link kafka;
  private Optional<JobFigures> job = Optional.empty();
  private Map<String, NodeFigures> nodes = Map.of();
  private List<GroupLag> lag = List.of();
  private Map<String, NodeHealth> health = Map.of();
  private boolean ended;
  private int planParallelism;

  /** The drift tap's reader; its reports are taken by the monitor after each poll. */
  final dev.streamwright.monitor.drift.live.LiveDrift drift;

  private dev.streamwright.monitor.drift.live.DriftReport driftReport;

  DeploymentPoller(MonitorTarget target, MonitorSettings settings, MonitorSeries series) {
    this.target = target;
    this.settings = settings;
    this.slo = settings.slo();
    this.series = series;
    this.drift =
        new dev.streamwright.monitor.drift.live.LiveDrift(
            target.deployment().id(),
            target.deployment().jobId(),
            dev.streamwright.monitor.drift.live.DriftReferences.NONE);
    Instant now = Instant.now();
    this.flink = new Link(Link.State.DISCONNECTED, now, "not polled yet");
    this.kafka =
        target.kafka().isPresent()
            ? new Link(Link.State.DISCONNECTED, now, "not polled yet")
            : Link.none(now);
    for (LatencyTarget t : target.latencyTargets()) {
      windows.put(t.nodeId(), new LatencyWindow(settings.latencyWindow()));
    }
  }

  /** Holds the sinks to a new latency objective from the next poll on; any thread. */
  void slo(java.time.Duration objective) {
    this.slo = java.util.Objects.requireNonNull(objective, "objective");
  }

  /** The largest parallelism of the job's vertices (its task slots), once its plan was read. */
  java.util.OptionalInt planParallelism() {
    return planParallelism > 0
        ? java.util.OptionalInt.of(planParallelism)
        : java.util.OptionalInt.empty();
  }

  /** Whether the deployment ended: the last snapshot said so and no further poll is useful. */
  boolean ended() {
    return ended;
  }

  /** One poll cycle. */
  MonitorSnapshot poll() {
    Instant now = Instant.now();
    DeploymentStatus status = status();
    if (status.phase().isTerminal()) {
      ended = true;
      String why = status.phase().name().toLowerCase(java.util.Locale.ROOT);
      String reason = status.message().isEmpty() ? why : why + ": " + status.message();
      flink = new Link(Link.State.ENDED, now, reason);
      if (kafka.state() != Link.State.NONE) {
        kafka = new Link(Link.State.ENDED, now, reason);
      }
    } else {
      pollFlink(now);
      pollDrift(now);
      pollKafka(now);
      pollLatency();
      health = target.runtime().nodeHealth(target.deployment());
    }
    Map<String, SinkLatency> latency = new LinkedHashMap<>();
    for (LatencyTarget t : target.latencyTargets()) {
      LatencySummary s = windows.get(t.nodeId()).summary(now);
      latency.put(t.nodeId(), new SinkLatency(t.nodeId(), t.eventTimeColumn(), s, slo));
    }
    MonitorSnapshot snapshot =
        new MonitorSnapshot(
            now, target.deployment().id(), flink, kafka, job, nodes, lag, latency, health);
    series.record(snapshot);
    return snapshot;
  }

  private DeploymentStatus status() {
    try {
      return target.runtime().status(target.deployment());
    } catch (RuntimeException e) {
      LOG.debug("Status of {} failed", target.deployment().id(), e);
      return DeploymentStatus.of(DeploymentStatus.Phase.RUNNING);
    }
  }

  // ------------------------------------------------------------------------------ Flink

  private void pollFlink(Instant now) {
    try {
      FlinkRestClient client = flinkClient();
      if (vertexMap == null || vertexMap.isEmpty()) {
        // A job still initializing has no vertices in its plan yet: asked again next poll.
        JsonNode plan = client.get("/jobs/" + target.deployment().jobId() + "/plan");
        vertexMap =
            VertexMap.of(
                target.pipeline(), target.tables(), target.deployment().previewSinks(), plan);
        for (JsonNode v : plan.path("plan").path("nodes")) {
          planParallelism = Math.max(planParallelism, v.path("parallelism").asInt(0));
        }
      }
      JobPoll p = jobCollector.poll(target.deployment().jobId(), vertexMap, now);
      job = Optional.of(p.job());
      nodes = p.nodes();
      flink = connected(flink, now);
    } catch (Unreachable e) {
      flink = disconnected(flink, now, e.getMessage());
      LOG.debug("Flink poll of {} failed: {}", target.deployment().id(), e.getMessage());
    } catch (RuntimeException e) {
      flink = disconnected(flink, now, "unexpected answer: " + e.getMessage());
      LOG.warn("Flink poll of {} failed", target.deployment().id(), e);
    }
  }

  /** Reads the drift tap when Flink answered this poll; a new report waits for the monitor. */
  private void pollDrift(Instant now) {
    if (flink.state() == Link.State.CONNECTED) {
      drift.poll(flinkClient, now).ifPresent(r -> driftReport = r);
    } else {
      driftReport = drift.failed(flink.reason(), now);
    }
  }

  /** The drift report made by the last poll, if it made one; taken once. */
  Optional<dev.streamwright.monitor.drift.live.DriftReport> takeDrift() {
    Optional<dev.streamwright.monitor.drift.live.DriftReport> r = Optional.ofNullable(driftReport);
    driftReport = null;
    return r;
  }

  private FlinkRestClient flinkClient() throws Unreachable {
    Optional<FlinkRestEndpoint> now = target.runtime().flinkRest();
    if (now.isEmpty()) {
      throw new Unreachable(target.runtime().describe() + " has no REST endpoint yet.");
    }
    if (flinkClient == null || !now.get().equals(endpoint)) {
      closeQuietly(flinkClient);
      endpoint = now.get();
      flinkClient = new FlinkRestClient(endpoint, settings.timeout());
      // Kept across polls: it remembers the sources' metric ids, so they are listed once.
      jobCollector = new JobCollector(flinkClient);
    }
    return flinkClient;
  }

  // ------------------------------------------------------------------------------ Kafka

  private void pollKafka(Instant now) {
    if (target.kafka().isEmpty() || target.lagTargets().isEmpty()) {
      return;
    }
    try {
      if (offsets == null) {
        MonitorTarget.KafkaAccess k = target.kafka().get();
        offsets =
            new KafkaOffsetsCollector(
                k.bootstrapServers(), k.clientProperties(), settings.timeout());
      }
      OffsetsPoll p = offsets.poll(target.lagTargets());
      lag = lag(p);
      kafka = connected(kafka, now);
    } catch (Unreachable e) {
      kafka = disconnected(kafka, now, e.getMessage());
      LOG.debug("Kafka poll of {} failed: {}", target.deployment().id(), e.getMessage());
    } catch (RuntimeException e) {
      kafka = disconnected(kafka, now, "unexpected answer: " + e.getMessage());
      LOG.warn("Kafka poll of {} failed", target.deployment().id(), e);
    }
  }

  private List<GroupLag> lag(OffsetsPoll p) {
    List<GroupLag> out = new ArrayList<>();
    for (LagTarget t : target.lagTargets()) {
      Map<TopicPartition, PartitionLagTracker> byPartition =
          trackers.computeIfAbsent(t.group(), g -> new HashMap<>());
      Map<TopicPartition, Long> committed = p.committed().getOrDefault(t.group(), Map.of());
      Map<TopicPartition, Long> stamps = p.committedTimestamps().getOrDefault(t.group(), Map.of());
      List<PartitionLag> partitions = new ArrayList<>();
      p.endOffsets().entrySet().stream()
          .filter(e -> t.topics().contains(e.getKey().topic()))
          .sorted(
              java.util.Comparator.comparing(
                      (Map.Entry<TopicPartition, Long> e) -> e.getKey().topic())
                  .thenComparingInt(e -> e.getKey().partition()))
          .forEach(
              e -> {
                TopicPartition tp = e.getKey();
                PartitionLagTracker tracker =
                    byPartition.computeIfAbsent(
                        tp, x -> new PartitionLagTracker(x.topic(), x.partition()));
                partitions.add(
                    tracker.update(
                        p.at(),
                        e.getValue(),
                        optional(committed.get(tp)),
                        optional(stamps.get(tp))));
              });
      out.add(new GroupLag(t.group(), t.nodeId(), partitions));
    }
    return out;
  }

  private static OptionalLong optional(Long v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private void pollLatency() {
    if (target.kafka().isEmpty() || target.latencyTargets().isEmpty()) {
      return;
    }
    try {
      if (probe == null) {
        MonitorTarget.KafkaAccess k = target.kafka().get();
        probe =
            new SinkLatencyProbe(
                k.bootstrapServers(), k.clientProperties(), target.latencyTargets());
      }
      probe.drain(
          (nodeId, latencyMs, appendTimeMs) -> {
            LatencyWindow w = windows.get(nodeId);
            if (w != null) {
              w.record(latencyMs, Instant.ofEpochMilli(appendTimeMs));
            }
          },
          LATENCY_READ);
    } catch (Unreachable e) {
      // The offsets poll of the same brokers says so on the panel.
      LOG.debug("Latency read of {} failed: {}", target.deployment().id(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Latency read of {} failed", target.deployment().id(), e);
    }
  }

  // ------------------------------------------------------------------------------ links

  private static Link connected(Link was, Instant now) {
    return was.state() == Link.State.CONNECTED ? was : new Link(Link.State.CONNECTED, now, "");
  }

  private static Link disconnected(Link was, Instant now, String reason) {
    Instant since = was.state() == Link.State.DISCONNECTED ? was.since() : now;
    return new Link(Link.State.DISCONNECTED, since, reason);
  }

  @Override
  public void close() {
    closeQuietly(flinkClient);
    closeQuietly(offsets);
    closeQuietly(probe);
    flinkClient = null;
    jobCollector = null;
    offsets = null;
    probe = null;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.debug("Closing {} failed", c, e);
    }
  }
}
