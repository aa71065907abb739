package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.series.SeriesBucket;
import dev.streamwright.monitor.series.SeriesKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs a monitor's downsampled history for the workspace and back: one array of {@code (start ms,
 * min, max, avg, count)} quintuples per series, keyed {@code metric|scope}.
 */
final class MonitorHistoryCodec {

  private static final int FIELDS = 5;

  private MonitorHistoryCodec() {}

  static Map<String, double[]> pack(Map<SeriesKey, List<SeriesBucket>> history) {
    Map<String, double[]> out = new HashMap<>();
    history.forEach(
        (key, buckets) -> {
          double[] packed = new double[buckets.size() * FIELDS];
          int i = 0;
          for (SeriesBucket b : buckets) {
            packed[i++] = b.startMs();
            packed[i++] = b.min();
            packed[i++] = b.max();
            packed[i++] = b.avg();
            packed[i++] = b.count();
          }
          out.put(key.metric() + "|" + key.scope(), packed);
        });
    return out;
  }

  static Map<SeriesKey, List<SeriesBucket>> unpack(Map<String, double[]> packed) {
    Map<SeriesKey, List<SeriesBucket>> out = new HashMap<>();
    packed.forEach(
        (key, values) -> {
          int bar = key.indexOf('|');
          if (bar < 0 || values.length % FIELDS != 0) {
            return; // not ours, or damaged: the history starts afresh
          }
          List<SeriesBucket> buckets = new ArrayList<>();
          for (int i = 0; i < values.length; i += FIELDS) {
            buckets.add(
                new SeriesBucket(
                    (long) values[i],
                    values[i + 1],
                    values[i + 2],
                    values[i + 3],
                    (long) values[i + 4]));
          }
          out.put(new SeriesKey(key.substring(0, bar), key.substring(bar + 1)), buckets);
        });
    return out;
  }
}
