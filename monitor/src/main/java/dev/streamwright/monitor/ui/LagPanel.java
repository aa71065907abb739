package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.lag.PartitionLag;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Consumer lag of the pipeline's Kafka sources: per group, topic and partition, with Flink's own
 * source figures beside and a chart of the largest time lag and the total offset lag.
 */
final class LagPanel extends MonitorPanel {

  /** The note about Flink's commits, shown above the table. */
  static final String COMMIT_NOTE =
      "A Flink source commits its offsets to Kafka only when a checkpoint completes, so committed"
          + " offsets (and the lag computed from them) trail by up to one checkpoint. Flink's own"
          + " source figures beside the table are the fresher view.";

  /** What a row of the lag table is. */
  enum Kind {
    GROUP,
    TOPIC,
    PARTITION
  }

  /** One row of the lag table, formatted. */
  record Row(
      String key,
      Kind kind,
      String nodeId,
      String group,
      String topic,
      String partition,
      String end,
      String committed,
      String offsetLag,
      String timeLagInterpolated,
      String timeLagDirect,
      String timeToClose,
      String status,
      LagStatus statusValue) {}

  /** One source node's own figures from Flink. */
  record SourceRow(String nodeId, String pending, String fetchLag, String emitLag) {}

  private static final List<String> ROW_CLASSES = List.of("group-row", "topic-row");

  static final String MAX_TIME_LAG = "lag.maxTimeLag";
  static final String TOTAL_OFFSET_LAG = "lag.totalOffsetLag";

  private final TableView<Row> table = Tables.table("lag-table", "No Kafka source to watch.");
  private final TableView<SourceRow> sources =
      Tables.table("lag-sources", "No figures from Flink's sources yet.");
  private final LiveChart chart;

