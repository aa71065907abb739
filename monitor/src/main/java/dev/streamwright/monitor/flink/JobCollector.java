package dev.streamwright.monitor.flink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.Unreachable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Polls one job's figures from Flink's REST API, the same way for the embedded and a remote
 * cluster: {@code /jobs/{jid}} (state, vertices, start), each vertex's subtask metrics aggregated
 * by Flink ({@code agg=sum,max,min}) in one request (rates, its lowest input watermark, a source
 * vertex's source metrics), the job's checkpoints, exceptions and restarts; then the figures of
 * each pipeline node from the vertices a {@link VertexMap} gives it.
 *
 * <p>Flink's REST server answers metrics from a store it refreshes every {@code
 * metrics.fetcher.update-interval}, only for running jobs, and fills it a few seconds after a job
 * starts: until then a vertex's rates read 0, and rates are Flink's averages over the last 60 s.
 * Rates are per vertex, so a node's figures are those of the tasks that run it: records in count
 * what enters its first vertices (for a source vertex, what its sources emit), records out what
 * leaves its last ones to another task, which is 0 where a task only writes to external systems. A
 * source's own metrics ({@code pendingRecords}, the event-time lags, its output watermark, which
 * stands for a source vertex's watermark since it has no input) are operator metrics whose names
 * carry the operator: their ids are looked up per source vertex and remembered. Not thread-safe per
 * job: poll a job from one thread.
 */
public final class JobCollector {

  /** Task metrics read for every vertex. */
  static final List<String> TASK_METRICS =
      List.of(
          "numRecordsInPerSecond",
          "numRecordsOutPerSecond",
          "numBytesInPerSecond",
          "busyTimeMsPerSecond",
          "backPressuredTimeMsPerSecond",
          "idleTimeMsPerSecond");

  /** Source operator metrics, by the end of their ids. */
  static final List<String> SOURCE_METRICS =
      List.of(".pendingRecords", ".currentFetchEventTimeLag", ".currentEmitEventTimeLag");

  /** A task's input watermark, read for every vertex but the sources. */
  static final String INPUT_WATERMARK = "currentInputWatermark";

  /** A source operator's output watermark: a source vertex has no input watermark. */
  static final String SOURCE_WATERMARK = ".currentOutputWatermark";

  /**
   * A source operator's emitted records per second: what a source vertex reads, since a task counts
   * as records in only what its source reader counts (Flink's datagen counts none).
   */
  static final String SOURCE_OUT = ".numRecordsOutPerSecond";

  /** Root causes kept per poll. */
  static final int ROOT_CAUSES = 5;

  private final FlinkRestClient client;

  /** Polls after which a source vertex's metric ids are listed again while some are missing. */
  static final int RELIST = 10;

  /**
   * Per job, the restart count last read while it ran: Flink's REST API serves a job's metrics only
   * while it runs, and a job that is restarting (or failing) has restarted, not never.
   */
  private final Map<String, Long> restartsByJob = new ConcurrentHashMap<>();

  /** Per job and source vertex, the ids of its source metrics as last listed. */
  private final Map<String, Map<String, SourceIds>> sourceMetricIds = new ConcurrentHashMap<>();

  /**
   * A source vertex's source metric ids. Flink registers them as the source starts ({@code
   * pendingRecords} only after the first fetch), so while some are missing (its output watermark
   * and rate included) the list is read again every {@link #RELIST} polls; a source that never
   * reports one costs a listing per {@link #RELIST} polls.
   */
  private static final class SourceIds {
    final List<String> ids;
    int age;

    SourceIds(List<String> ids) {
      this.ids = ids;
    }

    List<String> ids() {
      return ids;
    }

    boolean stale() {
      boolean complete =
          Stream.concat(SOURCE_METRICS.stream(), Stream.of(SOURCE_WATERMARK, SOURCE_OUT))
              .allMatch(s -> ids.stream().anyMatch(id -> id.endsWith(s)));
      return !complete && ++age >= RELIST || ids.isEmpty();
    }
  }

