package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both predict functions count scored, skipped, defaulted and failed rows in the model's metric
 * group and keep the last problem in words, with a real ONNX model behind them.
 */
class ScoringMetricsTest {

  private static final float[] W = {0.8f, -1.5f};
  private static final String SCOPE = "streamwright.model.fraud__model.";

  @TempDir Path dir;

  private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

  /**
   * When not null, every counter increment is followed by what Flink's metric dump would read at
   * that moment: the counters first, then the gauges. The entry is {@code <count>: <last problem>}.
   */
  private List<String> dumps;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  @Test
  void asyncScoringCountsScoredAndSkippedRowsAndNamesTheLastBadColumn() throws Exception {
    OnnxAsyncPredictFunction f = async(InvalidInputPolicy.SKIP, 2);
    long before = System.currentTimeMillis();
    List<CompletableFuture<Collection<RowData>>> results = new ArrayList<>();
    results.add(f.asyncPredict(GenericRowData.of(1f, 2.0)));
    results.add(f.asyncPredict(GenericRowData.of(1f, Double.NaN)));
    results.add(f.asyncPredict(GenericRowData.of(null, 2.0)));
    results.add(f.asyncPredict(GenericRowData.of(3f, 4.0)));
    for (CompletableFuture<Collection<RowData>> r : results) {
      r.get();
    }

    assertThat(count("scoredRows")).isEqualTo(2);
    assertThat(count("skippedRows")).isEqualTo(2);
    assertThat(count("defaultedRows")).isZero();
    assertThat(count("errorRows")).isZero();
    assertThat(gauge("lastProblem")).isEqualTo("INPUT column 'amount' is NULL");
    assertThat((Long) gauge("lastProblemTime")).isBetween(before, System.currentTimeMillis());
  }

  @Test
  void defaultedRowsAreCountedButAValidFeatureEqualToTheDefaultIsNot() throws Exception {
    OnnxAsyncPredictFunction f = async(InvalidInputPolicy.DEFAULT, 1);

    f.asyncPredict(GenericRowData.of(0.5f, 2.0)).get(); // 0.5 is the default value, but valid
    f.asyncPredict(GenericRowData.of(1f, Double.POSITIVE_INFINITY)).get();

    assertThat(count("scoredRows")).isEqualTo(2);
    assertThat(count("defaultedRows")).isEqualTo(1);
    assertThat(gauge("lastProblem")).isEqualTo("INPUT column 'velocity' is Infinity");
  }

  @Test
  void noProblemYetReadsAsEmptyAndZero() throws Exception {
    async(InvalidInputPolicy.SKIP, 1).asyncPredict(GenericRowData.of(1f, 2.0)).get();

    assertThat(gauge("lastProblem")).isEqualTo("");
    assertThat(gauge("lastProblemTime")).isEqualTo(0L);
  }

  @Test
  void anInvalidFeatureUnderFailIsAnErrorRowWithTheColumnInTheLastProblem() throws Exception {
    OnnxAsyncPredictFunction f = async(InvalidInputPolicy.FAIL, 1);

    assertThat(f.asyncPredict(GenericRowData.of(1f, Double.NaN))).isCompletedExceptionally();

    assertThat(count("errorRows")).isEqualTo(1);
    assertThat((String) gauge("lastProblem"))
        .startsWith("INPUT column 'velocity' is NaN in a row to score.")
        .doesNotContain("Model 'fraud__model'");
  }

  @Test
  void aBatchOnnxRuntimeCannotScoreCountsEachOfItsRowsAsAnError() throws Exception {
    // The spec feeds three features to a model that takes two: ONNX Runtime refuses the batch.
    ScoringSpec spec =
        spec(
            InvalidInputPolicy.FAIL,
            List.of("amount", "velocity", "extra"),
            List.of(new FloatType(), new DoubleType(), new DoubleType()));
    OnnxAsyncPredictFunction f = open(new OnnxAsyncPredictFunction(spec, 2));

    CompletableFuture<Collection<RowData>> a = f.asyncPredict(GenericRowData.of(1f, 2.0, 3.0));
    CompletableFuture<Collection<RowData>> b = f.asyncPredict(GenericRowData.of(1f, 2.0, 3.0));

    assertThat(a).isCompletedExceptionally();
    assertThat(b).isCompletedExceptionally();
    assertThat(count("errorRows")).isEqualTo(2);
    assertThat(count("scoredRows")).isZero();
    assertThat((String) gauge("lastProblem"))
        .startsWith("ONNX Runtime failed to score a batch of 2 rows with ");
  }

  @Test
  void syncScoringCountsTheSameWay() throws Exception {
    OnnxPredictFunction f = new OnnxPredictFunction(spec(InvalidInputPolicy.SKIP));
    f.open(context());
    opened.add(f::close);

    assertThat(f.predict(GenericRowData.of(1f, 2.0))).hasSize(1);
    assertThat(f.predict(GenericRowData.of(1f, Double.NEGATIVE_INFINITY))).isEmpty();

    assertThat(count("scoredRows")).isEqualTo(1);
    assertThat(count("skippedRows")).isEqualTo(1);
    assertThat(gauge("lastProblem")).isEqualTo("INPUT column 'velocity' is -Infinity");
  }

