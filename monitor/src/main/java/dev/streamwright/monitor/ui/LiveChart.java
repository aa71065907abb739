package dev.streamwright.monitor.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A ChartFX time chart of live figures: one bounded circular dataset per series, a time axis that
 * shows the last {@link #WINDOW} in local time, and optionally a second value axis and a marker
 * layer. Used on the FX thread only, from the view's pulse handler.
 */
final class LiveChart {

  /** How much history a chart shows. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Points kept per series: 15 min at 1 Hz, longer at slower polls. */
  static final int CAPACITY = 900;

  /**
   * The width in pixels of the columns a line is reduced to before drawing: per column its lowest
   * and highest point (see {@link EnvelopeReducer}). Measured on the software renderer with 50
   * lines of 900 points: 12 px costs less to draw than ChartFX's default (average points closer
   * than 6 px) and keeps every spike; 4 px cost a fifth more.
   */
  static final double COLUMN_PIXELS = 12;

  /** Above this many series the legend is hidden: it would crowd out the plot. */
  private static final int LEGEND_LIMIT = 12;

  private final XYChart chart;
  private final StackPane holder = new StackPane();
  private final DefaultNumericAxis time;
  private final ErrorDataSetRenderer lines;
  private final ErrorDataSetRenderer markers;
  private ErrorDataSetRenderer secondLines;
  private final Map<String, CircularDoubleErrorDataSet> series = new LinkedHashMap<>();
  private final Map<String, ErrorDataSetRenderer> rendererOf = new LinkedHashMap<>();
  private final ZoneId zone;
  private YValueIndicator line;
  private Instant latest = Instant.EPOCH;

  LiveChart(String valueName, String valueUnit, ZoneId zone) {
    this.zone = zone;
    time = new DefaultNumericAxis("time");
    time.setUnit(null);
    time.setSide(Side.BOTTOM);
    time.setTimeAxis(true);
    time.setAutoRanging(false);
    time.setAutoRangePadding(0);
    time.setMinorTickCount(0);
    DefaultNumericAxis value = valueAxis(valueName, valueUnit, Side.LEFT);
    chart = new XYChart(time, value);
    chart.getStyleClass().add("monitor-chart");
    chart.setAnimated(false);
    chart.setToolBarPinned(false);
    chart.getToolBar().setVisible(false);
    chart.getToolBar().setManaged(false);
    chart.setPrefSize(600, 260);
    chart.setMinHeight(160);
    holder.setPrefSize(600, 260);
    holder.setMinHeight(160);
    lines = lineRenderer();
    markers = lineRenderer();
    markers.setPolyLineStyle(LineStyle.NONE);
    markers.setDrawMarker(true);
    markers.setShowInLegend(false);
    chart.getRenderers().setAll(lines, markers);
    chart.getGridRenderer().setDrawOnTop(false);
    uncached(time);
    uncached(value);
    chart.getCanvas().setCache(false);
  }

  /**
   * ChartFX caches its canvases as bitmaps; a live chart redraws them on every update, so the cache
   * only doubles the software renderer's work (draw into the cache, then copy it).
   */
  private static void uncached(DefaultNumericAxis axis) {
    axis.getCanvas().setCache(false);
  }

  private static DefaultNumericAxis valueAxis(String name, String unit, Side side) {
    DefaultNumericAxis axis = new DefaultNumericAxis(name, unit);
    axis.setSide(side);
    axis.setMinorTickCount(0);
    axis.setAutoRanging(true);
    axis.setForceZeroInRange(true);
    axis.setAutoRangePadding(0.05);
    return axis;
  }

  private static ErrorDataSetRenderer lineRenderer() {
    ErrorDataSetRenderer r = new ErrorDataSetRenderer();
    r.setErrorStyle(ErrorStyle.NONE);
    r.setPolyLineStyle(LineStyle.NORMAL);
    r.setDrawMarker(false);
    r.setPointReduction(true);
    r.rendererDataReducerProperty().set(new EnvelopeReducer(COLUMN_PIXELS));
    r.setParallelImplementation(false);
    // With NaNs allowed ChartFX strokes each series as one path; otherwise it draws one line per
    // segment, which costs the software renderer ~10x more.
    r.setAllowNaNs(true);
    return r;
  }

  /** Adds a value axis on the right, for series added with {@link #addSecondSeries}. */
  LiveChart withSecondAxis(String name, String unit) {
    DefaultNumericAxis axis = valueAxis(name, unit, Side.RIGHT);
    uncached(axis);
    secondLines = lineRenderer();
    secondLines.getAxes().add(axis);
    chart.getRenderers().add(secondLines);
    return this;
  }

  /** Adds a horizontal line at a value, e.g. the latency objective. */
  LiveChart withLine(String text, double at) {
    line = new YValueIndicator(chart.getYAxis(), at, text);
    line.setEditable(false);
    chart.getPlugins().add(line);
    return this;
  }

  /** Moves the horizontal line. */
  void moveLine(String text, double at) {
    if (line != null) {
      line.setValue(at);
      line.setText(text);
    }
  }

  /** The chart node. */
  Region node() {
    return holder;
  }

  /**
   * Puts the chart into its place while its panel shows and takes it out while it is hidden: the
   * data keeps coming either way, but a chart out of the scene does not redraw, and JavaFX would
   * otherwise still rasterise every redraw of a hidden canvas.
   */
  void attach(boolean showing) {
    if (showing && holder.getChildren().isEmpty()) {
      holder.getChildren().add(chart);
    } else if (!showing && !holder.getChildren().isEmpty()) {
      holder.getChildren().clear();
    }
  }

  /** Whether the chart is in the scene. */
  boolean attached() {
    return !holder.getChildren().isEmpty();
  }

  /** Appends a point to a series on the left axis, creating the series on first use. */
  void add(String key, String label, Instant at, double value) {
    add(key, label, at, value, lines);
  }

  /** Appends a point to a series on the right axis. */
  void addSecondSeries(String key, String label, Instant at, double value) {
    add(key, label, at, value, secondLines == null ? lines : secondLines);
  }

  /** Appends a point to a marker-only series (no line), e.g. objective breaches. */
  void mark(String key, String label, Instant at, double value, String styleClass) {
    boolean created = !series.containsKey(key);
    add(key, label, at, value, markers);
    if (created) {
      series.get(key).addStyleClasses(styleClass);
    }
  }

  private void add(String key, String label, Instant at, double value, ErrorDataSetRenderer r) {
    if (!Double.isFinite(value)) {
      return;
    }
    CircularDoubleErrorDataSet ds = series.computeIfAbsent(key, k -> create(k, label, r));
    double x = x(at);
    int n = ds.getDataCount();
    if (n > 0 && ds.get(DataSet.DIM_X, n - 1) >= x) {
      return; // the same poll drawn again (e.g. after an objective change)
    }
    ds.add(x, value, 0, 0);
    if (at.isAfter(latest)) {
      latest = at;
    }
  }

  private CircularDoubleErrorDataSet create(String key, String label, ErrorDataSetRenderer r) {
    CircularDoubleErrorDataSet ds = new CircularDoubleErrorDataSet(label, CAPACITY);
    rendererOf.put(key, r);
    r.getDatasets().add(ds);
    chart.setLegendVisible(series.size() + 1 <= LEGEND_LIMIT);
    return ds;
  }

  /**
   * Puts past points before a series' live ones, creating the series; past points that are not
   * older than its first live point, or not in time order, are skipped.
   */
  void seed(String key, String label, List<ChartHistory.Point> past, boolean secondAxis) {
    ErrorDataSetRenderer r = secondAxis && secondLines != null ? secondLines : lines;
    CircularDoubleErrorDataSet ds = series.get(key);
    int n = ds == null ? 0 : ds.getDataCount();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = ds.get(DataSet.DIM_X, i);
      ys[i] = ds.get(DataSet.DIM_Y, i);
    }
    if (ds == null) {
      ds = create(key, label, r);
      series.put(key, ds);
    } else {
      ds.reset();
    }
    double first = n == 0 ? Double.POSITIVE_INFINITY : xs[0];
    double last = Double.NEGATIVE_INFINITY;
    for (ChartHistory.Point p : past) {
      double x = x(p.at());
      if (x < first && x > last && Double.isFinite(p.value())) {
        ds.add(x, p.value(), 0, 0);
        last = x;
        if (p.at().isAfter(latest)) {
          latest = p.at();
        }
      }
    }
    for (int i = 0; i < n; i++) {
      ds.add(xs[i], ys[i], 0, 0);
    }
  }

  /**
   * Shows only the given series (others keep their data), e.g. the selected sink's; the legend
   * shows when they are few enough to read.
   */
  void showOnly(Collection<String> keys) {
    chart.setLegendVisible(keys.size() <= LEGEND_LIMIT);
    for (Map.Entry<String, CircularDoubleErrorDataSet> e : series.entrySet()) {
      ErrorDataSetRenderer r = rendererOf.get(e.getKey());
      List<DataSet> shown = r.getDatasets();
      boolean wanted = keys.contains(e.getKey());
      if (wanted && !shown.contains(e.getValue())) {
        shown.add(e.getValue());
      } else if (!wanted) {
        shown.remove(e.getValue());
      }
    }
  }

  /** Moves the time axis so it ends at the newest point and spans {@link #WINDOW}. */
  void scroll() {
    if (latest.equals(Instant.EPOCH)) {
      return;
    }
    double end = x(latest);
    time.set(end - WINDOW.toSeconds(), end);
  }

  /** The keys of the series, in order of creation. */
  List<String> keys() {
    return new ArrayList<>(series.keySet());
  }

  /** The keys of the series the chart draws. */
  List<String> shownKeys() {
    List<String> shown = new ArrayList<>();
    series.forEach(
        (key, ds) -> {
          if (rendererOf.get(key).getDatasets().contains(ds)) {
            shown.add(key);
          }
        });
    return shown;
  }

  /** The number of points a series holds (0 if it does not exist). */
  int points(String key) {
    CircularDoubleErrorDataSet ds = series.get(key);
    return ds == null ? 0 : ds.getDataCount();
  }

  /** The newest value of a series. */
  double last(String key) {
    CircularDoubleErrorDataSet ds = series.get(key);
    return ds == null || ds.getDataCount() == 0
        ? Double.NaN
        : ds.get(DataSet.DIM_Y, ds.getDataCount() - 1);
  }

  /** The ChartFX chart, for tests and the benchmark. */
  XYChart chart() {
    return chart;
  }

  /** The chart's value axis on the left. */
  Axis valueAxis() {
    return chart.getYAxis();
  }

  private double x(Instant at) {
    // The time axis formats in UTC: shift by the zone's offset so it reads local wall-clock time.
    return at.toEpochMilli() / 1000.0 + zone.getRules().getOffset(at).getTotalSeconds();
  }
}
