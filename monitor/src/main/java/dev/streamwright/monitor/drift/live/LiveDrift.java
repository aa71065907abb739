package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftCalculator;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.monitor.flink.FlinkRestClient;
import dev.streamwright.plugin.onnx.tap.TapWindow;
import dev.streamwright.plugin.onnx.tap.TapWire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live drift of one deployment: reads its drift tap through Flink's REST API only when a new
 * window can have closed, merges the subtasks' windows and the last windows per column ({@link
 * ColumnHistory}), and compares them with the columns' references into a {@link DriftReport}.
 *
 * <p><b>When it reads.</b> Before the first window it reads at every poll (the gauges are empty
 * strings then). Once the newest window read started at {@code s} with length {@code L}, it reads
 * again from {@code s + 2L} on (when the next window has closed) at every poll until a newer window
 * arrives (Flink's REST API serves metric values that may be several seconds old), and while a
 * subtask is behind the newest window, for at most half a window after that window closed. So a
 * 1-minute tap costs one request per tapped vertex a minute plus a few, whatever the monitor's
 * interval. The vertices' metric ids are listed once (again while none is found, after 1 s and then
 * twice as long each time up to every 30 s, and after a job restart).
 *
 * <p>Nothing here throws on a poll: a failure is the report's problem and is retried at the next
 * poll. Thread-safe: polled on the monitor's thread, frozen from any.
 */
public final class LiveDrift {

  private final String deploymentId;
  private final TapReader reader;
  private final long seed;
  private volatile DriftReferences references;

  /** By node id, then column. */
  private final Map<String, Map<String, ColumnHistory>> histories = new TreeMap<>();

  /** Gauges whose text could not be read, by node and column. */
  private final Map<String, String> gaugeProblems = new TreeMap<>();

  /** The last start read per gauge. */
  private final Map<TapGauge, Long> lastRead = new java.util.HashMap<>();

  private long newest = -1;
  private long length;
  private DriftReport latest;

  /**
   * @param deploymentId the deployment's id, for the reports
   * @param jobId its Flink job's id
   * @param references the columns' references
   */
  public LiveDrift(String deploymentId, String jobId, DriftReferences references) {
    this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
    this.reader = new TapReader(Objects.requireNonNull(jobId, "jobId"));
    this.references = Objects.requireNonNull(references, "references");
    this.seed = jobId.hashCode();
  }

  /** Compares with other references from the next report on (from any thread). */
  public void references(DriftReferences references) {
    this.references = Objects.requireNonNull(references, "references");
  }

  /** The last report, empty before the first. */
  public synchronized Optional<DriftReport> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * One poll: reads the tap if a new window can have closed.
   *
   * @param client Flink's REST API
   * @param now the time of the poll
   * @return a new report when a new window was read or reading failed, else empty
   */
  public synchronized Optional<DriftReport> poll(FlinkRestClient client, Instant now) {
    try {
      if (!reader.discover(client, now) || !due(now.toEpochMilli())) {
        // Flink answered: a problem shown by the last report is over.
        return latestHasProblem() ? Optional.of(report(now, Optional.empty())) : Optional.empty();
      }
      Map<TapGauge, String> values = reader.read(client);
      if (values.size() < reader.gauges().size()) {
        reader.forget(); // a restarted job has new operator ids or fewer subtasks
      }
      boolean changed = accept(values);
      return changed || latestHasProblem()
          ? Optional.of(report(now, Optional.empty()))
          : Optional.empty();
    } catch (Unreachable e) {
      return Optional.of(report(now, Optional.of(e.getMessage())));
    } catch (RuntimeException e) {
      return Optional.of(report(now, Optional.of("unexpected answer: " + e.getMessage())));
    }
  }

  /**
   * A poll that could not reach Flink (no REST endpoint, the job's poll failed): the last figures
   * with the failure as the report's problem.
   */
  public synchronized DriftReport failed(String problem, Instant now) {
    return report(now, Optional.of(problem));
  }

  private boolean latestHasProblem() {
    return latest != null && latest.problem().isPresent();
  }

  /** Whether a new window can have closed since the last read (see the class comment). */
  boolean due(long nowMs) {
    if (newest < 0) {
      return true;
    }
    boolean behind = lastRead.values().stream().anyMatch(s -> s < newest);
    return nowMs >= newest + 2 * length || (behind && nowMs <= newest + length + length / 2);
  }

