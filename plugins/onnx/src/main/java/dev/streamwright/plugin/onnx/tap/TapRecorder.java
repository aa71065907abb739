package dev.streamwright.plugin.onnx.tap;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.table.data.ArrayData;

/**
 * The figures one drift tap keeps in one subtask: per monitored column a sketch of the open
 * processing-time window, and the {@link TapWire} text of the last closed window, which the tap's
 * gauges read.
 *
 * <p>Windows are tumbling, aligned to multiples of their length since the epoch. The open window
 * closes at the first row after its end, or when a gauge is read after its end, so a pipeline that
 * went quiet reports an empty last window rather than a stale one. The last closed window is always
 * the one just before the window the clock is in: when rows stopped for longer than a window, the
 * sketch of their window is dropped and an empty window reported (a reader polling at least once a
 * window sees every window). The task thread ({@link #record}) and the metrics thread ({@link
 * #text}) may call it at once; both take the recorder's lock, which the task thread takes once per
 * row.
 */
public final class TapRecorder {

  /** Values kept per numeric column and window. */
  public static final int SAMPLE_SIZE = 2_000;

  /** Categories counted exactly per categorical column and window; the rest count as other. */
  public static final int CATEGORY_LIMIT = 200;

  private final long length;
  private final TapKind[] kinds;
  private final NumericSketch[] numeric;
  private final CategoricalSketch[] categorical;
  private final LongSupplier clock;
  private final String[] last;
  private long start;

  /**
   * A recorder whose first window is the one the clock is in.
   *
   * @param windowMillis the windows' length
   * @param kinds the kind of each monitored column, in argument order
   * @param clock the processing time in epoch milliseconds
   * @param seed seed of the columns' samples
   */
  public TapRecorder(long windowMillis, List<TapKind> kinds, LongSupplier clock, long seed) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("window must be positive, got " + windowMillis + " ms");
    }
    this.length = windowMillis;
    this.kinds = kinds.toArray(TapKind[]::new);
    this.numeric = new NumericSketch[this.kinds.length];
    this.categorical = new CategoricalSketch[this.kinds.length];
    for (int i = 0; i < this.kinds.length; i++) {
      if (this.kinds[i] == TapKind.NUMERIC) {
        numeric[i] = new NumericSketch(SAMPLE_SIZE, seed + 0x9E3779B97F4A7C15L * (i + 1));
      } else {
        categorical[i] = new CategoricalSketch(CATEGORY_LIMIT);
      }
    }
    this.clock = clock;
    this.last = new String[this.kinds.length];
    java.util.Arrays.fill(last, TapWire.NONE);
    this.start = align(clock.getAsLong());
  }

  /** How many columns it profiles. */
  public int columns() {
    return kinds.length;
  }

  /**
   * Counts one row: {@code values[offset + i]} is column {@code i}'s value (a {@link Number} for a
   * numeric column, a {@link String} or {@link Boolean} for a categorical one, or null).
   */
  public void record(Object[] values, int offset) {
    long now = clock.getAsLong();
    synchronized (this) {
      if (now >= start + length) {
        roll(now);
      }
      for (int i = 0; i < kinds.length; i++) {
        Object v = values[offset + i];
        if (kinds[i] == TapKind.NUMERIC) {
          if (v == null) {
            numeric[i].addMissing();
          } else {
            numeric[i].add(((Number) v).doubleValue());
          }
        } else if (v == null) {
          categorical[i].addMissing();
        } else {
          categorical[i].add(v.toString());
        }
      }
    }
  }

  /**
   * Counts one row whose first numeric columns come as one array of doubles ({@code numbers}, null
   * when the whole array is null) and the rest as {@code values[offset + i]}, as {@link #record}
   * takes them.
   */
  public void record(ArrayData numbers, Object[] values, int offset) {
    long now = clock.getAsLong();
    synchronized (this) {
      if (now >= start + length) {
        roll(now);
      }
      int n = kinds.length - (values.length - offset);
      for (int i = 0; i < n; i++) {
        if (numbers == null || numbers.isNullAt(i)) {
          numeric[i].addMissing();
        } else {
          numeric[i].add(numbers.getDouble(i));
        }
      }
      for (int i = n; i < kinds.length; i++) {
        Object v = values[offset + i - n];
        if (kinds[i] == TapKind.NUMERIC) {
          if (v == null) {
            numeric[i].addMissing();
          } else {
            numeric[i].add(((Number) v).doubleValue());
          }
        } else if (v == null) {
          categorical[i].addMissing();
        } else {
          categorical[i].add(v.toString());
        }
      }
    }
  }

  /** The {@link TapWire} text of column {@code i}'s last closed window ({@code NONE} before). */
  public String text(int i) {
    long now = clock.getAsLong();
    synchronized (this) {
      if (now >= start + length) {
        roll(now);
      }
      return last[i];
    }
  }

  private void roll(long now) {
    long current = align(now);
    long previous = current - length;
    boolean publish = start == previous;
    for (int i = 0; i < kinds.length; i++) {
      if (!publish) {
        reset(i);
      }
      TapWindow w =
          kinds[i] == TapKind.NUMERIC
              ? numeric[i].window(previous, length)
              : categorical[i].window(previous, length);
      last[i] = TapWire.encode(w);
      reset(i);
    }
    start = current;
  }

  private void reset(int i) {
    if (kinds[i] == TapKind.NUMERIC) {
      numeric[i].reset();
    } else {
      categorical[i].reset();
    }
  }

  private long align(long t) {
    return t - Math.floorMod(t, length);
  }
}
