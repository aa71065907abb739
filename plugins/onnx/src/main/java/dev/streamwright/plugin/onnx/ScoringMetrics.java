package dev.streamwright.plugin.onnx;

import java.time.Clock;
import java.util.Optional;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;

/**
 * The health of one model in one task, as Flink metrics: rows scored, invalid rows skipped or
 * scored with the default value, rows that could not be scored, and the last of these problems in
 * words with its time. A model that skips every row or keeps failing must be visible in the studio
 * and on any Flink dashboard, not only in a task manager's log.
 *
 * <p>The metrics live in the group {@code streamwright.model.<model name>} of the ML_PREDICT
 * operator, so a reader of Flink's REST API finds them by that scope; the names are the constants
 * here. Counters are thread-safe: an async batch may complete on the batcher's timer thread.
 *
 * <p>A problem is recorded before its rows are counted, and Flink's metric dump reads every counter
 * of a task before any gauge, so a dump that counts a row holds that row's problem or a newer one
 * as the last. (Flink's REST store may still pair new counters with the previous dump's gauges for
 * one refresh; see the runtime's reader.)
 */
public final class ScoringMetrics {

  /** The first metric group under the operator. */
  public static final String GROUP = "streamwright";

  /** The key of the group whose value is the model's name. */
  public static final String MODEL_KEY = "model";

  /** Rows the model scored (including those scored with the default value). */
  public static final String SCORED_ROWS = "scoredRows";

  /** Rows dropped for an invalid feature under {@code on-invalid-input} = {@code skip}. */
  public static final String SKIPPED_ROWS = "skippedRows";

  /** Rows scored with {@code invalid-input.default-value} in place of an invalid feature. */
  public static final String DEFAULTED_ROWS = "defaultedRows";

  /** Rows that could not be scored: ONNX Runtime failed, or an invalid feature under fail. */
  public static final String ERROR_ROWS = "errorRows";

  /**
   * The last problem in words, e.g. {@code INPUT column 'amount' is NaN} (what was done with the
   * row follows from the model's policy and the counters) or a scoring failure; empty before the
   * first.
   */
  public static final String LAST_PROBLEM = "lastProblem";

  /** When the last problem happened, in epoch milliseconds; 0 before the first. */
  public static final String LAST_PROBLEM_TIME = "lastProblemTime";

  private final ScoringSpec spec;
  private final Clock clock;
  private final RowData.FieldGetter[] getters;
  private final Counter scored;
  private final Counter skipped;
  private final Counter defaulted;
  private final Counter errors;
  private volatile Problem last = new Problem("", 0);

  /** The last problem and its time, replaced as one so a reader never mixes two. */
  private record Problem(String what, long at) {}

  private ScoringMetrics(ScoringSpec spec, MetricGroup operator, Clock clock) {
    this.spec = spec;
    this.clock = clock;
    this.getters = new RowData.FieldGetter[spec.featureTypes().size()];
    for (int i = 0; i < getters.length; i++) {
      getters[i] = RowData.createFieldGetter(spec.featureTypes().get(i), i);
    }
    MetricGroup group = operator.addGroup(GROUP).addGroup(MODEL_KEY, spec.model());
    scored = group.counter(SCORED_ROWS, new ThreadSafeSimpleCounter());
    skipped = group.counter(SKIPPED_ROWS, new ThreadSafeSimpleCounter());
    defaulted = group.counter(DEFAULTED_ROWS, new ThreadSafeSimpleCounter());
    errors = group.counter(ERROR_ROWS, new ThreadSafeSimpleCounter());
    // Flink's metric reporters refuse a null gauge value: empty and 0 mean "none yet".
    group.gauge(LAST_PROBLEM, (Gauge<String>) () -> last.what());
    group.gauge(LAST_PROBLEM_TIME, (Gauge<Long>) () -> last.at());
  }

  /**
   * Registers the model's metrics on the function's operator.
   *
   * @param context the function's context; null (a function opened outside Flink) registers nowhere
   */
  static ScoringMetrics register(FunctionContext context, ScoringSpec spec) {
    return register(
        context == null ? new UnregisteredMetricsGroup() : context.getMetricGroup(),
        spec,
        Clock.systemUTC());
  }

  static ScoringMetrics register(MetricGroup operator, ScoringSpec spec, Clock clock) {
    return new ScoringMetrics(spec, operator, clock);
  }

  /**
   * Counts what {@link FeatureReader#read} did with a row: an empty result was skipped; under
   * {@code default}, a row whose vector holds the default value is checked for the invalid feature
   * that put it there (only such rows are looked at again, so valid rows cost one compare per
   * feature).
   */
  void read(RowData row, Optional<float[]> features) {
    if (features.isEmpty()) {
      problem(firstInvalid(row));
      skipped.inc();
      return;
    }
    if (spec.onInvalidInput() != InvalidInputPolicy.DEFAULT) {
      return;
    }
    float stand = (float) spec.invalidInputDefault();
    for (float f : features.get()) {
      if (Float.compare(f, stand) == 0) {
        String invalid = firstInvalid(row);
        if (!invalid.isEmpty()) {
          problem(invalid);
          defaulted.inc();
        }
        return;
      }
    }
  }

  /** Rows that were scored. */
  void scored(int rows) {
    scored.inc(rows);
  }

  /** Rows that could not be scored, and why: the message names the model already. */
  void failed(int rows, Throwable error) {
    String message = String.valueOf(error.getMessage());
    String prefix = "Model '" + spec.model() + "' (provider 'onnx'): ";
    problem(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    errors.inc(rows);
  }

  private void problem(String what) {
    last = new Problem(what, clock.millis());
  }

  /**
   * The first feature {@link FeatureReader} treats as invalid (NULL, or not finite as a float),
   * e.g. {@code INPUT column 'amount' is NaN}; empty when there is none.
   */
  private String firstInvalid(RowData row) {
    for (int i = 0; i < getters.length; i++) {
      Object value = getters[i].getFieldOrNull(row);
      float f = value instanceof Number n ? n.floatValue() : Float.NaN;
      if (value == null || !Float.isFinite(f)) {
        String what =
            value == null
                ? "NULL"
                : value instanceof Number n && Double.isFinite(n.doubleValue())
                    ? value + " (too large for a float)"
                    : String.valueOf(value);
        return "INPUT column '" + spec.featureNames().get(i) + "' is " + what;
      }
    }
    return "";
  }
}
