package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.Backpressure;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Records in and out per second, busy, back-pressured and idle time and the back-pressure level per
 * node, with a chart of each node's records per second.
 */
final class ThroughputPanel extends MonitorPanel {

  /** One node's row, formatted. */
  record Row(
      String nodeId,
      String in,
      String out,
      String busy,
      String backPressured,
      String idle,
      String level,
      Backpressure levelValue,
      String task) {}

  /** How many nodes the chart draws when no row is selected: the busiest ones. */
  static final int DEFAULT_CHARTED = 10;

  private final TableView<Row> table = Tables.table("throughput-table", "No node figures yet.");
  private final LiveChart chart;
  private final Label charted = new Label();
  private Map<String, Double> lastRates = Map.of();
  private boolean replacing;

  ThroughputPanel(ZoneId zone) {
    super("throughput-panel");
    Tables.column(table, "Node", Row::nodeId);
    Tables.number(table, "Records in/s", Row::in);
    Tables.number(table, "Records out/s", Row::out);
    Tables.number(table, "Busy", Row::busy);
    Tables.number(table, "Back-pressured", Row::backPressured);
    Tables.number(table, "Idle", Row::idle);
    Tables.column(
        table,
        "Back-pressure",
        Row::level,
        r -> "level-" + r.levelValue().name().toLowerCase(Locale.ROOT),
        false);
    Tables.column(table, "Task", Row::task, r -> r.task().isEmpty() ? null : "muted", false);
    chart = new LiveChart("records/s (in; out for sources)", "1/s", zone);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table
        .getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<Row>)
                c -> {
                  if (!replacing) {
                    chooseSeries();
                  }
                });
    charted.setId("throughput-charted");
    charted.getStyleClass().add("panel-note");
    VBox chartBox = new VBox(4, charted, chart.node());
    VBox.setVgrow(chart.node(), Priority.ALWAYS);
    SplitPane split = new SplitPane(table, chartBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.5);
    body(split);
  }

  @Override
  boolean live(MonitorSnapshot s) {
    return fresh(s.flink());
  }

  @Override
  String staleReason(MonitorSnapshot s, ZoneId zone) {
    return linkNote("Flink", s.flink(), zone);
  }

  @Override
  void show(MonitorSnapshot s, Context context) {
    List<Row> rows = new ArrayList<>();
    for (NodeFigures n : new TreeMap<>(s.nodes()).values()) {
      rows.add(row(n));
    }
    replacing = true;
    try {
      Tables.replace(table, rows, Row::nodeId);
    } finally {
      replacing = false;
    }
    chooseSeries();
  }

  @Override
  void chart(MonitorSnapshot s, Context context) {
    if (!s.nodes().isEmpty()) {
      Map<String, Double> rates = new HashMap<>();
      for (NodeFigures n : s.nodes().values()) {
        chart.add(n.nodeId(), n.nodeId(), s.at(), recordsPerSecond(n));
        rates.put(n.nodeId(), recordsPerSecond(n));
      }
      lastRates = rates;
      chooseSeries();
      chart.scroll();
    }
  }

  /**
   * Draws the selected nodes' series, or when none is selected the {@link #DEFAULT_CHARTED}
   * busiest: fifty lines in one chart read as noise and cost the renderer most of a frame.
   */
  private void chooseSeries() {
    List<String> keys =
        table.getSelectionModel().getSelectedItems().stream().map(Row::nodeId).toList();
    if (keys.isEmpty()) {
      keys =
          lastRates.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Double>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(DEFAULT_CHARTED)
              .map(Map.Entry::getKey)
              .toList();
      charted.setText(
          lastRates.size() > DEFAULT_CHARTED
              ? "Charted: the "
                  + DEFAULT_CHARTED
                  + " busiest of "
                  + lastRates.size()
                  + " nodes; select rows to chart others."
              : "Select rows to chart only those nodes.");
    } else {
      charted.setText("Charted: the " + keys.size() + " selected node(s).");
    }
    chart.showOnly(keys);
  }

  /** What the chart plots for a node: records in, or out for a node that reads none (a source). */
  static double recordsPerSecond(NodeFigures n) {
    return n.recordsInPerSecond() > 0 ? n.recordsInPerSecond() : n.recordsOutPerSecond();
  }

  static Row row(NodeFigures n) {
    Backpressure level = n.backpressure();
    return new Row(
        n.nodeId(),
        Fmt.rate(n.recordsInPerSecond()),
        Fmt.rate(n.recordsOutPerSecond()),
        Fmt.percent(n.busyRatio()),
        Fmt.percent(n.backPressuredRatio()),
        Fmt.percent(n.idleRatio()),
        level.name(),
        level,
        n.shared() ? "shared" : "");
  }

  @Override
  void showing(boolean showing) {
    chart.attach(showing);
  }

  @Override
  void seed(ChartHistory.Series series, List<ChartHistory.Point> points) {
    if (series.figure() == ChartHistory.Figure.RECORDS_PER_SECOND && !series.nodeId().isEmpty()) {
      chart.seed(series.nodeId(), series.nodeId(), points, false);
      chart.scroll();
    }
  }

  @Override
  boolean focus(String nodeId) {
    return Tables.select(table, nodeId, Row::nodeId);
  }

  // For tests.
  TableView<Row> table() {
    return table;
  }

  LiveChart chart() {
    return chart;
  }
}