  /** Merges the gauges' texts read; whether anything new came. */
  synchronized boolean accept(Map<TapGauge, String> values) {
    boolean changed = false;
    for (Map.Entry<TapGauge, String> e : values.entrySet()) {
      TapGauge g = e.getKey();
      String key = g.nodeId() + "/" + g.column();
      Optional<TapWindow> window;
      try {
        window = TapWire.decode(e.getValue());
      } catch (IllegalArgumentException bad) {
        changed |= gaugeProblems.put(key, bad.getMessage()) == null;
        continue;
      }
      changed |= gaugeProblems.remove(key) != null;
      if (window.isEmpty()) {
        continue;
      }
      TapWindow w = window.get();
      lastRead.put(g, w.start());
      newest = Math.max(newest, w.start());
      length = w.length();
      ColumnHistory h =
          histories
              .computeIfAbsent(g.nodeId(), n -> new TreeMap<>())
              .computeIfAbsent(g.column(), c -> new ColumnHistory(seed ^ key.hashCode()));
      changed |= h.add(g.subtask(), w);
    }
    return changed;
  }

  /**
   * Freezes a column's last hour of live data as a reference.
   *
   * @throws IllegalArgumentException when the column is not tapped or has no data yet
   */
  public synchronized LiveReference freezeLastHour(String nodeId, String column) {
    ColumnHistory h = histories.getOrDefault(nodeId, Map.of()).get(column);
    if (h == null) {
      throw new IllegalArgumentException(
          "Node '"
              + nodeId
              + "' has no tapped column '"
              + column
              + "' in this deployment"
              + " (tapped: "
              + tapped()
              + ")");
    }
    ColumnHistory.Window hour =
        h.lastHour()
            .filter(w -> w.summary().count() > 0)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Column '"
                            + column
                            + "' of node '"
                            + nodeId
                            + "' has no value in its live windows yet: wait for data"));
    ColumnProfile profile = LiveProfiles.reference(hour.summary(), ProfileOptions.DEFAULTS);
    return new LiveReference(
        profile,
        "live data "
            + Instant.ofEpochMilli(hour.start())
            + " to "
            + Instant.ofEpochMilli(hour.start() + hour.length())
            + " ("
            + hour.windows()
            + " windows)");
  }

  private String tapped() {
    List<String> out = new ArrayList<>();
    histories.forEach((n, cols) -> cols.keySet().forEach(c -> out.add(n + "/" + c)));
    return out.isEmpty() ? "none yet" : String.join(", ", out);
  }

  /** A report of what was read so far. */
  synchronized DriftReport report(Instant now, Optional<String> problem) {
    List<NodeDrift> nodes = new ArrayList<>();
    histories.forEach(
        (nodeId, columns) -> {
          List<ColumnLiveDrift> out = new ArrayList<>();
          List<ColumnDrift> last = new ArrayList<>();
          List<ColumnDrift> view = new ArrayList<>();
          columns.forEach(
              (column, h) -> {
                ColumnLiveDrift c = column(nodeId, column, h);
                out.add(c);
                c.lastWindow().flatMap(WindowDrift::drift).ifPresent(last::add);
                c.view().flatMap(WindowDrift::drift).ifPresent(view::add);
              });
          nodes.add(new NodeDrift(nodeId, out, DatasetDrift.of(last), DatasetDrift.of(view)));
        });
    latest = new DriftReport(deploymentId, now, nodes, problem);
    return latest;
  }

  private ColumnLiveDrift column(String nodeId, String column, ColumnHistory h) {
    Optional<LiveReference> reference = references.reference(nodeId, column);
    String kind = h.lastWindow().map(w -> w.summary().kind()).orElse("");
    List<String> problems = new ArrayList<>();
    String gauge = gaugeProblems.get(nodeId + "/" + column);
    if (gauge != null) {
      problems.add(gauge);
    }
    if (!h.problem().isEmpty()) {
      problems.add(h.problem());
    }
    if (reference.isEmpty()) {
      problems.add("no reference: set one from the model card, a file or the last hour");
    }
    Optional<WindowDrift> last = h.lastWindow().map(w -> window(column, w, reference, problems));
    Optional<WindowDrift> view = h.view().map(w -> window(column, w, reference, problems));
    return new ColumnLiveDrift(
        nodeId,
        column,
        kind,
        h.subtasks(),
        reference,
        last,
        view,
        String.join("; ", problems.stream().distinct().toList()));
  }

  private static WindowDrift window(
      String column,
      ColumnHistory.Window w,
      Optional<LiveReference> reference,
      List<String> problems) {
    ColumnProfile current = null;
    Optional<ColumnDrift> drift = Optional.empty();
    if (reference.isPresent()) {
      try {
        current = LiveProfiles.against(reference.get().profile(), w.summary());
        drift = Optional.of(DriftCalculator.column(column, reference.get().profile(), current));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        current = null;
      }
    }
    if (current == null && w.summary().count() > 0) {
      current = LiveProfiles.reference(w.summary(), ProfileOptions.DEFAULTS);
    }
    return new WindowDrift(
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.start() + w.length()),
        w.windows(),
        w.summary().count() + w.summary().missing(),
        w.summary().missing(),
        Optional.ofNullable(current),
        drift);
  }
}