  @Test
  void syncScoringCountsAFailedRow() throws Exception {
    OnnxPredictFunction f = new OnnxPredictFunction(spec(InvalidInputPolicy.FAIL));
    f.open(context());
    opened.add(f::close);

    assertThatThrownBy(() -> f.predict(GenericRowData.of(null, 2.0)))
        .hasMessageContaining("INPUT column 'amount' is NULL");
    assertThat(count("errorRows")).isEqualTo(1);
  }

  /**
   * Flink's metric dump reads every counter before any gauge, and a task may count a row while the
   * dump runs: a dump that sees a bad row counted must see that row's problem as the last, not the
   * previous row's.
   */
  @Test
  void aDumpRightAfterARowIsCountedNamesThatRowsProblem() throws Exception {
    dumps = new ArrayList<>();
    OnnxAsyncPredictFunction skipping = async(InvalidInputPolicy.SKIP, 1);

    skipping.asyncPredict(GenericRowData.of(null, 2.0)).get();
    skipping.asyncPredict(GenericRowData.of(1f, Double.NaN)).get();
    skipping.asyncPredict(GenericRowData.of(1f, 2.0)).get();

    assertThat(dumps)
        .containsExactly(
            "skippedRows 1: INPUT column 'amount' is NULL",
            "skippedRows 2: INPUT column 'velocity' is NaN",
            "scoredRows 1: INPUT column 'velocity' is NaN");

    dumps.clear();
    metrics.clear();
    OnnxAsyncPredictFunction failing = async(InvalidInputPolicy.FAIL, 1);

    assertThat(failing.asyncPredict(GenericRowData.of(1f, Double.NaN))).isCompletedExceptionally();

    assertThat(dumps)
        .singleElement(as(STRING))
        .startsWith("errorRows 1: INPUT column 'velocity' is NaN");
  }

  private OnnxAsyncPredictFunction async(InvalidInputPolicy policy, int batch) throws Exception {
    return open(new OnnxAsyncPredictFunction(spec(policy), batch));
  }

  private OnnxAsyncPredictFunction open(OnnxAsyncPredictFunction f) throws Exception {
    f.open(context());
    opened.add(f::close);
    return f;
  }

  private ScoringSpec spec(InvalidInputPolicy policy) {
    return spec(
        policy,
        List.of("amount", "velocity"),
        List.<LogicalType>of(new FloatType(), new DoubleType()));
  }

  private ScoringSpec spec(
      InvalidInputPolicy policy, List<String> names, List<? extends LogicalType> types) {
    Path model =
        OnnxModels.write(dir, "m.onnx", OnnxModels.logisticMatrix("x", W, 0.1f, "fraud_score"));
    return new ScoringSpec(
        "fraud__model",
        model.toString(),
        new TensorLayout(
            List.of("x"), true, List.of(names.size()), List.of("fraud_score"), List.of(false)),
        names,
        List.copyOf(types),
        List.of(false),
        64,
        Duration.ofHours(1),
        policy,
        0.5);
  }

  /** A function context whose operator group records what is registered, by full scope. */
  private FunctionContext context() {
    MetricGroup operator = new Recording("");
    return new FunctionContext(null) {
      @Override
      public MetricGroup getMetricGroup() {
        return operator;
      }
    };
  }

  private long count(String name) {
    return ((Counter) metrics.get(SCOPE + name)).getCount();
  }

  private Object gauge(String name) {
    return ((Gauge<?>) metrics.get(SCOPE + name)).getValue();
  }

  /** A counter after whose every increment Flink's dump order is replayed into {@link #dumps}. */
  private final class DumpedAfterEachIncrement extends ThreadSafeSimpleCounter {
    private final String name;

    DumpedAfterEachIncrement(String name) {
      this.name = name;
    }

    @Override
    public void inc(long n) {
      super.inc(n);
      dumps.add(name + " " + getCount() + ": " + gauge("lastProblem"));
    }

    @Override
    public void inc() {
      inc(1);
    }
  }

  private final class Recording extends UnregisteredMetricsGroup {
    private final String scope;

    Recording(String scope) {
      this.scope = scope;
    }

    @Override
    public MetricGroup addGroup(String name) {
      return new Recording(scope + name + ".");
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
      return new Recording(scope + key + "." + value + ".");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C extends Counter> C counter(String name, C counter) {
      C registered = counter;
      if (dumps != null && counter instanceof ThreadSafeSimpleCounter) {
        registered = (C) new DumpedAfterEachIncrement(name);
      }
      metrics.put(scope + name, registered);
      return registered;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
      metrics.put(scope + name, gauge);
      return gauge;
    }
  }
}
