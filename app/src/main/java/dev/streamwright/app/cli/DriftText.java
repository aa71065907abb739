package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.NodeDrift;
import dev.streamwright.monitor.drift.live.WindowDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The drift section of {@code streamwright monitor}: per tapped node and column the default measure
 * of the sliding view (the last 15 one-minute windows), its value and status, the last window's
 * status, missing values, and the node's dataset drift share; and the same as JSON.
 */
final class DriftText {

  private DriftText() {}

  /** The table, or nothing when no node is tapped. */
  static String table(DriftReport report, Map<String, String> names) {
    StringBuilder out = new StringBuilder();
    report.problem().ifPresent(p -> out.append("\nDRIFT not read: ").append(p).append('\n'));
    for (NodeDrift node : report.nodes()) {
      String name = names.getOrDefault(node.nodeId(), node.nodeId());
      out.append('\n')
          .append("DRIFT node ")
          .append(name.equals(node.nodeId()) ? name : name + " (" + node.nodeId() + ")")
          .append(": dataset ")
          .append(dataset(node.view()))
          .append(" (15 min), ")
          .append(dataset(node.lastWindow()))
          .append(" (last window)\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"COLUMN", "MEASURE", "VALUE", "STATUS", "LAST WINDOW", "MISSING", "NOTE"});
      for (ColumnLiveDrift c : node.columns()) {
        Optional<ColumnDrift> view = c.view().flatMap(WindowDrift::drift);
        Optional<ColumnDrift> last = c.lastWindow().flatMap(WindowDrift::drift);
        rows.add(
            new String[] {
              c.column(),
              view.map(d -> d.method().name().toLowerCase(Locale.ROOT)).orElse("-"),
              view.map(d -> value(d.value())).orElse("-"),
              view.map(d -> d.status().name()).orElse("-"),
              last.map(d -> d.status().name()).orElse("-"),
              c.view().map(w -> w.missing() + " of " + w.rows()).orElse("-"),
              c.problem()
            });
      }
      SnapshotText.table(out, rows);
    }
    return out.toString();
  }

  /** The JSON object of a report. */
  static ObjectNode json(DriftReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("at", report.at().toString());
    report.problem().ifPresentOrElse(p -> root.put("problem", p), () -> root.putNull("problem"));
    ObjectNode nodes = root.putObject("nodes");
    for (NodeDrift node : report.nodes()) {
      ObjectNode n = nodes.putObject(node.nodeId());
      number(n, "datasetDriftShare", node.view().share());
      n.put("datasetStatus", node.view().status().name());
      number(n, "lastWindowDatasetDriftShare", node.lastWindow().share());
      ObjectNode columns = n.putObject("columns");
      for (ColumnLiveDrift c : node.columns()) {
        ObjectNode o = columns.putObject(c.column());
        o.put("kind", c.kind());
        c.reference()
            .ifPresentOrElse(r -> o.put("reference", r.source()), () -> o.putNull("reference"));
        window(o, "view", c.view());
        window(o, "lastWindow", c.lastWindow());
        o.put("problem", c.problem());
      }
    }
    return root;
  }

  private static void window(ObjectNode o, String field, Optional<WindowDrift> w) {
    if (w.isEmpty()) {
      o.putNull(field);
      return;
    }
    ObjectNode v = o.putObject(field);
    v.put("start", w.get().start().toString());
    v.put("end", w.get().end().toString());
    v.put("windows", w.get().windows());
    v.put("rows", w.get().rows());
    v.put("missing", w.get().missing());
    w.get()
        .drift()
        .ifPresentOrElse(
            d -> {
              v.put("measure", d.method().name().toLowerCase(Locale.ROOT));
              number(v, "value", d.value());
              v.put("status", d.status().name());
            },
            () -> v.putNull("measure"));
  }

  private static void number(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  private static String dataset(DatasetDrift d) {
    return Double.isFinite(d.share())
        ? String.format(Locale.ROOT, "%s, %d of %d drifted", d.status(), d.drifted(), d.withData())
        : d.status().name();
  }

  private static String value(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
  }
}
