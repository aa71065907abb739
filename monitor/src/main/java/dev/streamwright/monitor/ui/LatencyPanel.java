package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.latency.LatencySummary;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * End-to-end latency per sink (percentiles over the sliding window against the objective) with a
 * chart of the selected sink's p50, p99 and max and the objective line, and watermark lag per
 * source and for the job.
 */
final class LatencyPanel extends MonitorPanel {

  /** One sink's row, formatted. */
  record Row(
      String nodeId,
      String column,
      String count,
      String p50,
      String p95,
      String p99,
      String p999,
      String max,
      String slo,
      String status,
      boolean breached) {}

  /** One node's watermark lag. */
  record WatermarkRow(String nodeId, String watermarkLag) {}

  private final TableView<Row> table = Tables.table("latency-table", "No sink with event time.");
  private final TableView<WatermarkRow> watermarks =
      Tables.table("watermark-table", "No watermark figures yet.");
  private final Label jobWatermark = new Label();
  private final LiveChart chart;
  private String chartSink;
  private Duration lineAt;

  LatencyPanel(ZoneId zone) {
    super("latency-panel");
    Tables.column(table, "Sink", Row::nodeId);
    Tables.column(table, "Event time", Row::column);
    Tables.number(table, "Rows in window", Row::count);
    Tables.number(table, "p50", Row::p50);
    Tables.number(table, "p95", Row::p95);
    Tables.number(table, "p99", Row::p99);
    Tables.number(table, "p99.9", Row::p999);
    Tables.number(table, "max", Row::max);
    Tables.number(table, "Objective", Row::slo);
    Tables.column(
        table, "p99 vs objective", Row::status, r -> r.breached() ? "breached" : "within", false);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> chartSink(now == null ? chartSink : now.nodeId()));

    Tables.column(watermarks, "Source", WatermarkRow::nodeId);
    Tables.number(watermarks, "Watermark lag", WatermarkRow::watermarkLag);
    watermarks.setPrefWidth(320);
    jobWatermark.setId("job-watermark-lag");

