package dev.streamwright.plugin.onnx.tap;

/**
 * One numeric column's figures for the open window: counts, sums, extremes and a reservoir sample.
 * Adding a value allocates nothing. Not thread-safe (its {@link TapRecorder} guards it).
 */
final class NumericSketch {

  private final Reservoir reservoir;
  private long count;
  private long missing;
  private double sum;
  private double sumOfSquares;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  NumericSketch(int sampleSize, long seed) {
    this.reservoir = new Reservoir(sampleSize, seed);
  }

  /** Counts a value; NaN and the infinities count as missing. */
  void add(double v) {
    if (!Double.isFinite(v)) {
      missing++;
      return;
    }
    count++;
    sum += v;
    sumOfSquares += v * v;
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    reservoir.offer(v);
  }

  /** Counts a null. */
  void addMissing() {
    missing++;
  }

  NumericWindow window(long start, long length) {
    return new NumericWindow(
        start, length, count, missing, sum, sumOfSquares, min, max, reservoir.sample());
  }

  void reset() {
    count = 0;
    missing = 0;
    sum = 0;
    sumOfSquares = 0;
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    reservoir.clear();
  }
}