  /** A collector asking through the client. */
  public JobCollector(FlinkRestClient client) {
    this.client = client;
  }

  /**
   * One poll of the job.
   *
   * @param jobId the Flink job id
   * @param map which vertices run which nodes
   * @param now the poll's time, for uptime and watermark lag
   * @throws JobGone when the cluster does not know the job
   * @throws Unreachable when the REST API cannot be asked
   */
  public JobPoll poll(String jobId, VertexMap map, Instant now) throws Unreachable {
    String job = "/jobs/" + jobId;
    JsonNode details;
    try {
      details = client.get(job);
    } catch (JobGone e) {
      sourceMetricIds.remove(jobId);
      restartsByJob.remove(jobId);
      throw e;
    }
    Map<String, List<String>> inputs = inputs(details);
    boolean running = "RUNNING".equals(details.path("state").asText());
    Map<String, VertexFigures> vertices = new LinkedHashMap<>();
    for (JsonNode v : details.path("vertices")) {
      String vid = v.path("id").asText();
      List<String> in = inputs.getOrDefault(vid, List.of());
      vertices.put(vid, running ? vertex(job, jobId, vid, in) : VertexFigures.idle(vid, in));
    }
    // A job whose JobMaster is still starting has no checkpoint statistics: Flink's REST server
    // logs an error with a stack trace for every such request, so none is made.
    String state = details.path("state").asText();
    CheckpointFigures checkpoints =
        state.equals("INITIALIZING") || state.equals("CREATED")
            ? CheckpointFigures.NONE
            : checkpoints(client.get(job + "/checkpoints"));
    List<String> causes = rootCauses(client.get(job + "/exceptions?maxExceptions=" + ROOT_CAUSES));
    long restarts = running ? restarts(job) : restartsByJob.getOrDefault(jobId, 0L);
    if (running) {
      restartsByJob.put(jobId, restarts);
    }
    OptionalLong lowest = lowest(vertices.values());
    JobFigures figures = jobFigures(details, restarts, causes, checkpoints, lowest, now);
    Map<String, NodeFigures> nodes = new LinkedHashMap<>();
    map.all()
        .forEach(
            (node, vs) -> {
              NodeFigures f = nodeFigures(node, vs, map.shared(node), vertices, now);
              if (f != null) {
                nodes.put(node, f);
              }
            });
    return new JobPoll(figures, nodes);
  }

  private VertexFigures vertex(String job, String jobId, String vid, List<String> in)
      throws Unreachable {
    String base = job + "/vertices/" + vid;
    // One request per vertex: its task metrics, its input watermark (the lowest over its
    // subtasks) and, for a source vertex, its sources' metrics. Each metric request can make
    // Flink's REST server refresh its whole metric store, so fewer requests cost the cluster less.
    List<String> ids = new ArrayList<>(TASK_METRICS);
    List<String> sourceIds = List.of();
    if (in.isEmpty()) {
      Map<String, SourceIds> known =
          sourceMetricIds.computeIfAbsent(jobId, k -> new ConcurrentHashMap<>());
      SourceIds cached = known.get(vid);
      if (cached == null || cached.stale()) {
        cached = new SourceIds(sourceIds(client.get(base + "/subtasks/metrics")));
        known.put(vid, cached);
      }
      sourceIds = cached.ids();
      ids.addAll(sourceIds);
    } else {
      ids.add(INPUT_WATERMARK);
    }
    Map<String, double[]> task =
        aggregates(client.get(base + "/subtasks/metrics?get=" + ids(ids) + "&agg=sum,max,min"));
    OptionalLong pending = OptionalLong.empty();
    OptionalLong fetchLag = OptionalLong.empty();
    OptionalLong emitLag = OptionalLong.empty();
    OptionalLong sourceWatermark = OptionalLong.empty();
    java.util.OptionalDouble sourceOut = java.util.OptionalDouble.empty();
    if (!sourceIds.isEmpty()) {
      sourceWatermark = min(task, SOURCE_WATERMARK);
      sourceOut = rate(task, SOURCE_OUT);
      pending = sum(task, ".pendingRecords");
      fetchLag = max(task, ".currentFetchEventTimeLag");
      emitLag = max(task, ".currentEmitEventTimeLag");
    }
    OptionalLong watermark = in.isEmpty() ? sourceWatermark : lowestWatermark(task);
    return new VertexFigures(
        vid,
        in,
        sourceOut.isPresent() ? source(task, sourceOut) : get(task, "numRecordsInPerSecond", 0),
        get(task, "numRecordsOutPerSecond", 0),
        get(task, "numBytesInPerSecond", 0),
        get(task, "busyTimeMsPerSecond", 1),
        get(task, "backPressuredTimeMsPerSecond", 1),
        get(task, "idleTimeMsPerSecond", 1),
        pending,
        fetchLag,
        emitLag,
        watermark);
  }