  LagPanel(ZoneId zone) {
    super("lag-panel");
    Tables.column(table, "Group", Row::group).setPrefWidth(220);
    Tables.column(table, "Topic", Row::topic);
    Tables.number(table, "Partition", Row::partition);
    Tables.number(table, "End offset", Row::end);
    Tables.number(table, "Committed", Row::committed);
    Tables.number(table, "Offset lag", Row::offsetLag);
    Tables.number(table, "Time lag (interpolated)", Row::timeLagInterpolated);
    Tables.number(table, "Time lag (direct)", Row::timeLagDirect);
    Tables.number(table, "Time to close", Row::timeToClose);
    Tables.column(table, "Status", Row::status, r -> statusClass(r.statusValue()), false);
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                String cls = null;
                if (!empty && item != null && item.kind() != Kind.PARTITION) {
                  cls = item.kind() == Kind.GROUP ? "group-row" : "topic-row";
                }
                Tables.styleOnly(this, ROW_CLASSES, cls);
              }
            });

    Tables.column(sources, "Source node", SourceRow::nodeId);
    Tables.number(sources, "Pending records", SourceRow::pending);
    Tables.number(sources, "Fetch lag", SourceRow::fetchLag);
    Tables.number(sources, "Emit lag", SourceRow::emitLag);
    sources.setPrefWidth(420);

    chart = new LiveChart("max time lag", "s", zone).withSecondAxis("total offset lag", "records");

    Label note = new Label(COMMIT_NOTE);
    note.setId("lag-commit-note");
    note.getStyleClass().add("panel-note");
    note.setWrapText(true);
    note.setMaxWidth(Double.MAX_VALUE);
    note.setMinHeight(Region.USE_PREF_SIZE);
    Label sourcesTitle = new Label("Flink's source figures");
    sourcesTitle.getStyleClass().add("panel-subtitle");
    VBox sourceBox = new VBox(4, sourcesTitle, sources);
    VBox.setVgrow(sources, Priority.ALWAYS);
    HBox bottom = new HBox(8, sourceBox, chart.node());
    HBox.setHgrow(chart.node(), Priority.ALWAYS);
    SplitPane split = new SplitPane(table, bottom);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    VBox body = new VBox(6, note, split);
    VBox.setVgrow(split, Priority.ALWAYS);
    body(body);
  }

  @Override
  boolean live(MonitorSnapshot s) {
    return fresh(s.kafka());
  }

  @Override
  String staleReason(MonitorSnapshot s, ZoneId zone) {
    return linkNote("Kafka", s.kafka(), zone);
  }

  @Override
  void show(MonitorSnapshot s, Context context) {
    Tables.replace(table, rows(s.lag()), Row::key);
    Tables.replace(sources, sourceRows(s), SourceRow::nodeId);
  }

  @Override
  void chart(MonitorSnapshot s, Context context) {
    if (!s.lag().isEmpty()) {
      Duration maxTime =
          s.lag().stream()
              .map(GroupLag::maxTimeLag)
              .flatMap(Optional::stream)
              .max(Duration::compareTo)
              .orElse(null);
      if (maxTime != null) {
        chart.add(MAX_TIME_LAG, "max time lag (s)", s.at(), maxTime.toMillis() / 1000.0);
      }
      long total = s.lag().stream().mapToLong(GroupLag::totalLag).sum();
      chart.addSecondSeries(TOTAL_OFFSET_LAG, "total offset lag", s.at(), total);
      chart.scroll();
    }
  }

  @Override
  void showing(boolean showing) {
    chart.attach(showing);
  }

  @Override
  void seed(ChartHistory.Series series, List<ChartHistory.Point> points) {
    switch (series.figure()) {
      case MAX_TIME_LAG_SECONDS -> chart.seed(MAX_TIME_LAG, "max time lag (s)", points, false);
      case TOTAL_OFFSET_LAG -> chart.seed(TOTAL_OFFSET_LAG, "total offset lag", points, true);
      default -> {
        return;
      }
    }
    chart.scroll();
  }

  @Override
  boolean focus(String nodeId) {
    boolean found = Tables.select(table, nodeId, r -> r.kind() == Kind.GROUP ? r.nodeId() : null);
    return Tables.select(sources, nodeId, SourceRow::nodeId) || found;
  }

  /** The table's rows: each group, then per topic its total and its partitions. */
  static List<Row> rows(List<GroupLag> groups) {
    List<Row> rows = new ArrayList<>();
    for (GroupLag g : groups) {
      String groupTitle = g.group() + " (" + g.nodeId() + ")";
      rows.add(
          new Row(
              "g/" + g.group(),
              Kind.GROUP,
              g.nodeId(),
              groupTitle,
              topicsOf(g).size() + " topic(s)",
              g.partitions().size() + " partitions",
              "",
              "",
              g.noCommit() && !g.partitions().isEmpty()
                  ? "no commit"
                  : Fmt.count(g.totalLag()) + " total",
              g.maxTimeLag().map(d -> Fmt.duration(d) + " max").orElse(Fmt.UNKNOWN),
              "",
              "",
              g.status().name(),
              g.status()));
      Map<String, Long> perTopic = g.lagPerTopic();
      for (String topic : topicsOf(g)) {
        List<PartitionLag> parts =
            g.partitions().stream().filter(p -> p.topic().equals(topic)).toList();
        LagStatus topicStatus =
            parts.stream().map(PartitionLag::status).reduce(LagStatus.OK, LagStatus::worst);
        boolean topicNoCommit = parts.stream().allMatch(p -> p.committed().isEmpty());
        rows.add(
            new Row(
                "t/" + g.group() + "/" + topic,
                Kind.TOPIC,
                g.nodeId(),
                "",
                topic,
                "",
                "",
                "",
                topicNoCommit ? "no commit" : Fmt.count(perTopic.getOrDefault(topic, 0L)) + " sum",
                "",
                "",
                "",
                topicStatus.name(),
                topicStatus));
        for (PartitionLag p : parts) {
          rows.add(partitionRow(g, p));
        }
      }
    }
    return rows;
  }

  private static Row partitionRow(GroupLag g, PartitionLag p) {
    return new Row(
        "p/" + g.group() + "/" + p.topic() + "/" + p.partition(),
        Kind.PARTITION,
        g.nodeId(),
        "",
        p.topic(),
        Integer.toString(p.partition()),
        Fmt.count(p.endOffset()),
        p.committed().isPresent() ? Fmt.count(p.committed().getAsLong()) : "no commit",
        p.offsetLag().isPresent() ? Fmt.count(p.offsetLag().getAsLong()) : "no commit",
        Fmt.duration(p.timeLagInterpolated()),
        Fmt.duration(p.timeLagDirect()),
        Fmt.duration(p.timeToClose()),
        p.status().name(),
        p.status());
  }

  private static Set<String> topicsOf(GroupLag g) {
    Set<String> topics = new LinkedHashSet<>();
    g.partitions().forEach(p -> topics.add(p.topic()));
    return topics;
  }

  /** The source nodes' own figures: the groups' nodes and any node that reports source metrics. */
  static List<SourceRow> sourceRows(MonitorSnapshot s) {
    Set<String> ids = new LinkedHashSet<>();
    s.lag().forEach(g -> ids.add(g.nodeId()));
    s.nodes().values().stream()
        .filter(LagPanel::isSource)
        .map(NodeFigures::nodeId)
        .sorted()
        .forEach(ids::add);
    List<SourceRow> rows = new ArrayList<>();
    for (String id : ids) {
      NodeFigures n = s.nodes().get(id);
      rows.add(
          n == null
              ? new SourceRow(id, Fmt.UNKNOWN, Fmt.UNKNOWN, Fmt.UNKNOWN)
              : new SourceRow(
                  id,
                  Fmt.count(n.pendingRecords()),
                  Fmt.duration(n.fetchLag()),
                  Fmt.duration(n.emitLag())));
    }
    return rows;
  }

  /** Whether a node reports figures only sources have. */
  static boolean isSource(NodeFigures n) {
    return n.pendingRecords().isPresent() || n.fetchLag().isPresent() || n.emitLag().isPresent();
  }

  /** The style class of a lag status. */
  static String statusClass(LagStatus status) {
    return "status-" + status.name().toLowerCase(Locale.ROOT);
  }

  // For tests.
  TableView<Row> table() {
    return table;
  }

  TableView<SourceRow> sources() {
    return sources;
  }

  LiveChart chart() {
    return chart;
  }
}
