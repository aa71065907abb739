package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.MonitorSeries;
import dev.streamwright.monitor.series.SeriesBucket;
import dev.streamwright.monitor.series.SeriesKey;
import dev.streamwright.monitor.series.SeriesPoint;
import dev.streamwright.monitor.series.SeriesStore;
import dev.streamwright.monitor.ui.ChartHistory;
import dev.streamwright.monitor.ui.ChartHistory.Figure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Monitor view's chart history from a monitor's series store: the raw points where there are
 * some, else the downsampled averages (a deployment reopened after a restart of the studio).
 */
final class ChartHistories {

  private ChartHistories() {}

  static ChartHistory of(SeriesStore store) {
    Map<ChartHistory.Series, List<ChartHistory.Point>> out = new HashMap<>();
    Map<Long, Double> totalLag = new java.util.TreeMap<>();
    Map<Long, Double> maxTimeLag = new java.util.TreeMap<>();
    for (SeriesKey key : store.keys()) {
      List<ChartHistory.Point> points = points(store, key);
      String scope = key.scope();
      String id = scope.contains(":") ? scope.substring(scope.indexOf(':') + 1) : "";
      switch (key.metric()) {
        case MonitorSeries.RECORDS_IN ->
            out.put(new ChartHistory.Series(Figure.RECORDS_PER_SECOND, id), points);
        case MonitorSeries.P50 ->
            out.put(new ChartHistory.Series(Figure.LATENCY_P50_MS, id), points);
        case MonitorSeries.P99 ->
            out.put(new ChartHistory.Series(Figure.LATENCY_P99_MS, id), points);
        case MonitorSeries.MAX ->
            out.put(new ChartHistory.Series(Figure.LATENCY_MAX_MS, id), points);
        case MonitorSeries.TOTAL_LAG ->
            points.forEach(p -> totalLag.merge(p.at().toEpochMilli(), p.value(), Double::sum));
        case MonitorSeries.MAX_TIME_LAG ->
            points.forEach(p -> maxTimeLag.merge(p.at().toEpochMilli(), p.value(), Math::max));
        default -> {}
      }
    }
    out.put(new ChartHistory.Series(Figure.TOTAL_OFFSET_LAG, ""), list(totalLag));
    out.put(new ChartHistory.Series(Figure.MAX_TIME_LAG_SECONDS, ""), list(maxTimeLag));
    return new ChartHistory(out);
  }

  private static List<ChartHistory.Point> points(SeriesStore store, SeriesKey key) {
    List<ChartHistory.Point> out = new ArrayList<>();
    List<SeriesPoint> raw = store.raw(key);
    if (!raw.isEmpty()) {
      raw.forEach(
          p -> out.add(new ChartHistory.Point(Instant.ofEpochMilli(p.epochMs()), p.value())));
      return out;
    }
    for (SeriesBucket b : store.history(key)) {
      out.add(new ChartHistory.Point(Instant.ofEpochMilli(b.startMs()), b.avg()));
    }
    return out;
  }

  private static List<ChartHistory.Point> list(Map<Long, Double> byTime) {
    List<ChartHistory.Point> out = new ArrayList<>();
    byTime.forEach((t, v) -> out.add(new ChartHistory.Point(Instant.ofEpochMilli(t), v)));
    return out;
  }
}