  /** A source vertex's records in: its sources' emitted rate, or the task's when that is larger. */
  private static double source(Map<String, double[]> task, java.util.OptionalDouble sourceOut) {
    return Math.max(get(task, "numRecordsInPerSecond", 0), sourceOut.getAsDouble());
  }

  /** The sum over the metrics whose ids end with the suffix, e.g. several sources' rates. */
  private static java.util.OptionalDouble rate(Map<String, double[]> m, String suffix) {
    double total = 0;
    boolean any = false;
    for (Map.Entry<String, double[]> e : m.entrySet()) {
      if (e.getKey().endsWith(suffix) && !Double.isNaN(e.getValue()[0])) {
        total += e.getValue()[0];
        any = true;
      }
    }
    return any ? java.util.OptionalDouble.of(total) : java.util.OptionalDouble.empty();
  }

  private long restarts(String job) throws Unreachable {
    for (JsonNode m : client.get(job + "/metrics?get=numRestarts")) {
      if (m.path("id").asText().equals("numRestarts")) {
        return m.path("value").asLong(0);
      }
    }
    return 0;
  }

  // ------------------------------------------------------------------ parsing (package-private)

  /** Per vertex, its input vertices, from the job details' {@code plan}. */
  static Map<String, List<String>> inputs(JsonNode details) {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    for (JsonNode n : details.path("plan").path("nodes")) {
      List<String> in = new ArrayList<>();
      n.path("inputs").forEach(i -> in.add(i.path("id").asText()));
      inputs.put(n.path("id").asText(), in);
    }
    return inputs;
  }