    chart = new LiveChart("latency", "ms", zone).withLine("objective", 1000);
    Label wmTitle = new Label("Watermark lag (now minus the lowest input watermark)");
    wmTitle.getStyleClass().add("panel-subtitle");
    wmTitle.setWrapText(true);
    VBox wmBox = new VBox(4, wmTitle, jobWatermark, watermarks);
    wmBox.setPrefWidth(320);
    VBox.setVgrow(watermarks, Priority.ALWAYS);
    HBox bottom = new HBox(8, wmBox, chart.node());
    HBox.setHgrow(chart.node(), Priority.ALWAYS);
    SplitPane split = new SplitPane(table, bottom);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.4);
    body(split);
  }

  @Override
  boolean live(MonitorSnapshot s) {
    return fresh(s.flink()) && fresh(s.kafka());
  }

  @Override
  String staleReason(MonitorSnapshot s, ZoneId zone) {
    return fresh(s.flink())
        ? linkNote("Kafka", s.kafka(), zone)
        : linkNote("Flink", s.flink(), zone);
  }

  @Override
  void show(MonitorSnapshot s, Context context) {
    List<Row> rows = new ArrayList<>();
    for (SinkLatency sink : new TreeMap<>(s.latency()).values()) {
      rows.add(row(sink, context));
    }
    Tables.replace(table, rows, Row::nodeId);
    Tables.replace(watermarks, watermarkRows(s), WatermarkRow::nodeId);
    jobWatermark.setText(
        "Job: " + s.job().flatMap(j -> j.watermarkLag()).map(Fmt::duration).orElse(Fmt.UNKNOWN));
    if (chartSink == null || !s.latency().containsKey(chartSink)) {
      chartSink(rows.isEmpty() ? null : rows.get(0).nodeId());
    }
    Duration shownSlo = sloOf(chartSink == null ? null : s.latency().get(chartSink), context);
    if (!shownSlo.equals(lineAt)) {
      lineAt = shownSlo;
      chart.moveLine("objective " + Fmt.millis(shownSlo.toMillis()), shownSlo.toMillis());
    }
  }

  @Override
  void chart(MonitorSnapshot s, Context context) {
    for (SinkLatency sink : s.latency().values()) {
      LatencySummary w = sink.window();
      if (w.isEmpty()) {
        continue;
      }
      String id = sink.nodeId();
      chart.add(id + "/p50", "p50", s.at(), w.p50());
      chart.add(id + "/p99", "p99", s.at(), w.p99());
      chart.add(id + "/max", "max", s.at(), w.max());
      if (breached(sink, context)) {
        chart.mark(id + "/breached", "p99 over objective", s.at(), w.p99(), "breach-marker");
      }
    }
    chart.showOnly(keysOf(chartSink));
    chart.scroll();
  }

  private void chartSink(String nodeId) {
    chartSink = nodeId;
    chart.showOnly(keysOf(nodeId));
  }

  private static Set<String> keysOf(String sink) {
    return sink == null
        ? Set.of()
        : Set.of(sink + "/p50", sink + "/p99", sink + "/max", sink + "/breached");
  }

  /** The objective a sink is held to: the view's, else the sink's own. */
  static Duration sloOf(SinkLatency sink, Context context) {
    return context.slo().orElse(sink == null ? Duration.ofSeconds(1) : sink.slo());
  }

  /** Whether a sink's p99 over the window is above its objective. */
  static boolean breached(SinkLatency sink, Context context) {
    return !sink.window().isEmpty() && sink.window().p99() > sloOf(sink, context).toMillis();
  }

  static Row row(SinkLatency sink, Context context) {
    LatencySummary w = sink.window();
    boolean breached = breached(sink, context);
    String slo = Fmt.millis(sloOf(sink, context).toMillis());
    if (w.isEmpty()) {
      return new Row(
          sink.nodeId(),
          sink.eventTimeColumn(),
          "0",
          Fmt.UNKNOWN,
          Fmt.UNKNOWN,
          Fmt.UNKNOWN,
          Fmt.UNKNOWN,
          Fmt.UNKNOWN,
          slo,
          "no rows in window",
          false);
    }
    return new Row(
        sink.nodeId(),
        sink.eventTimeColumn(),
        Fmt.count(w.count()),
        Fmt.millis(w.p50()),
        Fmt.millis(w.p95()),
        Fmt.millis(w.p99()),
        Fmt.millis(w.p999()),
        Fmt.millis(w.max()),
        slo,
        breached ? "breached" : "within",
        breached);
  }

  /** Watermark lag of the source nodes, or of every node that has one when none is a source. */
  static List<WatermarkRow> watermarkRows(MonitorSnapshot s) {
    List<NodeFigures> nodes = new ArrayList<>(new TreeMap<>(s.nodes()).values());
    Set<String> groupNodes = new HashSet<>();
    s.lag().forEach(g -> groupNodes.add(g.nodeId()));
    List<NodeFigures> sources =
        nodes.stream()
            .filter(n -> LagPanel.isSource(n) || groupNodes.contains(n.nodeId()))
            .toList();
    List<NodeFigures> shown = sources.isEmpty() ? nodes : sources;
    List<WatermarkRow> rows = new ArrayList<>();
    for (NodeFigures n : shown) {
      if (n.watermarkLag().isPresent() || !sources.isEmpty()) {
        rows.add(new WatermarkRow(n.nodeId(), Fmt.duration(n.watermarkLag())));
      }
    }
    return rows;
  }

  @Override
  void showing(boolean showing) {
    chart.attach(showing);
  }

  @Override
  void seed(ChartHistory.Series series, List<ChartHistory.Point> points) {
    String sink = series.nodeId();
    switch (series.figure()) {
      case LATENCY_P50_MS -> chart.seed(sink + "/p50", "p50", points, false);
      case LATENCY_P99_MS -> chart.seed(sink + "/p99", "p99", points, false);
      case LATENCY_MAX_MS -> chart.seed(sink + "/max", "max", points, false);
      default -> {
        return;
      }
    }
    chart.showOnly(keysOf(chartSink));
    chart.scroll();
  }

  @Override
  boolean focus(String nodeId) {
    return Tables.select(table, nodeId, Row::nodeId)
        || Tables.select(watermarks, nodeId, WatermarkRow::nodeId);
  }

  // For tests.
  TableView<Row> table() {
    return table;
  }

  TableView<WatermarkRow> watermarks() {
    return watermarks;
  }

  String jobWatermarkText() {
    return jobWatermark.getText();
  }

  LiveChart chart() {
    return chart;
  }

  String chartSink() {
    return chartSink;
  }
}
