package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.MeasureResult;
import dev.streamwright.monitor.drift.NumericProfile;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The drift panel: a table of the monitored columns (node, column, the status measure's value,
 * status, missing values) under the dataset's drift share, and for the selected column its measures
 * over time and its reference and current histograms side by side. Status colours are the monitor's
 * (green no drift, amber moderate, red major or drift, grey no data) in both themes.
 *
 * <p>A live deployment is shown over two spans, chosen above the table: its last closed window, or
 * its sliding view (the last {@value #VIEW_WINDOWS} windows merged, 15 minutes with the default
 * one-minute window). "Use the last hour as reference" hands the selected column to the action set
 * with {@link #setOnUseLastHour}, whose outcome is said in words with {@link #message}.
 *
 * <p>{@link #show(DriftView)} and {@link #show(DriftView, DriftView)} may be called from any
 * thread; the newest views are drawn at the next pulse. Call {@link #dispose()} when the panel is
 * closed.
 */
public final class DriftPanel extends BorderPane {

  /** One table row, formatted. */
  record Row(
      String key,
      String nodeId,
      String column,
      String measure,
      String value,
      DriftStatus status,
      String missing) {}

  /** Which span of live data the table and charts show. */
  public enum Span {
    /** The last closed window. */
    LAST_WINDOW,
    /** The sliding view: the last windows merged. */
    SLIDING_VIEW
  }

  /** Windows merged in the sliding view, as the monitor merges them. */
  static final int VIEW_WINDOWS = 15;

  /**
   * The newest views offered: the last window's, the sliding view's when there is one, and whether
   * they are a live deployment's spans (then the share line names the span).
   */
  private record Views(DriftView window, DriftView sliding, boolean live) {}

  private static final String STYLESHEET =
      Objects.requireNonNull(DriftPanel.class.getResource("monitor.css")).toExternalForm();

  private final ZoneId zone;
  private final Coalescer<Views> coalescer = new Coalescer<>(this::draw);
  private final ToggleGroup spans = new ToggleGroup();
  private final ToggleButton lastWindow = new ToggleButton("Last window");
  private final ToggleButton slidingView =
      new ToggleButton("Last " + VIEW_WINDOWS + " windows (15 min at 1-min windows)");
  private final Button useLastHour = new Button("Use the last hour as reference");
  private final Label message = new Label();
  private BiConsumer<String, String> onUseLastHour;
  private Views views;
  private final Label share = new Label("No drift measured yet.");
  private final TableView<Row> table =
      Tables.table(
          "drift-table", "No monitored column: add a Model score node or monitor a column.");
  private final LiveChart measures;
  private final BarChart<String, Number> histogram;
  private final Label histogramTitle = new Label();
  private DriftView shown;

  /** A panel in the system's time zone. */
  public DriftPanel() {
    this(ZoneId.systemDefault());
  }

  /** A panel that writes times in the given zone. */
  DriftPanel(ZoneId zone) {
    this.zone = zone;
    setId("drift-panel");
    getStyleClass().addAll("monitor-view", "monitor-panel", "drift-panel");
    getStylesheets().add(STYLESHEET);
    share.setId("drift-share");
    share.getStyleClass().add("panel-subtitle");
    Tables.column(table, "Node", Row::nodeId).setPrefWidth(100);
    Tables.column(table, "Column", Row::column).setPrefWidth(130);
    Tables.column(table, "Measure", Row::measure).setPrefWidth(150);
    Tables.column(table, "Value", Row::value, r -> styleOf(r.status()), true).setPrefWidth(70);
    Tables.column(table, "Status", r -> statusText(r.status()), r -> styleOf(r.status()), false)
        .setPrefWidth(80);
    Tables.number(table, "Missing", Row::missing).setPrefWidth(80);
    measures = new LiveChart("value", null, zone);
    CategoryAxis bins = new CategoryAxis();
    bins.setLabel("bin");
    bins.setAnimated(false);
    NumberAxis percent = new NumberAxis();
    percent.setLabel("% of values");
    percent.setAnimated(false);
    histogram = new BarChart<>(bins, percent);
    histogram.setId("drift-histogram");
    histogram.getStyleClass().add("drift-histogram");
    histogram.setAnimated(false);
    histogram.setCategoryGap(6);
    histogram.setBarGap(1);
    histogram.setPrefSize(600, 260);
    histogramTitle.getStyleClass().add("panel-subtitle");
    histogramTitle.setId("drift-histogram-title");
    Label measuresTitle = new Label("Measures over time");
    measuresTitle.getStyleClass().add("panel-subtitle");
    VBox charts = new VBox(4, measuresTitle, measures.node(), histogramTitle, histogram);
    VBox.setVgrow(measures.node(), Priority.ALWAYS);
    VBox.setVgrow(histogram, Priority.ALWAYS);
    lastWindow.setId("drift-span-window");
    lastWindow.setToggleGroup(spans);
    lastWindow.setUserData(Span.LAST_WINDOW);
    slidingView.setId("drift-span-view");
    slidingView.setToggleGroup(spans);
    slidingView.setUserData(Span.SLIDING_VIEW);
    slidingView.setDisable(true);
    spans.selectToggle(lastWindow);
    spans
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                spans.selectToggle(was); // one span is always shown
              } else {
                render();
              }
            });
    useLastHour.setId("drift-use-last-hour");
    useLastHour.setDisable(true);
    useLastHour.setTooltip(
        new javafx.scene.control.Tooltip(
            "Compare the selected column with its live data of the last hour from now on"));
    useLastHour.setOnAction(e -> useLastHour());
    message.setId("drift-message");
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox bar = new HBox(4, lastWindow, slidingView, new javafx.scene.layout.Region(), useLastHour);
    HBox.setHgrow(bar.getChildren().get(2), Priority.ALWAYS);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(6, bar, share, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    SplitPane split = new SplitPane(left, charts);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.48);
    setPadding(new Insets(8));
    setCenter(split);
    measures.attach(true);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selected());
  }

  /** Shows a window's drift, from any thread; drawn at the next pulse. */
  public void show(DriftView view) {
    coalescer.offer(new Views(view, null, false));
  }

  /**
   * Shows a live deployment's drift over its last window and its sliding view (null while it has
   * none), from any thread; drawn at the next pulse in the span chosen.
   */
  public void show(DriftView window, DriftView sliding) {
    coalescer.offer(new Views(Objects.requireNonNull(window, "window"), sliding, true));
  }

  /** The span shown; on the FX thread. */
  public Span span() {
    return (Span) spans.getSelectedToggle().getUserData();
  }

  /** Shows a span; on the FX thread. */
  public void setSpan(Span span) {
    spans.selectToggle(span == Span.SLIDING_VIEW ? slidingView : lastWindow);
  }

  /**
   * What "Use the last hour as reference" does with the selected column's node id and name, on the
   * FX thread (it must hand slow work to another thread); without one the button stays disabled.
   */
  public void setOnUseLastHour(BiConsumer<String, String> action) {
    this.onUseLastHour = action;
    selected();
  }

  /** Says what an action did, or why it failed, under the table; on the FX thread. */
  public void message(String text, boolean error) {
    message.setText(text);
    Tables.styleOnly(message, Tables.CELL_CLASSES, error ? "level-high" : null);
    if (!error) {
      message.getStyleClass().remove("level-high");
    }
  }

  private void useLastHour() {
    Row row = table.getSelectionModel().getSelectedItem();
    if (row != null && onUseLastHour != null) {
      message("Freezing the last hour of " + row.column() + " (" + row.nodeId() + ")…", false);
      onUseLastHour.accept(row.nodeId(), row.column());
    }
  }

  /**
   * Selects a column by {@code nodeId/column} (or the first column of a node); on the FX thread.
   */
  public boolean focus(String key) {
    return Tables.select(table, key, Row::key) || Tables.select(table, key, Row::nodeId);
  }

  /** Stops the panel's timer; on the FX thread. */
  public void dispose() {
    coalescer.stop();
  }

  private void draw(Views next) {
    views = next;
    slidingView.setDisable(next.sliding() == null);
    record(next.window(), "");
    if (next.sliding() != null) {
      record(next.sliding(), SLIDING);
    }
    render();
  }

  /** The prefix of the sliding view's measure series. */
  private static final String SLIDING = "view:";

  /** Adds a view's measures to the measures over time. */
  private void record(DriftView view, String prefix) {
    for (DriftView.Column c : view.columns()) {
      for (MeasureResult m : c.drift().measures()) {
        measures.add(
            prefix + c.key() + "#" + m.method(), methodName(m.method()), view.at(), m.value());
      }
    }
  }

  private boolean slidingShown() {
    return views != null && views.sliding() != null && span() == Span.SLIDING_VIEW;
  }

  /** Draws the views in the span chosen. */
  private void render() {
    if (views == null) {
      return;
    }
    DriftView view = slidingShown() ? views.sliding() : views.window();
    shown = view;
    DatasetDrift d = view.dataset();
    String span =
        !views.live()
            ? ""
            : slidingShown() ? "Last " + VIEW_WINDOWS + " windows. " : "Last window. ";
    share.setText(span + shareText(view, zone));
    Tables.styleOnly(share, Tables.CELL_CLASSES, styleOf(d.status()));
    List<Row> rows = new ArrayList<>();
    for (DriftView.Column c : view.columns()) {
      ColumnDrift drift = c.drift();
      rows.add(
          new Row(
              c.key(),
              c.nodeId(),
              drift.column(),
              c.referenced() ? methodName(drift.method()) : "no reference",
              value(drift.value()),
              drift.status(),
              missing(drift)));
    }
    Tables.replace(table, rows, Row::key);
    if (table.getSelectionModel().isEmpty() && !rows.isEmpty()) {
      table.getSelectionModel().select(0);
    }
    selected();
    measures.scroll();
  }

  private void selected() {
    Row row = table.getSelectionModel().getSelectedItem();
    DriftView.Column column = row == null || shown == null ? null : columnOf(row.key());
    useLastHour.setDisable(column == null || onUseLastHour == null);
    if (column == null) {
      measures.showOnly(List.of());
      histogram.getData().clear();
      histogramTitle.setText("Reference and current distribution");
      return;
    }
    List<String> keys = new ArrayList<>();
    for (MeasureResult m : column.drift().measures()) {
      keys.add((slidingShown() ? SLIDING : "") + column.key() + "#" + m.method());
    }
    measures.showOnly(keys);
    histogramTitle.setText(
        "Reference and current distribution of "
            + column.drift().column()
            + " ("
            + column.nodeId()
            + ")");
    histogram
        .getData()
        .setAll(
            series("reference", column.reference(), column.reference()),
            series("current", column.reference(), column.current()));
  }

  private DriftView.Column columnOf(String key) {
    for (DriftView.Column c : shown.columns()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }

  /** One histogram series: each bin's share of the profile's counted values, in percent. */
  private static XYChart.Series<String, Number> series(
      String name, ColumnProfile reference, ColumnProfile profile) {
    List<String> labels = binLabels(reference);
    long[] counts = profile.counts();
    long total = 0;
    for (long n : counts) {
      total += n;
    }
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (int i = 0; i < labels.size() && i < counts.length; i++) {
      s.getData()
          .add(new XYChart.Data<>(labels.get(i), total == 0 ? 0 : 100.0 * counts[i] / total));
    }
    return s;
  }

  /**
   * The labels of a reference's bins: for a numeric column the underflow bin, each inner bin and
   * the overflow bin; for a categorical one its categories and other.
   */
  static List<String> binLabels(ColumnProfile reference) {
    List<String> out = new ArrayList<>();
    if (reference instanceof NumericProfile n) {
      double[] e = n.edges();
      // As many significant digits as it takes to tell the bins apart (a category axis merges
      // equal labels).
      for (int digits = 3; digits <= 17; digits++) {
        out.clear();
        out.add("< " + edge(e[0], digits));
        if (e.length == 1) {
          out.add("= " + edge(e[0], digits));
        }
        for (int i = 1; i < e.length; i++) {
          out.add(edge(e[i - 1], digits) + " – " + edge(e[i], digits));
        }
        out.add("> " + edge(e[e.length - 1], digits));
        if (new java.util.HashSet<>(out).size() == out.size()) {
          break;
        }
      }
    } else if (reference instanceof CategoricalProfile c) {
      out.addAll(c.categories());
      out.add(CategoricalProfile.OTHER);
    }
    return out;
  }

  private static String edge(double v, int digits) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }
    java.math.BigDecimal b =
        new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  static String shareText(DriftView view, ZoneId zone) {
    DatasetDrift d = view.dataset();
    String at = " at " + Fmt.clock(view.at(), zone);
    if (d.status() == DriftStatus.NO_DATA) {
      return "Dataset drift: no column had data in the window" + at + ".";
    }
    return String.format(
        Locale.ROOT,
        "Dataset drift: %d of %d columns drifted (%s, threshold %s): %s%s.",
        d.drifted(),
        d.withData(),
        Fmt.percent(d.share()),
        Fmt.percent(d.threshold()),
        d.status() == DriftStatus.DRIFT ? "drift" : "no drift",
        at);
  }

  static String methodName(DriftMethod m) {
    return switch (m) {
      case PSI -> "PSI";
      case JENSEN_SHANNON -> "Jensen-Shannon";
      case KOLMOGOROV_SMIRNOV -> "KS p-value";
      case WASSERSTEIN -> "Wasserstein (norm.)";
      case CHI_SQUARED -> "Chi-squared p-value";
    };
  }

  static String statusText(DriftStatus s) {
    return switch (s) {
      case NO_DATA -> "no data";
      case NO_DRIFT -> "no drift";
      case MODERATE -> "moderate";
      case MAJOR -> "major";
      case DRIFT -> "drift";
    };
  }

  /** The style class of a status: the monitor's green, amber, red and grey. */
  static String styleOf(DriftStatus s) {
    return switch (s) {
      case NO_DATA -> "muted";
      case NO_DRIFT -> "level-ok";
      case MODERATE -> "level-low";
      case MAJOR, DRIFT -> "level-high";
    };
  }

  private static String value(double v) {
    return Double.isNaN(v) ? Fmt.UNKNOWN : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String missing(ColumnDrift d) {
    if (d.currentRows() == 0) {
      return "0";
    }
    return Fmt.count(d.currentMissing())
        + " ("
        + Fmt.percent((double) d.currentMissing() / d.currentRows())
        + ")";
  }

  // For tests (package-private).

  TableView<Row> table() {
    return table;
  }

  BarChart<String, Number> histogram() {
    return histogram;
  }

  LiveChart measures() {
    return measures;
  }

  String shareLabel() {
    return share.getText();
  }

  String messageText() {
    return message.getText();
  }

  Button useLastHourButton() {
    return useLastHour;
  }

  long draws() {
    return coalescer.draws();
  }
}
