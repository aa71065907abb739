package dev.streamwright.monitor.series;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded history of the monitor's series: raw points over the last {@code raw} span (15 min by
 * default) and min/max/avg buckets over {@code history} (24 h of 1-minute buckets by default).
 *
 * <p>Storage is primitive ring buffers per series, so 24 h of 100 series stay in a few megabytes
 * (docs/PERFORMANCE.md). A series keeps at most {@value #MAX_RAW_POINTS} raw points, enough for 9
 * points a second over 15 minutes; beyond that its oldest raw points go early. Points of a series
 * are expected in time order: an older point than the series' newest still counts in its bucket but
 * not among the raw points. NaN and infinite values are not measurements and are skipped.
 * Thread-safe: pollers write while the FX thread reads, and {@link #version()} tells a reader
 * whether anything changed since it last drew.
 */
public final class SeriesStore {

  /** Raw points kept per series at most. */
  public static final int MAX_RAW_POINTS = 8192;

  private final long rawMs;
  private final long historyMs;
  private final long bucketMs;
  private final ConcurrentHashMap<SeriesKey, Series> series = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  /** Raw points for 15 minutes, history for 24 hours in 1-minute buckets. */
  public SeriesStore() {
    this(Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofMinutes(1));
  }

  /**
   * A store with the given spans.
   *
   * @param raw how long raw points are kept, counted back from a series' newest point
   * @param history how long buckets are kept, counted back from a series' newest bucket
   * @param bucket the length of one bucket, at most {@code history}
   */
  public SeriesStore(Duration raw, Duration history, Duration bucket) {
    rawMs = positiveMillis(raw, "raw");
    historyMs = positiveMillis(history, "history");
    bucketMs = positiveMillis(bucket, "bucket");
    if (bucketMs > historyMs) {
      throw new IllegalArgumentException(
          "series bucket (" + bucket + ") must not be longer than the history (" + history + ")");
    }
  }

  /** Records one measurement of a series. */
  public void record(SeriesKey key, long epochMs, double value) {
    Objects.requireNonNull(key, "key");
    if (!Double.isFinite(value)) {
      return;
    }
    seriesOf(key).record(epochMs, value);
    version.incrementAndGet();
  }

  /** The raw points of a series, oldest first, within the raw span of its newest point. */
  public List<SeriesPoint> raw(SeriesKey key) {
    Series s = series.get(key);
    return s == null ? List.of() : s.raw();
  }

  /** The buckets of a series, oldest first, within the history span of its newest bucket. */
  public List<SeriesBucket> history(SeriesKey key) {
    Series s = series.get(key);
    return s == null ? List.of() : s.history();
  }

  /** The series recorded or imported so far. */
  public Set<SeriesKey> keys() {
    return Set.copyOf(series.keySet());
  }

  /** A number that increases with every record or import: the readers' dirty flag. */
  public long version() {
    return version.get();
  }

  /** Every series' buckets, for persisting. */
  public Map<SeriesKey, List<SeriesBucket>> exportHistory() {
    Map<SeriesKey, List<SeriesBucket>> out = new LinkedHashMap<>();
    series.forEach(
        (key, s) -> {
          List<SeriesBucket> buckets = s.history();
          if (!buckets.isEmpty()) {
            out.put(key, buckets);
          }
        });
    return out;
  }

  /**
   * Merges persisted buckets in, e.g. at start-up: a bucket is realigned to this store's bucket
   * length and combined with a bucket already there; buckets outside the history span, empty or not
   * finite ones are dropped. Raw points are not persisted, so none are added.
   */
  public void importHistory(Map<SeriesKey, List<SeriesBucket>> history) {
    Objects.requireNonNull(history, "history");
    history.forEach(
        (key, buckets) -> {
          List<SeriesBucket> sorted =
              buckets.stream().sorted(Comparator.comparingLong(SeriesBucket::startMs)).toList();
          seriesOf(Objects.requireNonNull(key, "key")).merge(sorted);
        });
    version.incrementAndGet();
  }

  private Series seriesOf(SeriesKey key) {
    return series.computeIfAbsent(key, k -> new Series(rawMs, historyMs, bucketMs, MAX_RAW_POINTS));
  }

  private static long positiveMillis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "series " + name + " span must be at least 1 ms, got " + d);
    }
    return d.toMillis();
  }
}