  /** {@code [{"id", "sum", "max", "min"}...]} as id to {sum, max, min}. */
  static Map<String, double[]> aggregates(JsonNode metrics) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (JsonNode m : metrics) {
      double sum = number(m.get("sum"));
      double max = number(m.get("max"));
      double min = number(m.get("min"));
      out.put(m.path("id").asText(), new double[] {sum, max, min});
    }
    return out;
  }

  private static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    double d = n.isNumber() ? n.asDouble() : parse(n.asText());
    return Double.isFinite(d) ? d : Double.NaN;
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double get(Map<String, double[]> m, String id, int which) {
    double[] v = m.get(id);
    return v == null || Double.isNaN(v[which]) ? 0 : v[which];
  }

  private static OptionalLong sum(Map<String, double[]> m, String suffix) {
    return pick(m, suffix, 0);
  }

  private static OptionalLong max(Map<String, double[]> m, String suffix) {
    return pick(m, suffix, 1);
  }

  /** The lowest source output watermark; empty while a source has none (Long.MIN_VALUE). */
  private static OptionalLong min(Map<String, double[]> m, String suffix) {
    OptionalLong lowest = OptionalLong.empty();
    for (Map.Entry<String, double[]> e : m.entrySet()) {
      double v = e.getValue()[2];
      if (e.getKey().endsWith(suffix)) {
        if (Double.isNaN(v) || v <= 0) {
          return OptionalLong.empty();
        }
        long w = (long) v;
        lowest = OptionalLong.of(lowest.isPresent() ? Math.min(lowest.getAsLong(), w) : w);
      }
    }
    return lowest;
  }

  /** Over the metrics whose ids end with the suffix (one per source operator): sum or max. */
  private static OptionalLong pick(Map<String, double[]> m, String suffix, int which) {
    boolean any = false;
    double total = which == 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> e : m.entrySet()) {
      double v = e.getValue()[which];
      if (e.getKey().endsWith(suffix) && !Double.isNaN(v) && v >= 0) {
        any = true;
        total = which == 0 ? total + v : Math.max(total, v);
      }
    }
    return any ? OptionalLong.of(Math.round(total)) : OptionalLong.empty();
  }

  /** The ids of a source vertex's source metrics, from the list of its subtask metrics. */
  static List<String> sourceIds(JsonNode list) {
    List<String> ids = new ArrayList<>();
    for (JsonNode m : list) {
      String id = m.path("id").asText();
      if (SOURCE_METRICS.stream().anyMatch(id::endsWith)
          || id.startsWith("Source__")
              && (id.endsWith(SOURCE_WATERMARK) || id.endsWith(SOURCE_OUT))) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The lowest input watermark over a vertex's subtasks, from its aggregated task metrics (the
   * minimum of {@value #INPUT_WATERMARK}); empty when none has one yet, or one has none: Flink
   * reports {@code Long.MIN_VALUE} before a subtask's first watermark, which holds the vertex back.
   */
  static OptionalLong lowestWatermark(Map<String, double[]> task) {
    double[] v = task.get(INPUT_WATERMARK);
    if (v == null || Double.isNaN(v[2]) || v[2] <= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) v[2]);
  }

  private static OptionalLong lowest(Iterable<VertexFigures> vertices) {
    OptionalLong lowest = OptionalLong.empty();
    for (VertexFigures v : vertices) {
      if (v.lowestWatermark().isPresent()) {
        long w = v.lowestWatermark().getAsLong();
        lowest = OptionalLong.of(lowest.isPresent() ? Math.min(lowest.getAsLong(), w) : w);
      }
    }
    return lowest;
  }

  private static String ids(List<String> ids) {
    List<String> encoded = new ArrayList<>();
    ids.forEach(id -> encoded.add(URLEncoder.encode(id, StandardCharsets.UTF_8)));
    return String.join(",", encoded);
  }

  /** A job's checkpoints from {@code /jobs/{jid}/checkpoints}. */
  static CheckpointFigures checkpoints(JsonNode cp) {
    JsonNode counts = cp.path("counts");
    JsonNode last = cp.path("latest").path("completed");
    boolean has = last.isObject();
    return new CheckpointFigures(
        counts.path("completed").asLong(0),
        counts.path("failed").asLong(0),
        counts.path("in_progress").asLong(0),
        has
            ? Optional.of(Duration.ofMillis(last.path("end_to_end_duration").asLong(0)))
            : Optional.empty(),
        has ? last.path("state_size").asLong(last.path("checkpointed_size").asLong(0)) : 0,
        has && last.path("latest_ack_timestamp").asLong(0) > 0
            ? Optional.of(Instant.ofEpochMilli(last.path("latest_ack_timestamp").asLong()))
            : Optional.empty());
  }

  /**
   * The newest failures' root causes, one line each (the innermost {@code Caused by} of each
   * exception's stack trace), newest first, at most {@link #ROOT_CAUSES}.
   */
  static List<String> rootCauses(JsonNode exceptions) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : exceptions.path("exceptionHistory").path("entries")) {
      if (out.size() >= ROOT_CAUSES) {
        break;
      }
      out.add(RootCause.of(e.path("stacktrace").asText(""), e.path("exceptionName").asText("")));
    }
    return out;
  }

  static JobFigures jobFigures(
      JsonNode details,
      long restarts,
      List<String> causes,
      CheckpointFigures checkpoints,
      OptionalLong lowestWatermark,
      Instant now) {
    long start = details.path("start-time").asLong(0);
    long end = details.path("end-time").asLong(-1);
    Instant started = Instant.ofEpochMilli(Math.max(0, start));
    Instant until = end > 0 ? Instant.ofEpochMilli(end) : now;
    Duration uptime = start > 0 ? Duration.between(started, until) : Duration.ZERO;
    return new JobFigures(
        details.path("jid").asText(),
        details.path("state").asText("UNKNOWN"),
        started,
        uptime.isNegative() ? Duration.ZERO : uptime,
        restarts,
        causes,
        checkpoints,
        watermarkLag(lowestWatermark, now));
  }

  private static Optional<Duration> watermarkLag(OptionalLong watermark, Instant now) {
    if (watermark.isEmpty()) {
      return Optional.empty();
    }
    long lag = now.toEpochMilli() - watermark.getAsLong();
    return Optional.of(Duration.ofMillis(Math.max(0, lag)));
  }

  /**
   * A node's figures from its vertices: records in over the vertices where its work enters (none of
   * their inputs is another of its vertices; a source vertex counts what it emits), records out
   * over those where it leaves, the largest busy, back-pressured and idle ratios, its sources'
   * metrics, the lowest input watermark. Null when none of its vertices was seen in this poll.
   */
  static NodeFigures nodeFigures(
      String node,
      List<String> vertexIds,
      boolean shared,
      Map<String, VertexFigures> vertices,
      Instant now) {
    List<VertexFigures> own = new ArrayList<>();
    vertexIds.forEach(
        v -> {
          if (vertices.containsKey(v)) {
            own.add(vertices.get(v));
          }
        });
    if (own.isEmpty()) {
      return null;
    }
    double in = 0;
    double out = 0;
    double busy = 0;
    double back = 0;
    double idle = 0;
    OptionalLong pending = OptionalLong.empty();
    long fetch = -1;
    long emit = -1;
    OptionalLong watermark = OptionalLong.empty();
    for (VertexFigures v : own) {
      if (v.inputs().stream().noneMatch(vertexIds::contains)) {
        in += v.recordsIn();
      }
      boolean exit =
          vertices.values().stream()
              .noneMatch(
                  o -> vertexIds.contains(o.vertexId()) && o.inputs().contains(v.vertexId()));
      if (exit) {
        out += v.recordsOut();
      }
      busy = Math.max(busy, v.busyMs());
      back = Math.max(back, v.backPressuredMs());
      idle = Math.max(idle, v.idleMs());
      if (v.pendingRecords().isPresent()) {
        pending = OptionalLong.of(pending.orElse(0) + v.pendingRecords().getAsLong());
      }
      fetch = Math.max(fetch, v.fetchLagMs().orElse(-1));
      emit = Math.max(emit, v.emitLagMs().orElse(-1));
      if (v.lowestWatermark().isPresent()) {
        long w = v.lowestWatermark().getAsLong();
        watermark = OptionalLong.of(watermark.isPresent() ? Math.min(watermark.getAsLong(), w) : w);
      }
    }
    return new NodeFigures(
        node,
        vertexIds,
        shared,
        in,
        out,
        ratio(busy),
        ratio(back),
        ratio(idle),
        pending,
        fetch >= 0 ? Optional.of(Duration.ofMillis(fetch)) : Optional.empty(),
        emit >= 0 ? Optional.of(Duration.ofMillis(emit)) : Optional.empty(),
        watermarkLag(watermark, now));
  }

  private static double ratio(double msPerSecond) {
    return Math.max(0, Math.min(1, msPerSecond / 1000.0));
  }
}
